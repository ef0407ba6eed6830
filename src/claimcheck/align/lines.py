"""Line and column of a character offset, from one index of line starts per text.

``text.count("\\n", 0, offset)`` per claim is quadratic on a long text with many claims; the
index is built once (one pass over the text) and each lookup is a bisect.
"""
from __future__ import annotations

import re
from bisect import bisect_right

_NEWLINE = re.compile("\n")


class LineIndex:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of ``offset`` (columns count characters)."""
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


_last: list[LineIndex] = []  # the index of the text seen last (a report asks for many claims)


def line_column(text: str, offset: int) -> tuple[int, int]:
    """``LineIndex(text).position(offset)``, reusing the index while the text stays the same."""
    index = _last[0] if _last and _last[0].text is text else None
    if index is None:
        index = LineIndex(text)
        _last[:] = [index]
    return index.position(offset)
