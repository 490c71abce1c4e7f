"""Pages written in traditional characters (some outlets' editions: 順義區…總投資約29億元) are read in simplified ones.

The rules and word lists are in simplified characters. A page that is mostly traditional is converted
with OpenCC (t2s) to a text of the same length, so every offset the rules find is an offset in the page.
What they find is given back in the page's own characters (quotes, metrics, names, titles: a quote must
stay an exact substring of the page; units as written, 億元, which seed `units` converts like 亿元), while
base units and jurisdictions stay in the warehouse's simplified vocabulary (元; 顺义区 joins dim_district).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

# Traditional-only forms of the commonest characters of government prose: a traditional page is full of
# them (one character in ten), a simplified one has none or a stray few. Counting them is cheap on every
# page (~15 µs), where matching all 4,000 traditional-only characters would cost a fifth of the extraction.
_TELLTALE = re.compile("[區經濟發國會產業項實現與為對開們這務際個進時動來過關將還]")
MIN_TELLTALES = 10
MIN_TELLTALE_SHARE = 0.02


@lru_cache(maxsize=1)
def _character_table() -> dict[int, str]:
    """OpenCC's traditional → simplified table, one character to one (the first reading of each)."""
    from importlib.resources import files

    table: dict[int, str] = {}
    lines = files("opencc").joinpath("dictionary", "TSCharacters.txt").read_text(encoding="utf-8").splitlines()
    for line in lines:
        traditional, _, readings = line.partition("\t")
        simplified = readings.split(" ")[0] if readings else ""
        if len(traditional) == 1 and len(simplified) == 1 and simplified != traditional:
            table[ord(traditional)] = simplified
    return table


@lru_cache(maxsize=1)
def _converter():
    from opencc import OpenCC

    return OpenCC("t2s")


def is_traditional(text: str) -> bool:
    count = len(_TELLTALE.findall(text))
    return count >= MIN_TELLTALES and count >= MIN_TELLTALE_SHARE * len(text)


def to_simplified(text: str) -> str:
    """The same text in simplified characters, character for character (OpenCC's phrases where they keep
    the length, as nearly all do; its character table otherwise)."""
    converted = _converter().convert(text)
    return converted if len(converted) == len(text) else text.translate(_character_table())


@dataclass(frozen=True)
class Page:
    """A page as written and as the rules read it (the same text unless it is in traditional characters)."""
    original: str
    readable: str
    converted: bool

    @classmethod
    def of(cls, text: str) -> "Page":
        if text and is_traditional(text):
            return cls(text, to_simplified(text), True)
        return cls(text, text, False)

    def readable_form(self, value: str | None) -> str | None:
        """A title or section of this page, in the characters its text is read in."""
        return to_simplified(value) if value and self.converted else value

    def substring(self, found: str, near: int) -> str:
        """The page's own characters for a substring of the readable text: its occurrence that starts
        at or before `near` (a quote and the number in it), else the first."""
        at = self.readable.rfind(found, 0, near + len(found))
        if at < 0:
            at = self.readable.find(found)
        return self.original[at:at + len(found)] if at >= 0 else self.written(found)

    def written(self, found: str) -> str:
        """The page's own characters for a string made of its words (a metric joined from two phrases)."""
        return found.translate(self._back_table)

    @cached_property
    def _back_table(self) -> dict[int, str]:
        back: dict[int, str] = {}
        for written, read in zip(self.original, self.readable):
            if written != read:
                back.setdefault(ord(read), written)
        return back
