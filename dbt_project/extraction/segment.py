"""Split a document's text into paragraphs, sentences and clauses, keeping exact offsets.

Every span keeps `start`/`end` into the original text, so `text[start:end]` is always an exact
substring (fact-table quotes must be Ctrl-F-able in the document text). Section headings
(一、… / （一）… / short lines without sentence punctuation) are carried down to the clauses
beneath them, because they decide period and is_target (a plan section's figures are targets).
"""
from __future__ import annotations

import re
from typing import NamedTuple

SENTENCE_END = "。！？!?；;…"  # (…… ends a thought in news copy)
CLAUSE_BREAK = "，,、：:"  # 、 only matters for clause-level work; callers may re-join

_HEADING_PATTERNS = (
    re.compile(r"^[一二三四五六七八九十]+、"),
    re.compile(r"^[（(][一二三四五六七八九十]+[）)]"),
    re.compile(r"^第[一二三四五六七八九十]+[部分章节]"),
)

# list markers that open an item (shared by the indicator and table rules): (2) （二） 1. 2、 ① 一是 二、 第三，
LIST_MARKER = re.compile(
    r"^(?:[(（][0-9０-９一二三四五六七八九十]{1,3}[)）]|[0-9０-９]{1,2}[.．、](?![0-9０-９])|[①-⑳]"
    r"|[一二三四五六七八九十]{1,3}(?:是|、)|其[一二三四五六七八九十]{1,2}[，,是]?|第[一二三四五六七八九十]{1,3}[，,、])\s*"
)

_PUNCTUATION_OR_DIGIT = re.compile(r"[。；;，,]|\d")
_SENT_RE = re.compile(rf"[^{SENTENCE_END}]+[{SENTENCE_END}]*")
_CLAUSE_RE = re.compile(r"[^，,：:]+[，,：:]?")


# NamedTuples, not dataclasses: a document has thousands of clauses and these are built for each
class Span(NamedTuple):
    text: str
    start: int
    end: int


class Sentence(NamedTuple):
    position: int          # running index of the sentence in the document
    paragraph: int         # index of the paragraph (line) it sits in
    heading: str | None    # the nearest section heading above it
    headings: tuple[str, ...]  # all enclosing headings, outermost first
    span: Span
    clauses: tuple[Span, ...]


_SPACE = " \t\u3000\u00a0\r\n"


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return start, end


def heading_level(line: str) -> int | None:
    """1 for 一、, 2 for （一）, 3 for a short unpunctuated line; None for body text."""
    if "\t" in line:
        return None  # a table row (cells are tab-separated), whatever its first cell says
    for level, pattern in enumerate(_HEADING_PATTERNS, start=1):
        if pattern.match(line):
            # 一、… followed by a long body sentence is still a heading only if it is short
            return level if len(line) <= 60 or level < 3 else None
    if len(line) <= 30 and not _PUNCTUATION_OR_DIGIT.search(line):
        return 3
    return None


def paragraphs(text: str) -> list[Span]:
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        s, e = _strip_span(text, pos, pos + len(line))
        if e > s:
            out.append(Span(text[s:e], s, e))
        pos += len(line)
    return out


def sentences(text: str) -> list[Sentence]:
    result: list[Sentence] = []
    stack: dict[int, str] = {}
    for p_index, para in enumerate(paragraphs(text)):
        level = heading_level(para.text)
        if level is not None and len(para.text) <= 60:
            stack = {k: v for k, v in stack.items() if k < level}
            stack[level] = para.text
        headings = tuple(stack[k] for k in sorted(stack))
        heading = headings[-1] if headings else None
        for m in _SENT_RE.finditer(text, para.start, para.end):
            s, e = _strip_span(text, m.start(), m.end())
            if e <= s:
                continue
            result.append(Sentence(len(result), p_index, heading, headings, Span(text[s:e], s, e),
                                   _clauses(text, s, e)))
    return result


def _clauses(text: str, s: int, e: int) -> tuple[Span, ...]:
    clauses = []
    for c in _CLAUSE_RE.finditer(text, s, e):
        cs, ce = c.span()
        if text[cs] in _SPACE or text[ce - 1] in _SPACE:  # rare: most clauses need no stripping
            cs, ce = _strip_span(text, cs, ce)
            if ce <= cs:
                continue
        clauses.append(Span(text[cs:ce], cs, ce))
    return tuple(clauses)
