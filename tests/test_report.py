"""HTML report: structure, graceful degradation, and a real headless-Chromium render."""
from __future__ import annotations

import csv
import os
import re
import subprocess
from pathlib import Path

import pytest

from pipeline.report import TABLE_COLUMNS, main, render_report, write_report

CHROMIUM = Path("/usr/bin/chromium")

# Two short documents; offsets are computed with str.index so they are right by construction.
DOC1 = ("هولست، وزیر امور خارجه نروژ، روز ۲۰ اوت ۱۹۹۳ به تهران سفر کرد.\n"
        "حزب کارگر نروژ از عضویت نروژ در جامعه اروپا حمایت می‌کند.\n\n"
        "دولت نروژ ۸/۱ میلیارد کرون به فلسطینیان کمک کرد.")
DOC2 = ("حزب مرکز با عضویت نروژ در جامعه اروپا به شدت مخالفت کرد. "
        "این حزب از دولت نروژ انتقاد کرد.")


def _span(text: str, phrase: str, after: int = 0) -> tuple[int, int]:
    start = text.index(phrase, after)
    return start, start + len(phrase)


def _sentences(doc_id: str, text: str) -> list[dict[str, object]]:
    rows, pos = [], 0
    for sent_id, match in enumerate(re.finditer(r"[^.\n]+\.", text)):
        start = match.start() + len(match[0]) - len(match[0].lstrip())
        rows.append({"doc_id": doc_id, "sent_id": sent_id, "start": start, "end": match.end(),
                     "text": text[start:match.end()]})
        pos = match.end()
    assert pos == len(text)
    return rows


def _entity(doc_id: str, text: str, sent_id: int, n: int, phrase: str, label: str,
            after: int = 0, **extra: str) -> dict[str, object]:
    start, end = _span(text, phrase, after)
    return {"doc_id": doc_id, "sent_id": sent_id, "entity_id": f"{doc_id}-e{n}", "text": phrase,
            "label": label, "start": start, "end": end, "source": "test", **extra}


def _write(path: Path, name: str, rows: list[dict[str, object]]) -> None:
    with (path / f"{name}.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=TABLE_COLUMNS[name])
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture()
def pred(tmp_path: Path) -> tuple[Path, Path]:
    """A prediction folder (d1 text in docs/, d2 text via its `source`, d3 failed)."""
    pred_dir, docs_dir, src_dir = tmp_path / "pred", tmp_path / "docs", tmp_path / "src"
    for folder in (pred_dir, docs_dir, src_dir):
        folder.mkdir()
    (docs_dir / "d1.txt").write_text(DOC1, encoding="utf-8")
    (src_dir / "d2.txt").write_text(DOC2, encoding="utf-8")

    sentences = _sentences("d1", DOC1) + _sentences("d2", DOC2)
    s1_2 = DOC1.index("دولت")
    entities = [
        _entity("d1", DOC1, 0, 0, "هولست", "PER"),
        _entity("d1", DOC1, 0, 1, "نروژ", "LOC", kb_id="NOR", normalized="نروژ"),
        _entity("d1", DOC1, 0, 2, "۲۰ اوت ۱۹۹۳", "DATE", normalized="1993-08-20"),
        _entity("d1", DOC1, 0, 3, "تهران", "LOC", kb_id="IRN"),
        _entity("d1", DOC1, 1, 4, "حزب کارگر نروژ", "ORG"),
        _entity("d1", DOC1, 1, 5, "جامعه اروپا", "ORG"),
        _entity("d1", DOC1, 2, 6, "دولت نروژ", "ORG", after=s1_2),
        _entity("d1", DOC1, 2, 7, "۸/۱ میلیارد کرون", "MONEY", normalized="1800000000"),
        _entity("d2", DOC2, 0, 0, "حزب مرکز", "ORG"),
        _entity("d2", DOC2, 0, 1, "جامعه اروپا", "ORG"),
        _entity("d2", DOC2, 1, 2, "دولت نروژ", "ORG"),
    ]
    for ent in entities:  # the offsets contract: original[start:end] is the span
        text = DOC1 if ent["doc_id"] == "d1" else DOC2
        assert text[int(ent["start"]):int(ent["end"])] == ent["text"]
    stances = [
        {"doc_id": "d1", "sent_id": 1, "stance_id": "d1-s0", "actor": "حزب کارگر نروژ",
         "target": "عضویت نروژ در جامعه اروپا", "polarity": "favor", "cue": "حمایت می‌کند",
         "negated": "false", "intensity": "normal",
         "evidence": sentences[1]["text"]},
        {"doc_id": "d2", "sent_id": 0, "stance_id": "d2-s0", "actor": "حزب مرکز",
         "target": "عضویت نروژ در جامعه اروپا", "polarity": "against", "cue": "مخالفت کرد",
         "negated": "false", "intensity": "strong", "evidence": sentences[3]["text"]},
        {"doc_id": "d2", "sent_id": 1, "stance_id": "d2-s1", "actor": "حزب مرکز",
         "target": "دولت نروژ", "polarity": "against", "cue": "انتقاد کرد",
         "negated": "false", "intensity": "normal", "evidence": ""},
    ]
    events = [
        {"doc_id": "d2", "sent_id": 1, "event_id": "d2-v0", "event_type": "DISAPPROVE",
         "trigger": "انتقاد", "actor": "حزب مرکز", "recipient": "دولت نروژ"},
        {"doc_id": "d1", "sent_id": 2, "event_id": "d1-v1", "event_type": "AID",
         "trigger": "کمک", "actor": "دولت نروژ", "recipient": "فلسطینیان",
         "amount_text": "۸/۱ میلیارد کرون", "amount": "1800000000", "currency": "NOK",
         "evidence": "دولت نروژ ۸/۱ میلیارد کرون به فلسطینیان کمک کرد."},
        {"doc_id": "d1", "sent_id": 0, "event_id": "d1-v0", "event_type": "CONSULT",
         "trigger": "سفر", "actor": "هولست", "location": "تهران",
         "date_text": "۲۰ اوت ۱۹۹۳", "date": "1993-08-20"},
    ]
    documents = [
        {"doc_id": "d1", "source": "corpus/d1.txt", "n_chars": len(DOC1), "n_sentences": 3,
         "status": "ok", "pipeline_version": "0.1.0", "models": "ner-test"},
        {"doc_id": "d2", "source": str(src_dir / "d2.txt"), "n_chars": len(DOC2),
         "n_sentences": 2, "status": "ok", "pipeline_version": "0.1.0", "models": "ner-test"},
        {"doc_id": "d3", "source": str(src_dir / "d3.txt"), "status": "failed",
         "error": "UnicodeDecodeError: invalid start byte", "pipeline_version": "0.1.0"},
    ]
    _write(pred_dir, "documents", documents)
    _write(pred_dir, "sentences", sentences)
    _write(pred_dir, "entities", entities)
    _write(pred_dir, "stances", stances)
    _write(pred_dir, "events", events)
    return pred_dir, docs_dir


# Anything that would make the browser fetch from the network when the file is opened.
NETWORK_REF = re.compile(
    r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//"""
    r"""|url\(\s*["']?\s*(?:https?:)?//|@import""",
    re.IGNORECASE)


def test_report_structure(pred: tuple[Path, Path], tmp_path: Path) -> None:
    pred_dir, docs_dir = pred
    out = write_report(pred_dir, tmp_path / "out" / "report.html", docs_dir)
    page = out.read_text(encoding="utf-8")

    assert 'id="stance-matrix"' in page and '<table class="matrix"' in page
    assert 'id="event-timeline"' in page and '<ol class="timeline">' in page
    assert 'id="corpus-counts"' in page
    assert 'dir="rtl"' in page and 'lang="fa"' in page
    assert '"Vazirmatn", "Noto Naskh Arabic", "Noto Sans Arabic"' in page
    assert not NETWORK_REF.search(page), NETWORK_REF.search(page)

    # Entities highlighted from the original text (d1 via --docs, d2 via its source path).
    marks = re.findall(r'<mark class="entity" data-label="(\w+)"[^>]*>\s*([^<]+?)\s*<span',
                       page)
    assert ("PER", "هولست") in marks and ("MONEY", "۸/۱ میلیارد کرون") in marks
    assert ("ORG", "حزب مرکز") in marks
    assert len(marks) == 11
    assert "NOR" in page  # kb_id in the entity tooltip

    # Cue sentences marked; the sentence without stance or event is not.
    assert re.search(r'id="doc-0-s1" class="sent cue cue-stance"', page)
    assert re.search(r'id="doc-0-s2" class="sent cue cue-event"', page)
    assert re.search(r'id="doc-1-s1" class="sent cue cue-stance cue-event"', page)
    assert 'class="para-break"' in page  # the blank line in d1

    # Matrix: two actors, polarity colours, evidence on hover (empty evidence -> sentence).
    assert 'class="cell pol-favor"' in page and 'class="cell pol-against"' in page
    assert 'title="[d2 #1] against: این حزب از دولت نروژ انتقاد کرد."' in page

    # Timeline: dated CONSULT (1993) first, undated AID and DISAPPROVE after, in input order.
    order = re.findall(r'data-event-type="(\w+)"', page)
    assert order == ["CONSULT", "DISAPPROVE", "AID"]
    assert page.index("1993-08-20") < page.index("Undated")
    assert "1,800,000,000 NOK" in page

    # Counts and the failed document.
    assert "UnicodeDecodeError: invalid start byte" in page
    assert re.search(r"<td>ok</td><td class=\"n\">2</td>", page)
    assert re.search(r"<td>failed</td><td class=\"n\">1</td>", page)


def test_missing_and_empty_tables(tmp_path: Path) -> None:
    pred_dir = tmp_path / "pred"
    pred_dir.mkdir()
    page = render_report(pred_dir)
    assert "No documents." in page and "No stances." in page and "No events." in page

    (pred_dir / "entities.csv").write_text("", encoding="utf-8")  # zero bytes
    _write(pred_dir, "stances", [])  # header only
    (pred_dir / "events.csv").write_text('doc_id,event_type\n"d1,AID\n', encoding="utf-8")
    page = render_report(pred_dir)
    assert 'id="stance-matrix"' in page and 'id="event-timeline"' in page

    with pytest.raises(FileNotFoundError):
        write_report(tmp_path / "nope", tmp_path / "r.html")


def test_falls_back_to_sentence_text(pred: tuple[Path, Path], tmp_path: Path) -> None:
    pred_dir, _ = pred
    (tmp_path / "src" / "d2.txt").unlink()
    page = render_report(pred_dir)  # no --docs: d1's relative source is not found either
    assert page.count("Original text not found") == 2
    assert re.search(r'data-label="PER"[^>]*>\s*هولست', page)
    assert re.search(r'data-label="ORG"[^>]*>\s*حزب مرکز', page)


def test_escapes_text(tmp_path: Path) -> None:
    pred_dir = tmp_path / "pred"
    pred_dir.mkdir()
    text = 'شرکت <b>"x"</b> فعال است.'
    (tmp_path / "x.txt").write_text(text, encoding="utf-8")
    _write(pred_dir, "documents", [{"doc_id": "x<1>", "source": str(tmp_path / "x.txt"),
                                    "status": "ok"}])
    _write(pred_dir, "sentences", [{"doc_id": "x<1>", "sent_id": 0, "start": 0,
                                    "end": len(text), "text": text}])
    start, end = _span(text, '<b>"x"</b>')
    _write(pred_dir, "entities", [{"doc_id": "x<1>", "sent_id": 0, "text": '<b>"x"</b>',
                                   "label": "<i>", "start": start, "end": end}])
    _write(pred_dir, "stances", [{"doc_id": "x<1>", "sent_id": 0, "actor": "<script>",
                                  "target": "a&b", "polarity": "favor",
                                  "evidence": '"><img>'}])
    page = render_report(pred_dir)
    body = page.split("<body>", 1)[1]
    assert "<b>" not in body and "<i>" not in body and "<img>" not in body
    assert body.count("<script>") == 1  # only the report's own self-check
    assert "&lt;b&gt;&quot;x&quot;&lt;/b&gt;" in body and "x&lt;1&gt;" in body


def test_main(pred: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pred_dir, docs_dir = pred
    out = tmp_path / "cli.html"
    assert main(["--pred", str(pred_dir), "--docs", str(docs_dir), "--out", str(out)]) == 0
    assert out.is_file() and str(out) in capsys.readouterr().out
    assert main(["--pred", str(tmp_path / "missing"), "--out", str(out)]) == 2


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", f"--user-data-dir={tmp_path / 'chromium-profile'}",
           "--enable-logging=stderr", "--v=0", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)


def _page_errors(stderr: str) -> list[str]:
    # Chromium logs plenty of harmless internal warnings; only the page's console matters.
    return [line for line in stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]


def test_renders_in_headless_chromium(pred: tuple[Path, Path], tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} missing in CI (apt-get install chromium fonts-noto-core)")
        pytest.skip(f"{CHROMIUM} not installed")
    pred_dir, docs_dir = pred
    report = write_report(pred_dir, tmp_path / "report.html", docs_dir)
    url = report.resolve().as_uri()

    dom = _chromium(tmp_path, "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert not _page_errors(dom.stderr), _page_errors(dom.stderr)
    body = re.search(r"<body[^>]*>", dom.stdout)
    assert body, dom.stdout[:500]
    # Set by the report's inline script from what the browser computed.
    assert 'data-dir="rtl"' in body[0]
    assert 'data-matrix="yes"' in body[0] and 'data-timeline="yes"' in body[0]
    assert 'data-entity-marks="11"' in body[0]

    png = tmp_path / "report.png"
    shot = _chromium(tmp_path, f"--screenshot={png}", "--window-size=1200,1600",
                     "--hide-scrollbars", url)
    assert shot.returncode == 0, shot.stderr[-2000:]
    assert not _page_errors(shot.stderr), _page_errors(shot.stderr)
    assert png.is_file() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 30_000, png.stat().st_size  # a blank page is a few KB
    print(f"screenshot: {png}")

