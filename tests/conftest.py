from __future__ import annotations

import pytest
from _util import SEED

from ektp_extract import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("seed article not available beside the checkout")
    return SEED.read_text(encoding="utf-8")
