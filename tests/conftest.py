"""Shared fixtures. Each layer keeps its fixtures in its own plugin module under tests/fixtures/."""
pytest_plugins = [
    "tests.fixtures.common",
    "tests.fixtures.scrape",
    "tests.fixtures.transform",
    "tests.fixtures.publish",
    "tests.fixtures.orchestrate",
]
