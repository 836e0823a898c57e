"""The version of the liza distribution."""

__version__ = "0.1.0.dev0"
