"""A synthetic corpus in the style of the sample documents, for `liangqu bench`.

Paragraphs of the five gold texts are recombined across documents; numbers, districts and
years are varied, so indicator/project/measure density stays realistic while no two documents
are the same. Deterministic for a given seed, so figures are comparable over time.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from warehouse.paths import PROJECT_ROOT

GOLD_DIR = PROJECT_ROOT / "tests" / "data" / "gold"
DISTRICTS = (
    "东城区", "西城区", "朝阳区", "海淀区", "丰台区", "石景山区", "门头沟区", "房山区", "通州区",
    "顺义区", "昌平区", "大兴区", "怀柔区", "平谷区", "密云区", "延庆区",
)
_BOILERPLATE = re.compile(r"^(日期|来源|字号|面包屑|【字号|分享|打印|扫一扫)")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_DISTRICT = re.compile("|".join(DISTRICTS))
_TITLES = (
    "关于{district}{year}年国民经济和社会发展计划执行情况与{next}年国民经济和社会发展计划的报告",
    "{district}{year}年政府工作报告",
    "{year}年{district}“两区”建设工作要点",
    "{district}召开“两区”建设推进会",
    "{district}发布{year}年“两区”建设成绩单",
)


@dataclass(frozen=True)
class CorpusDocument:
    slug: str
    title: str
    district: str
    publish_date: str
    issuer: str
    text: str


def _paragraphs() -> list[str]:
    paras = []
    for path in sorted(GOLD_DIR.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip(" \t\u3000\u00a0")
            if len(line) >= 20 and not _BOILERPLATE.match(line):
                paras.append(line)
    return paras


def _vary_number(match: re.Match, rng: random.Random) -> str:
    raw = match.group(0)
    if len(raw) == 4 and raw.startswith("20") and "." not in raw:
        return raw  # a year stays a plausible year
    value = float(raw) * rng.uniform(0.6, 1.6)
    if match.string[match.end():match.end() + 1] in ("%", "％") and float(raw) <= 100 < value:
        # a share or a decline cannot pass 100%: stay between the original and 100
        value = float(raw) + (100 - float(raw)) * rng.random()
    if "." in raw:
        return f"{value:.{len(raw.split('.')[1])}f}"
    return str(max(1, round(value)))


def generate(n: int, seed: int = 20241123) -> list[CorpusDocument]:
    rng = random.Random(seed)
    paras = _paragraphs()
    docs = []
    for i in range(n):
        district = rng.choice(DISTRICTS)
        year = rng.choice((2021, 2022, 2023, 2024))
        body = []
        for para in rng.sample(paras, k=min(len(paras), rng.randint(8, 24))):
            para = _DIGITS.sub(lambda m: _vary_number(m, rng), para)
            para = _DISTRICT.sub(district, para)
            body.append("\u3000\u3000" + para)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        docs.append(
            CorpusDocument(
                slug=f"t{year}{month:02d}{day:02d}_{4000000 + i}",
                title=rng.choice(_TITLES).format(district=district, year=year, next=year + 1),
                district=district,
                publish_date=f"{year}-{month:02d}-{day:02d}",
                issuer=rng.choice(("区发改委", "区政府办", "区商务局", "区人大常委会办公室")),
                text="\n".join(body),
            )
        )
    return docs


def write_text_files(docs: list[CorpusDocument], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for doc in docs:
        path = folder / f"{doc.slug}.txt"
        path.write_text(f"{doc.title}\n日期:{doc.publish_date}    来源:{doc.issuer}\n{doc.text}\n", encoding="utf-8")
        out.append(path)
    return out
