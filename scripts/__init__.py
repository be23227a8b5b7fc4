"""Turn the report in seeds/ into the Markdown pages under docs/ (see README.md)."""
