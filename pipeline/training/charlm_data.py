"""Character-LM text: the raw texts of ../shared/data/raw, normalised the way the pipeline
normalises, as Stanza's charlm trainer reads them (a folder of training files + one dev file)."""
from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.normalize import normalize_text
from pipeline.training.rawtext import raw_texts

DEV_EVERY = 100  # every 100th document is held out for the charlm's dev perplexity
DOCS_PER_FILE = 2000


def write_charlm_text(raw_dir: Path, out: Path) -> tuple[int, int]:
    """(training documents, dev documents) written under `out`."""
    (out / "train").mkdir(parents=True, exist_ok=True)
    train_docs, dev_docs, chunk = 0, [], []
    for n, text in enumerate(raw_texts(raw_dir)):
        text = normalize_text(text).strip()
        if not text:
            continue
        if n % DEV_EVERY == 0:
            dev_docs.append(text)
            continue
        chunk.append(text)
        train_docs += 1
        if len(chunk) == DOCS_PER_FILE:
            _write(out / "train" / f"{train_docs // DOCS_PER_FILE:04d}.txt", chunk)
            chunk = []
    if chunk:
        _write(out / "train" / f"{train_docs // DOCS_PER_FILE + 1:04d}.txt", chunk)
    _write(out / "dev.txt", dev_docs)
    return train_docs, len(dev_docs)


def _write(path: Path, docs: list[str]) -> None:
    path.write_text("\n\n".join(docs) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, default=Path("../shared/data/raw"))
    parser.add_argument("--out", type=Path, default=Path("work/data/charlm"))
    args = parser.parse_args(argv)
    train, dev = write_charlm_text(args.raw, args.out)
    print(f"charlm text: {train} training documents, {dev} dev documents in {args.out}")


if __name__ == "__main__":
    main()
