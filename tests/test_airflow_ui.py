"""A headless Chromium opens the Airflow UI served locally and finds the DAGs, their docs and a finished run."""
from __future__ import annotations

import shutil
import tempfile

import pytest


@pytest.fixture
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium = shutil.which("chromium")
    driver_bin = shutil.which("chromedriver")
    assert chromium and driver_bin, "install Debian's chromium and chromium-driver (tests/run.sh does)"
    profile = tempfile.mkdtemp(prefix="liangqu-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                f"--user-data-dir={profile}", "--window-size=1400,1000"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(driver_bin), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _wait_for_text(driver, text: str, timeout: float = 60) -> str:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout).until(lambda d: text in d.find_element(By.TAG_NAME, "body").text)
    return driver.find_element(By.TAG_NAME, "body").text


def test_ui_shows_the_dags_their_docs_and_a_finished_run(live_airflow, live_pipeline_run, browser):
    base = live_airflow.base_url
    browser.get(f"{base}/dags")
    page = _wait_for_text(browser, "Transform · dbt build")
    for name in ("Crawl · 东城区 · sample_dongcheng", "Validate and publish", "Event crawl · page published"):
        assert name in page

    run = live_pipeline_run["liangqu_transform"]
    browser.get(f"{base}/dags/liangqu_transform/runs/{run['dag_run_id']}")
    page = _wait_for_text(browser, "dbt build (work warehouse)")
    assert "Success" in page or "success" in page

    browser.get(f"{base}/dags/liangqu_transform")
    _wait_for_text(browser, "Transform · dbt build")
    from selenium.webdriver.common.by import By

    # The DAG's doc_md opens from the documentation button in the DAG header.
    browser.find_element(By.CSS_SELECTOR, '[data-testid="markdown-button"]').click()
    docs = _wait_for_text(browser, "Triggered by")
    assert "When it fails" in docs
