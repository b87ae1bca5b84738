"""Interchange formats, one module per format holding both directions (to and from the
native record dicts of storage/formats/native.py)."""
