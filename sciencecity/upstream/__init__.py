"""Workarounds for gaps in upstream packages, one module each, so each can be deleted in one go."""
