"""Run one training recipe: `python -m pipeline.training.train PROCESSOR [extra stanza args]`."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pipeline.training.recipes import RECIPES


def command(processor: str, work: Path, models: Path, extra: list[str]) -> list[str]:
    args = [a.format(work=work, models=models) for a in RECIPES[processor]]
    return [sys.executable, "-m", *args, *extra]


def train(processor: str, work: Path = Path("work/data"), models: Path = Path("work/models"),
          extra: list[str] | None = None) -> int:
    models.mkdir(parents=True, exist_ok=True)
    cmd = command(processor, work, models, extra or [])
    print(" ".join(cmd), flush=True)
    return subprocess.run(cmd).returncode


if __name__ == "__main__":
    sys.exit(train(sys.argv[1], extra=sys.argv[2:]))
