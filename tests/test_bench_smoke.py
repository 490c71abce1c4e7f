"""`liangqu bench` keeps working: a tiny corpus through every measured step (no timed assertions).

Budget: about 60-90 s (two real builds, each importing Great Expectations).
"""
import json
import subprocess
import sys

import pytest

from warehouse.bench_corpus import generate
from warehouse.bench_site import serve, write_site

PHASE_FIGURES = (
    "crawl_docs_per_s", "crawl_wall_s", "crawl_peak_mib",
    "full_build_wall_s", "full_build_peak_mib", "full_build_dbt_s", "full_build_validate_s", "full_build_publish_s",
    "incremental_build_wall_s", "incremental_build_peak_mib", "incremental_build_dbt_s",
    "extract_mb_per_s", "extract_wall_s", "extract_peak_mib",
    "reference_cn2an_mb_per_s", "reference_wall_s", "reference_peak_mib", "extract_speedup_vs_reference",
    "quantities_mb_per_s", "quantities_found", "quantities_speedup_vs_reference",
    "paired_quantities_mb_per_s", "paired_reference_mb_per_s", "paired_quantities_speedup_vs_reference",
)


def test_bench_json_has_every_figure(tmp_path, liangqu_home):
    proc = subprocess.run(
        [sys.executable, "-m", "warehouse.cli", "bench", "--docs", "5", "--json", "--workdir", str(tmp_path / "bench")],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    figures = json.loads(proc.stdout)
    for name in PHASE_FIGURES:
        value = figures[f"n5.{name}"]
        assert isinstance(value, (int, float)) and value > 0, (name, value)
    assert figures["n5.crawl_landed"] == 5
    # the full build published all five documents, with facts in every fact table
    assert figures["n5.rows.dim_document"] == 5
    for table in ("fct_indicators", "fct_projects", "fct_measures"):
        assert figures[f"n5.rows.{table}"] > 0, table
    assert figures["n5.extract_facts"] > 0
    # the full build checked every document; the build after one more landed checked only that one
    assert figures["n5.full_build_validated_docs"] == 5
    assert figures["n5.incremental_build_validated_docs"] == 1
    assert figures["n5.text_mb"] > 0


def test_bench_rejects_a_corpus_of_nothing(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "warehouse.cli", "bench", "--docs", "0"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "--docs" in proc.stderr


def test_corpus_is_deterministic_and_varied():
    a, b = generate(20), generate(20)
    assert [d.text for d in a] == [d.text for d in b]
    assert len({d.text for d in a}) == 20
    assert len({d.district for d in a}) > 3


def test_site_serves_the_corpus_in_trs_style(tmp_path):
    import requests

    docs = generate(60)
    write_site(docs, tmp_path / "site")
    with serve(tmp_path / "site") as base:
        index = requests.get(base + "/zwgk/lqjs/index.html", timeout=10)
        assert index.status_code == 200
        assert "createPageHTML(2" in index.text  # 60 articles, 50 per list page
        month = docs[0].slug[1:7]
        page = requests.get(f"{base}/zwgk/lqjs/{month}/{docs[0].slug}.html", timeout=10)
        assert page.status_code == 200
        assert docs[0].title in page.content.decode("utf-8")
