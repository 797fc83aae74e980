"""The `ofsted-kg` command line: thin commands over the library API."""
