"""Writing the output tables: CSV (RFC 4180, UTF-8) or Parquet, always atomically.

A table is written to a temporary file in the same folder and renamed over the old one, so an
interrupted write leaves the previous table intact. Text cells that a spreadsheet would run as
a formula (starting with = + - @ tab or CR) get a leading apostrophe unless `raw_cells` is set.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from pipeline.records import columns

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def unneutralise(value: str) -> str:
    """The value before `neutralise` («'--07-21» -> «--07-21», a partial ISO date)."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_START) else value


def frame(table: str, rows: list) -> pd.DataFrame:
    records = []
    for row in rows:
        record = asdict(row)
        if "metadata" in record:
            record["metadata"] = json.dumps(record["metadata"], ensure_ascii=False) if record["metadata"] else ""
        records.append(record)
    cols = columns(table)
    df = pd.DataFrame.from_records(records, columns=cols)
    if "negated" in df:
        df["negated"] = df["negated"].map(lambda v: "true" if v else "false")
    if "amount" in df:  # amounts are plain numbers: 1800000000, not 1800000000.0
        df["amount"] = df["amount"].map(plain_number)
    return df


def plain_number(value) -> str:
    if value is None or value != value:  # None or NaN: unknown
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def atomic_write(path: Path, write) -> None:
    """Run write(temp_path), then rename the temp file over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_table(df: pd.DataFrame, path: Path, fmt: str = "csv", raw_cells: bool = False) -> Path:
    if fmt == "parquet":
        target = path.with_suffix(".parquet")
        atomic_write(target, lambda tmp: df.to_parquet(tmp, index=False))
        return target
    if not raw_cells:
        df = df.copy()
        for col in df.columns:
            if df[col].dtype == object:
                df[col] = df[col].map(neutralise)
    target = path.with_suffix(".csv")
    atomic_write(target, lambda tmp: df.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n"))
    return target
