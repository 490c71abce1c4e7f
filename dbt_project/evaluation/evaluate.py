"""`liangqu eval`: land a gold folder's .txt files into a throwaway home, build, and score the
warehouse exactly as the gold folder's score.py does (the scorer is vendored unchanged beside this)."""
from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path
from types import ModuleType

from warehouse.paths import Home

VENDORED_SCORER = Path(__file__).resolve().parent / "score.py"


def load_scorer(gold_dir: Path) -> ModuleType:
    """The gold folder's own score.py when it has one (the official rules), else the vendored copy."""
    path = gold_dir / "score.py"
    if not path.exists():
        path = VENDORED_SCORER
    spec = importlib.util.spec_from_file_location("liangqu_gold_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_warehouse(gold_dir: Path, warehouse_db: Path) -> dict:
    scorer = load_scorer(gold_dir)
    gold = scorer.load_gold(gold_dir)
    pred, id_map = scorer.load_duckdb(warehouse_db, list(gold))
    summary, attrs, per_doc = scorer.score(gold, pred)
    return {
        "summary": summary,
        "attributes": attrs,
        "per_doc": per_doc,
        "missing_documents": sorted(set(gold) - set(id_map.values())),
    }


def evaluate(gold_dir: Path, home_dir: Path | None = None) -> dict:
    """Ingest, build and score; returns the scores plus the build's result."""
    from dbt_project.runner import dbt_build
    from scrapers.ingest import ingest_paths

    gold_dir = Path(gold_dir).resolve()
    if not any(gold_dir.glob("*.json")):
        raise FileNotFoundError(f"{gold_dir}: no gold .json annotations here")
    with tempfile.TemporaryDirectory(prefix="liangqu-eval-") as tmp:
        home = Home(Path(home_dir or tmp).resolve()).ensure()
        report = ingest_paths(home, [gold_dir])
        build = dbt_build(home)
        if not build.success:
            raise RuntimeError(f"dbt build failed:\n{build.failures}")
        result = score_warehouse(gold_dir, home.work_db)
        result["build"] = build.as_dict()
        result["ingested"] = report.landed + report.unchanged
        return result


def format_table(result: dict) -> str:
    lines = [f"{'table':17s} {'P':>6s} {'R':>6s} {'F1':>6s}"]
    for table, (p, r, f) in result["summary"].items():
        lines.append(f"{table:17s} {p:6.3f} {r:6.3f} {f:6.3f}")
    lines.append("on matched indicators: " + "  ".join(f"{k}={v:.3f}" for k, v in result["attributes"].items()))
    lines.append("")
    for doc, row in result["per_doc"].items():
        lines.append(doc + "  " + "  ".join(f"{k[:4]} F1={v[2]:.2f}" for k, v in row.items()))
    if result.get("missing_documents"):
        lines.append("documents not found in the warehouse: " + ", ".join(result["missing_documents"]))
    if "build" in result:
        lines.append(f"build: {result['build']['elapsed_s']:.1f} s, rows {result['build']['row_counts']}")
    return "\n".join(lines)
