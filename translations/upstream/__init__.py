"""Workarounds for gaps in wagtail-localize that only the translations app meets, one module each.

Shared workarounds live in ``sciencecity/upstream/``; these two are applied by
``translations.apps`` alone and live here so the core stays under a quarter of the code.
"""
