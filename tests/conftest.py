import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "models"


def models_have(*processors: str) -> bool:
    path = MODELS / "resources.json"
    if not path.exists():
        return False
    defaults = json.loads(path.read_text(encoding="utf-8"))["fa"]["default_processors"]
    return all(p in defaults for p in processors)


needs_models = pytest.mark.skipif(
    not models_have("tokenize", "mwt", "pos", "lemma", "depparse", "ner"),
    reason="the shipped Stanza models are not installed in models/")


@pytest.fixture(scope="session")
def sample_text() -> str:
    return (ROOT / "corpus/sample/norway_foreign_policy.txt").read_text(encoding="utf-8")
