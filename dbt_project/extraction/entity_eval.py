"""Dev loop for entity extraction: run it on the gold texts and score with the official scorer.

usage: python -m dbt_project.extraction.entity_eval [GOLD_DIR] [--out PRED.json] [--show projects|measures]

Each gold document's own `district` stands in for district_of (the real one comes from the
indicator/district layer); indicators are left empty, so only the projects, measures and
policy_documents lines of score.py mean anything here.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import pathlib
import sys
import tempfile

from .entities import extract_measures, extract_policy_documents, extract_projects
from .segment import sentences

DEFAULT_GOLD = pathlib.Path(__file__).resolve().parents[2] / "tests" / "data" / "gold"


def predict(gold_dir: pathlib.Path) -> dict[str, dict]:
    preds: dict[str, dict] = {}
    for gold_file in sorted(gold_dir.glob("*.json")):
        if gold_file.name.endswith(".meta.json"):
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = gold_file.with_suffix(".txt").read_text(encoding="utf-8")
        district = gold.get("district") or "北京市"
        sents = sentences(text)
        projects = extract_projects(text, sents, lambda _i, d=district: d)
        for p in projects:
            value, unit = p.pop("investment_value"), p.pop("investment_unit")
            p["investment"] = {"value": value, "unit": unit} if value is not None else None
        preds[gold["doc_id"]] = {
            "indicators": [],
            "projects": projects,
            "measures": extract_measures(text, sents, lambda _i, d=district: d),
            "policy_documents": extract_policy_documents(text),
        }
    return preds


def load_scorer(gold_dir: pathlib.Path):
    spec = importlib.util.spec_from_file_location("gold_score", gold_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def evaluate(gold_dir: pathlib.Path = DEFAULT_GOLD) -> dict[str, tuple[float, float, float]]:
    """{table: (precision, recall, f1)} for projects, measures and policy_documents."""
    scorer = load_scorer(gold_dir)
    summary, _attrs, _per_doc = scorer.score(scorer.load_gold(gold_dir), predict(gold_dir))
    return {k: summary[k] for k in ("projects", "measures", "policy_documents")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_dir", nargs="?", type=pathlib.Path, default=DEFAULT_GOLD)
    ap.add_argument("--out", type=pathlib.Path, help="write predictions (score.py PRED.json format) here")
    ap.add_argument("--show", choices=["projects", "measures"], help="list missed gold names and extra predictions")
    a = ap.parse_args(argv)
    preds = predict(a.gold_dir)
    out = a.out or pathlib.Path(tempfile.gettempdir()) / "liangqu_entity_pred.json"
    out.write_text(json.dumps(preds, ensure_ascii=False, indent=1), encoding="utf-8")
    scorer = load_scorer(a.gold_dir)
    gold = scorer.load_gold(a.gold_dir)
    summary, _attrs, _per_doc = scorer.score(gold, preds)
    if a.show:
        for doc_id, g in gold.items():
            p = preds[doc_id][a.show]
            pairs = scorer.match_names(p, g[a.show])
            hit_g = {id(gg) for _pp, gg in pairs}
            hit_p = {id(pp) for pp, _gg in pairs}
            for gg in g[a.show]:
                if id(gg) not in hit_g:
                    print(f"MISS {doc_id[:3]} {gg['name']} | {gg['quote'][:60]}")
            for pp in p:
                if id(pp) not in hit_p:
                    print(f"EXTRA {doc_id[:3]} {pp['name']} | {pp['quote'][:60]}")
    for table, label in (("projects", "sector"), ("measures", "domain")):
        agree = {"status": 0, label: 0}
        pairs = [pair for doc_id, g in gold.items() for pair in scorer.match_names(preds[doc_id][table], g[table])]
        for pp, gg in pairs:
            for key in agree:
                agree[key] += int(pp.get(key) == gg.get(key))
        n = len(pairs) or 1
        print(f"{table} on {len(pairs)} matched: " + " ".join(f"{k}={v / n:.3f}" for k, v in agree.items()))
    print(f"predictions: {out}")
    for k in ("projects", "measures", "policy_documents"):
        p, r, f = summary[k]
        print(f"{k:17s} P={p:.3f} R={r:.3f} F1={f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
