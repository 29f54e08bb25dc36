"""Reporting: the check's results as a table, markdown, lines, annotations or
JSON (formats), values for `claimcheck values` (show), and the baseline.
"""
