"""One regex for a list of literal words, built so the regex engine scans it fast.

Python's engine tries every alternative of `a|b|c…` at every position of the text. A lookahead for
the words' first characters in front, `(?=[abc…])(?:…)`, lets it skip in C every position where no
word can start: the same matches (any match starts with one of those characters), several times faster
on prose (measured: 4x on the entity boundary words).
"""
from __future__ import annotations

import re
from typing import Iterable


def first_character_class(first_characters: Iterable[str]) -> str:
    return "[" + re.escape("".join(sorted(set(first_characters)))) + "]"


def literal_alternation(words: Iterable[str]) -> str:
    """The words as one group, longest first (the longest word at a position wins)."""
    ordered = sorted(set(words), key=len, reverse=True)
    if not ordered:
        return "(?!)"
    return f"(?={first_character_class(w[0] for w in ordered)})(?:{'|'.join(map(re.escape, ordered))})"
