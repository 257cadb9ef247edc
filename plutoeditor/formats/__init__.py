"""Reading and writing policy files: the native YAML format and the importers."""
