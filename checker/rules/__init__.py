"""Rules: rule files loaded and validated (load), compiled into fields (model),
their patterns (patterns) and cue words (proximity).
"""
