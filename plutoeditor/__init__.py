"""PlutoEditor: write, check, compare and publish policies offline."""

__version__ = "0.1.0"
