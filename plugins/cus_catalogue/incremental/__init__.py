"""Incremental builds: a cache of what a build computed, keyed by everything it was made from.

Every cached result is a pure function of its key (record bytes, templates, plugin code,
settings, vocabularies, and for a page the values and context names it read), so a rebuild
from the cache writes the same bytes as a build from scratch.
"""
