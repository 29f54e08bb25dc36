"""Judging: fields' mentions extracted from each article (extract), combined
and compared across outlets (compare), for a whole corpus (check, with the
cache; touched: the events a changed file belongs to) or for rule examples
(ruletests).
"""
