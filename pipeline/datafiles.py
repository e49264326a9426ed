"""The lexicons and lists under pipeline/data/, read one way."""
from __future__ import annotations

import functools
from pathlib import Path

DATA = Path(__file__).parent / "data"


@functools.cache
def read_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a data file under pipeline/data/ (tab separated, '#' comments, blanks skipped)."""
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append(tuple(field.strip() for field in line.split("\t")))
    return tuple(rows)
