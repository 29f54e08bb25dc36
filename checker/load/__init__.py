"""Loading: the corpus (articles, manifests, reference dates), YAML files with
file:line:column for every value, and atomic writes.
"""
