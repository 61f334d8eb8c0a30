"""Scalars as the loader keeps them, shared by the YAML reader, the validator and JSON export.

Kept apart from ``yaml_reader`` so that code which only needs the type does not
import PyYAML (the app opening a cached report never parses YAML).
"""


class PlainNumber(str):
    """An unquoted scalar that reads as a decimal number; the string is the text as written."""

    __slots__ = ()
