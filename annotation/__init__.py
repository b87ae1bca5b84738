"""Hashiya's domain core: documents, spans, the label schema, and pure text functions.

Nothing in this package imports Qt (tests/test_architecture.py enforces it).
"""
