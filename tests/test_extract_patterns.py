"""The fast word alternation finds exactly what the plain one finds."""
import random
import re

from dbt_project.extraction import entities, entity_lexicon
from dbt_project.extraction.patterns import literal_alternation


def test_literal_alternation_matches_like_the_plain_alternation():
    rng = random.Random(7)
    alphabet = "推进建设开放试点改革中心项目园区落地签约全面深化，。、"
    words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(60)} | {"a.b", "(x)"}
    plain = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    fast = re.compile(literal_alternation(words))
    for _ in range(200):
        text = "".join(rng.choice(alphabet + "a.b(x)") for _ in range(rng.randint(0, 80)))
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text
    assert re.compile(literal_alternation([])).search("anything") is None


def test_the_entity_scan_stops_where_the_plain_boundary_words_do():
    plain = re.compile(
        "(?P<mark>[" + re.escape(entities._STOP_MARKS) + "])|(?P<verb>"
        + "|".join(sorted(entity_lexicon.BOUNDARY_WORDS, key=len, reverse=True)) + ")"
    )
    text = ("推动北京大学第一医院城南院区建成投用，持续深化“放管服”改革、可持续发展等工作，"
            "全区在京落地项目12个，首创性改革相继推出，保障性住房、中国建设银行科技子公司落户海淀。")
    got = [(m.span(), m.lastgroup) for m in entities._STOP_RE.finditer(text)]
    assert got == [(m.span(), m.lastgroup) for m in plain.finditer(text)]
    assert got  # the text does hold boundary words and marks
