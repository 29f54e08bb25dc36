"""Reading: text into sentences, sentences into typed values.

text, layout -> candidates -> shortcut | grammars (numbers, dategrammar,
clock, measures) -> context -> value (dateresolve, units, currencies,
intervals); `values.find_values` drives them, `values.values_in` reads a
whole text.
"""
