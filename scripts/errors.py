"""The one error type the pipeline raises for bad input: it names the file and the line."""

from __future__ import annotations


class InputError(Exception):
    """A problem in an input file, reported as `FILE:LINE: message` on one line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


def line_of(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1
