"""Self-contained HTML report over a prediction folder (`persian-extract report`).

The report is one HTML file with every style and script inline, so it opens offline and
can be mailed or archived as is. It shows, for each document, the original text right to
left with entities highlighted by displaCy and the sentences that carry a stance or an event
marked; then corpus-wide a stance matrix (actors x targets), an event timeline and counts.

Offsets in entities.csv/sentences.csv point into the ORIGINAL text (see ANNOTATION.md), so
the original is read back (from `--docs DIR/<doc_id>.txt`, else the `source` path in
documents.csv); without it the report falls back to the normalised sentence text and finds
entities there by string search.
"""
from __future__ import annotations

import argparse
import hashlib
import html
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

Row = dict[str, str]

TABLE_COLUMNS: dict[str, list[str]] = {
    "documents": ["doc_id", "source", "sha256", "n_chars", "n_sentences", "n_tokens",
                  "status", "error", "pipeline_version", "models"],
    "sentences": ["doc_id", "sent_id", "start", "end", "text"],
    "entities": ["doc_id", "sent_id", "entity_id", "text", "label", "start", "end",
                 "normalized", "kb_id", "source"],
    "stances": ["doc_id", "sent_id", "stance_id", "actor", "actor_id", "target", "polarity",
                "cue", "negated", "intensity", "evidence"],
    "events": ["doc_id", "sent_id", "event_id", "event_type", "trigger", "actor", "recipient",
               "date_text", "date", "location", "amount_text", "amount", "currency", "evidence"],
}

ENTITY_COLORS: dict[str, str] = {
    "PER": "#c9b8ff", "ORG": "#7aecec", "LOC": "#ffb38a", "FAC": "#9cc9cc",
    "PRO": "#bfeeb7", "EVENT": "#ffeb80", "DATE": "#bfe1d9", "TIME": "#d6e4f0",
    "MONEY": "#f3c4e8", "PERCENT": "#e4e7d2",
}
DEFAULT_ENTITY_COLOR = "#dddddd"

# PLOVER types, hued by family: blues/greens cooperate, oranges verbal conflict,
# reds material conflict, purple for the ELECTION extension.
EVENT_COLORS: dict[str, str] = {
    "AGREE": "#1f78b4", "CONSULT": "#3f9fd8", "SUPPORT": "#2f9e44", "CONCEDE": "#74b816",
    "COOPERATE": "#0c8599", "AID": "#2b8a3e", "RETREAT": "#868e1a",
    "INVESTIGATE": "#7950f2", "DEMAND": "#f08c00", "DISAPPROVE": "#e8590c",
    "REJECT": "#d9480f", "THREATEN": "#c92a2a",
    "PROTEST": "#d6336c", "CRIME": "#6d4c41", "SANCTION": "#a61e4d", "MOBILIZE": "#b02525",
    "COERCE": "#862e9c", "ASSAULT": "#7f0000", "ELECTION": "#5f3dc4",
}
DEFAULT_EVENT_COLOR = "#607d8b"

POLARITY_COLORS: dict[str, str] = {"favor": "#a8dfa8", "against": "#f4a5a5", "neutral": "#d9d9d9"}
MIXED_BACKGROUND = "linear-gradient(135deg, #a8dfa8 50%, #f4a5a5 50%)"

FONT_STACK = ('"Vazirmatn", "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", '
              'Tahoma, sans-serif')

MAX_MATRIX = 40  # actors and targets each; more makes the table unreadable

# Our own entity template (displaCy formats it): adds a tooltip and a label on the
# inline-end side, which is the left in RTL text. displaCy's own RTL template is never
# chosen because EntityRenderer picks it before it knows the direction.
ENT_TEMPLATE = (
    '<mark class="entity" data-label="{label}" title="{title}" style="background: {bg}">'
    '{text}<span class="ent-label">{label}</span></mark>'
)

CSS = """
:root { --fa-font: %(font)s; }
* { box-sizing: border-box; }
body { margin: 0; padding: 0 1.5rem 3rem; font-family: system-ui, %(font)s;
       color: #222; background: #fafafa; line-height: 1.5; }
header { border-bottom: 2px solid #ddd; margin-bottom: 1rem; }
h1 { font-size: 1.5rem; margin: 1rem 0 .3rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; border-bottom: 1px solid #ddd; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
nav a, .toc a { margin-right: 1rem; }
.muted { color: #666; font-size: .9em; }
.warn { background: #fff3cd; border: 1px solid #e0c36c; padding: .4rem .7rem; border-radius: 4px; }
[lang="fa"] { font-family: var(--fa-font); }
.counts { display: flex; flex-wrap: wrap; gap: 1.2rem; align-items: flex-start; }
.counts table { border-collapse: collapse; min-width: 14rem; background: #fff; }
.counts caption { text-align: left; font-weight: bold; padding-bottom: .2rem; }
.counts td, .counts th { border: 1px solid #e3e3e3; padding: .15rem .5rem; text-align: left; }
.counts td.n { text-align: right; font-variant-numeric: tabular-nums; }
.bar { display: inline-block; height: .7em; background: #8aa4c8; border-radius: 2px; }
.swatch { display: inline-block; padding: 0 .4em; border-radius: 3px; font-size: .85em;
          font-weight: bold; }
.matrix-wrap { overflow-x: auto; }
table.matrix { border-collapse: collapse; background: #fff; font-family: var(--fa-font); }
table.matrix th, table.matrix td { border: 1px solid #ccc; padding: .25rem .45rem;
          vertical-align: middle; }
table.matrix thead th { max-width: 11rem; font-weight: 600; font-size: .9em; }
table.matrix tbody th { text-align: right; white-space: nowrap; font-weight: 600; }
table.matrix td.cell { text-align: center; font-size: .8em; cursor: help; min-width: 4.5rem; }
table.matrix td.empty { background: #fcfcfc; }
.legend span { margin-right: .8rem; }
ol.timeline { list-style: none; margin: 0; padding: 0; border-left: 3px solid #c8c8c8; }
ol.timeline li { position: relative; margin: 0 0 .7rem 0; padding: .35rem .7rem .35rem 1.2rem;
          background: #fff; border: 1px solid #e4e4e4; border-left: 5px solid var(--c);
          border-radius: 0 4px 4px 0; margin-left: .9rem; }
ol.timeline li::before { content: ""; position: absolute; left: -1.45rem; top: .75rem;
          width: .8rem; height: .8rem; border-radius: 50%%; background: var(--c); }
ol.timeline li.undated-head { border: none; background: none; font-weight: bold;
          padding-left: 0; }
ol.timeline li.undated-head::before { display: none; }
.ev-date { font-variant-numeric: tabular-nums; font-weight: bold; margin-right: .5rem; }
.ev-type { color: #fff; padding: .05rem .45rem; border-radius: 3px; font-size: .8em;
          font-weight: bold; margin-right: .5rem; }
.ev-body { font-family: var(--fa-font); }
.ev-amount { background: #f1f3f5; border-radius: 3px; padding: 0 .35rem; margin: 0 .3rem; }
article.doc { background: #fff; border: 1px solid #e0e0e0; border-radius: 6px;
          padding: .3rem 1rem 1rem; margin-bottom: 1.4rem; }
.doc-text { font-family: var(--fa-font); font-size: 1.1rem; line-height: 2.4;
          direction: rtl; text-align: right; unicode-bidi: isolate; }
.doc-text .entities { line-height: 2.4 !important; }
.sent { display: flex; gap: .6rem; align-items: flex-start; padding: 0 .6rem;
          border-inline-start: 4px solid transparent; }
.sent > .entities { flex: 1; }
.sent.cue { background: #fbfaf3; border-inline-start-color: #b8a200; cursor: help; }
.sent.cue-stance { border-inline-start-color: #7048e8; }
.sent.cue-event { border-inline-start-color: #e8590c; }
.sent.cue-stance.cue-event { border-inline-start-color: #c2255c; }
.para-break { height: .7rem; }
.tags { display: flex; flex-direction: column; gap: .15rem; padding-top: .6rem;
          direction: ltr; font-family: system-ui, sans-serif; }
.tag { font-size: .7rem; line-height: 1.3; padding: 0 .4rem; border-radius: 3px;
          color: #fff; white-space: nowrap; }
.tag.stance { background: #7048e8; }
mark.entity { padding: .3em .45em; margin: 0 .15em; line-height: 1; border-radius: .35em;
          box-decoration-break: clone; -webkit-box-decoration-break: clone; }
mark.entity .ent-label { font-size: .62em; font-weight: bold; margin-inline-start: .45em;
          vertical-align: middle; font-family: system-ui, sans-serif; direction: ltr;
          unicode-bidi: isolate; }
.failed { color: #b02525; }
""" % {"font": FONT_STACK}

# Runs when the page is opened: records what the browser actually computed, so a headless
# `--dump-dom` can check the layout without a browser automation library.
SELF_CHECK_JS = """
(function () {
  var b = document.body, t = document.querySelector('.doc-text');
  b.dataset.dir = t ? getComputedStyle(t).direction : 'none';
  b.dataset.matrix = document.getElementById('stance-matrix') ? 'yes' : 'no';
  b.dataset.timeline = document.getElementById('event-timeline') ? 'yes' : 'no';
  b.dataset.entityMarks = String(document.querySelectorAll('.doc-text mark.entity').length);
})();
"""


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _int(value: str | None) -> int | None:
    try:
        return int(float(value)) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _sid(value: str | None) -> str:
    """sent_id as a comparable key ('3', '3.0' and ' 3' are the same sentence)."""
    n = _int(value)
    return str(n) if n is not None else (value or "").strip()


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"true", "1", "yes", "y", "t"}


def _norm_phrase(value: str) -> str:
    return " ".join(value.split())


def _text_color(bg: str) -> str:
    """Black or white, whichever reads better on a #rrggbb background."""
    r, g, b = (int(bg[i:i + 2], 16) for i in (1, 3, 5))
    return "#000" if 0.299 * r + 0.587 * g + 0.114 * b > 150 else "#fff"


def _format_amount(amount: str) -> str:
    try:
        value = float(amount)
    except ValueError:
        return amount
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


# ---------------------------------------------------------------- reading the tables

def _read_table(pred_dir: Path, name: str, warnings: list[str]) -> list[Row]:
    """Rows of `<name>.csv` as strings; a missing, empty or broken file gives no rows."""
    path = pred_dir / f"{name}.csv"
    if not path.is_file():
        return []
    try:
        # dtype=str and no NA parsing: ids like "007" and empty cells stay as written.
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except pd.errors.EmptyDataError:
        return []
    except (pd.errors.ParserError, UnicodeDecodeError, OSError) as exc:
        warnings.append(f"{name}.csv could not be read ({exc.__class__.__name__}: {exc}); "
                        "shown as empty.")
        return []
    for column in TABLE_COLUMNS[name]:
        if column not in frame.columns:
            frame[column] = ""
    return [{k: str(v) for k, v in rec.items()} for rec in frame.to_dict("records")]


def _group(rows: Iterable[Row]) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[row["doc_id"]].append(row)
    return grouped


@dataclass
class Corpus:
    documents: list[Row]
    sentences: list[Row]
    entities: list[Row]
    stances: list[Row]
    events: list[Row]
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, pred_dir: Path) -> Corpus:
        warnings: list[str] = []
        tables = {name: _read_table(pred_dir, name, warnings) for name in TABLE_COLUMNS}
        return cls(warnings=warnings, **tables)

    def doc_ids(self) -> list[str]:
        """documents.csv order first, then ids only other tables mention."""
        seen: dict[str, None] = {}
        for table in (self.documents, self.sentences, self.entities, self.stances, self.events):
            for row in table:
                seen.setdefault(row["doc_id"], None)
        return list(seen)


def _read_original(doc_id: str, doc: Row | None, docs_dir: Path | None,
                   pred_dir: Path) -> tuple[str | None, Path | None]:
    candidates: list[Path] = []
    if docs_dir is not None:
        candidates.append(docs_dir / f"{doc_id}.txt")
    source = (doc or {}).get("source", "").strip()
    if source and source.lower().endswith(".txt"):
        path = Path(source)
        candidates.append(path)
        if not path.is_absolute():
            candidates.append(pred_dir / path)
    for path in candidates:
        if path.is_file():
            try:
                # Same reading as Path.read_text (universal newlines): offsets assume it.
                return path.read_text(encoding="utf-8"), path
            except (OSError, UnicodeDecodeError):
                continue
    return None, None


def _sha_matches(text: str, path: Path, expected: str) -> bool:
    expected = expected.strip().lower()
    if not expected:
        return True
    digests = {hashlib.sha256(text.encode("utf-8")).hexdigest()}
    try:
        digests.add(hashlib.sha256(path.read_bytes()).hexdigest())
    except OSError:
        pass
    return expected in digests


# ---------------------------------------------------------------- document text

@dataclass
class Segment:
    start: int
    end: int
    sent_id: str | None  # None for text between sentences


def _segments(text: str, sentences: list[Row]) -> list[Segment]:
    """Cover the whole text: sentences in order, with the gaps between them kept."""
    spans: list[tuple[int, int, str]] = []
    for row in sentences:
        start, end = _int(row["start"]), _int(row["end"])
        if start is None or end is None or not 0 <= start < end <= len(text):
            continue
        spans.append((start, end, _sid(row["sent_id"])))
    spans.sort()
    segments: list[Segment] = []
    pos = 0
    for start, end, sid in spans:
        if start < pos:  # overlapping sentence rows: keep the first
            continue
        if start > pos:
            segments.append(Segment(pos, start, None))
        segments.append(Segment(start, end, sid))
        pos = end
    if pos < len(text):
        segments.append(Segment(pos, len(text), None))
    return segments


def _entity_title(ent: Row) -> str:
    parts = [f"{ent['label']}: {ent['text']}"]
    for key in ("normalized", "kb_id", "source"):
        if ent.get(key):
            parts.append(f"{key}: {ent[key]}")
    return "\n".join(parts)


def _displacy(text: str, ents: list[dict[str, Any]]) -> str:
    from spacy import displacy  # imported late: spaCy is slow to import

    colors = {esc(k): v for k, v in ENTITY_COLORS.items()}
    return displacy.render(
        {"text": text, "ents": ents, "settings": {"lang": "fa", "direction": "rtl"}},
        style="ent", manual=True, page=False, jupyter=False,
        options={"colors": colors, "template": ENT_TEMPLATE},
    )


def _display_ent(ent: Row, start: int, end: int) -> dict[str, Any]:
    # displaCy escapes the text but puts label and params into the markup verbatim.
    return {"start": start, "end": end, "label": esc(ent["label"].upper()),
            "params": {"title": esc(_entity_title(ent))}}


def _non_overlapping(spans: list[tuple[int, int, Row]]) -> list[tuple[int, int, Row]]:
    """displaCy cannot nest marks: keep the longest span at each position."""
    kept: list[tuple[int, int, Row]] = []
    last_end = -1
    for start, end, ent in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if start >= last_end:
            kept.append((start, end, ent))
            last_end = end
    return kept


@dataclass
class Cues:
    """What the stance/event tables say about one sentence."""
    stances: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)


def _sentence_block(body: str, sid: str | None, cues: Cues | None, anchor: str) -> str:
    if sid is None:
        return f'<div class="sent gap">{body}</div>'
    classes = ["sent"]
    tags: list[str] = []
    title: list[str] = []
    if cues and cues.stances:
        classes += ["cue", "cue-stance"]
        for st in cues.stances:
            neg = " (negated)" if _truthy(st["negated"]) else ""
            # Words, not arrows: tooltips are plain text with mixed directions.
            title.append(f"Stance: {st['polarity'] or '?'}{neg} | actor: {st['actor']} | "
                         f"target: {st['target']}"
                         + (f" [cue: {st['cue']}]" if st["cue"] else ""))
            tags.append(f'<span class="tag stance">stance: {esc(st["polarity"] or "?")}</span>')
    if cues and cues.events:
        classes += ["cue", "cue-event"]
        for ev in cues.events:
            etype = ev["event_type"].upper()
            color = EVENT_COLORS.get(etype, DEFAULT_EVENT_COLOR)
            title.append(f"Event {etype}: {ev['trigger']}"
                         + (f" | actor: {ev['actor']}" if ev["actor"] else "")
                         + (f" | recipient: {ev['recipient']}" if ev["recipient"] else ""))
            tags.append(f'<span class="tag event" style="background:{color};'
                        f'color:{_text_color(color)}">{esc(etype or "EVENT")}</span>')
    attrs = f' id="{anchor}-s{esc(sid)}" class="{" ".join(dict.fromkeys(classes))}"'
    attrs += f' data-sent-id="{esc(sid)}"'
    if title:
        attrs += f' title="{esc(chr(10).join(title))}"'
    tag_html = f'<div class="tags">{"".join(tags)}</div>' if tags else ""
    return f"<div{attrs}>{body}{tag_html}</div>"


def _render_original(text: str, sentences: list[Row], entities: list[Row],
                     cues: dict[str, Cues], anchor: str) -> str:
    spans: list[tuple[int, int, Row]] = []
    for ent in entities:
        start, end = _int(ent["start"]), _int(ent["end"])
        if start is not None and end is not None and 0 <= start < end <= len(text):
            spans.append((start, end, ent))
    spans = _non_overlapping(spans)
    blocks: list[str] = []
    for seg in _segments(text, sentences):
        chunk = text[seg.start:seg.end]
        if seg.sent_id is None and not chunk.strip():
            if "\n" in chunk:  # keep the paragraph structure visible
                blocks.append('<div class="para-break"></div>')
            continue
        # An entity belongs to the segment it starts in; one running past it is clipped.
        ents = [_display_ent(ent, s - seg.start, min(e, seg.end) - seg.start)
                for s, e, ent in spans if seg.start <= s < seg.end]
        blocks.append(_sentence_block(_displacy(chunk, ents), seg.sent_id,
                                      cues.get(seg.sent_id or ""), anchor))
    return "".join(blocks)


def _render_sentences_only(sentences: list[Row], entities: list[Row],
                           cues: dict[str, Cues], anchor: str) -> str:
    """No original text: show the normalised sentences, entities found by their text."""
    by_sent: dict[str, list[Row]] = defaultdict(list)
    for ent in entities:
        by_sent[_sid(ent["sent_id"])].append(ent)
    blocks: list[str] = []
    ordered = sorted(sentences, key=lambda r: (_int(r["sent_id"]) is None,
                                               _int(r["sent_id"]) or 0))
    for row in ordered:
        sid, text = _sid(row["sent_id"]), row["text"]
        spans: list[tuple[int, int, Row]] = []
        cursor = 0
        for ent in sorted(by_sent.get(sid, []), key=lambda e: _int(e["start"]) or 0):
            needle = ent["text"]
            pos = text.find(needle, cursor) if needle else -1
            if pos < 0 and needle:
                pos = text.find(needle)
            if pos >= 0:
                spans.append((pos, pos + len(needle), ent))
                cursor = pos + len(needle)
        ents = [_display_ent(ent, s, e) for s, e, ent in _non_overlapping(spans)]
        blocks.append(_sentence_block(_displacy(text, ents), sid, cues.get(sid), anchor))
    return "".join(blocks)


# ---------------------------------------------------------------- sections

def _count_table(caption: str, counts: Counter[str], colors: dict[str, str] | None = None,
                 order: Sequence[str] = (), default_color: str = DEFAULT_ENTITY_COLOR) -> str:
    keys = [k for k in order if k in counts] + sorted(k for k in counts if k not in order)
    top = max(counts.values(), default=0)
    rows = []
    for key in keys:
        label = esc(key or "(empty)")
        if colors is not None:
            bg = colors.get(key, default_color)
            label = f'<span class="swatch" style="background:{bg};color:{_text_color(bg)}">' \
                    f"{label}</span>"
        width = round(80 * counts[key] / top) if top else 0
        rows.append(f'<tr><td>{label}</td><td class="n">{counts[key]}</td>'
                    f'<td><span class="bar" style="width:{width}px"></span></td></tr>')
    body = "".join(rows) or '<tr><td colspan="3" class="muted">none</td></tr>'
    return f"<table><caption>{esc(caption)}</caption>{body}</table>"


def _counts_section(corpus: Corpus, doc_ids: list[str]) -> str:
    status = Counter((row["status"] or "unknown") for row in corpus.documents)
    listed = {row["doc_id"] for row in corpus.documents}
    unlisted = sum(1 for d in doc_ids if d not in listed)
    if unlisted:
        status["not in documents.csv"] = unlisted
    labels = Counter(row["label"].upper() for row in corpus.entities)
    polarity = Counter(row["polarity"].lower() for row in corpus.stances)
    types = Counter(row["event_type"].upper() for row in corpus.events)
    tables = [
        _count_table("Documents", status, order=("ok", "failed", "skipped")),
        _count_table("Entities per label", labels, ENTITY_COLORS, order=tuple(ENTITY_COLORS)),
        _count_table("Stances per polarity", polarity, POLARITY_COLORS,
                     order=("favor", "against", "neutral")),
        _count_table("Events per type", types, EVENT_COLORS, order=tuple(EVENT_COLORS),
                     default_color=DEFAULT_EVENT_COLOR),
    ]
    failed = [row for row in corpus.documents if row["status"] == "failed"]
    failed_html = ""
    if failed:
        items = "".join(f'<li><a href="#doc-{esc(i)}">{esc(r["doc_id"])}</a>: '
                        f'<span class="failed">{esc(r["error"] or "no error message")}</span></li>'
                        for i, r in ((doc_ids.index(r["doc_id"]), r) for r in failed))
        failed_html = f"<h3>Failed documents</h3><ul>{items}</ul>"
    return (f'<section id="corpus-counts"><h2>Corpus counts</h2>'
            f'<div class="counts">{"".join(tables)}</div>{failed_html}</section>')


def _evidence(row: Row, sentence_text: dict[tuple[str, str], str]) -> str:
    return row["evidence"] or sentence_text.get((row["doc_id"], _sid(row["sent_id"])), "")


def _matrix_section(corpus: Corpus, sentence_text: dict[tuple[str, str], str]) -> str:
    head = ('<section id="stance-matrix"><h2>Stance matrix</h2>'
            '<p class="legend muted">Rows: actors; columns: targets. '
            + "".join(f'<span><span class="swatch" style="background:{c}">&nbsp;&nbsp;</span> '
                      f"{p}</span>" for p, c in POLARITY_COLORS.items())
            + f'<span><span class="swatch" style="background:{MIXED_BACKGROUND}">&nbsp;&nbsp;'
              "</span> mixed</span> Hover a cell for the evidence.</p>")
    if not corpus.stances:
        return head + '<p class="muted">No stances.</p></section>'
    cells: dict[tuple[str, str], list[Row]] = defaultdict(list)
    actor_names: dict[str, str] = {}
    for row in corpus.stances:
        # actor_id groups «وی» resolved to the same person across documents when present.
        actor_key = row["actor_id"] or _norm_phrase(row["actor"])
        actor_names.setdefault(actor_key, _norm_phrase(row["actor"]) or actor_key)
        cells[(actor_key, _norm_phrase(row["target"]))].append(row)
    actor_freq: Counter[str] = Counter()
    target_freq: Counter[str] = Counter()
    for (actor, target), rows in cells.items():
        actor_freq[actor] += len(rows)
        target_freq[target] += len(rows)
    actors = [a for a, _ in actor_freq.most_common(MAX_MATRIX)]
    targets = [t for t, _ in target_freq.most_common(MAX_MATRIX)]
    note = ""
    if len(actor_freq) > len(actors) or len(target_freq) > len(targets):
        note = (f'<p class="muted">Showing the {len(actors)} most frequent of {len(actor_freq)} '
                f"actors and {len(targets)} of {len(target_freq)} targets.</p>")
    header = "".join(f'<th scope="col">{esc(t or "—")}</th>' for t in targets)
    body_rows = []
    for actor in actors:
        tds = []
        for target in targets:
            rows = cells.get((actor, target))
            if not rows:
                tds.append('<td class="empty"></td>')
                continue
            polarities = Counter(r["polarity"].lower() for r in rows)
            if "favor" in polarities and "against" in polarities:
                kind, bg = "mixed", MIXED_BACKGROUND
            else:
                kind = polarities.most_common(1)[0][0] or "neutral"
                bg = POLARITY_COLORS.get(kind, POLARITY_COLORS["neutral"])
            lines = []
            for r in rows:
                neg = ", negated" if _truthy(r["negated"]) else ""
                strength = r["intensity"].strip().lower()
                strong = f", {strength}" if strength not in ("", "normal") else ""
                lines.append(f"[{r['doc_id']} #{_sid(r['sent_id'])}] {r['polarity']}{neg}"
                             f"{strong}: {_evidence(r, sentence_text)}")
            label = kind + (f" ×{len(rows)}" if len(rows) > 1 else "")
            tds.append(f'<td class="cell pol-{esc(kind)}" style="background:{bg}" '
                       f'title="{esc(chr(10).join(lines))}">{esc(label)}</td>')
        body_rows.append(f'<tr><th scope="row">{esc(actor_names[actor])}</th>{"".join(tds)}</tr>')
    table = (f'<div class="matrix-wrap"><table class="matrix" dir="rtl" lang="fa">'
             f'<thead><tr><th></th>{header}</tr></thead><tbody>{"".join(body_rows)}</tbody>'
             f"</table></div>")
    return head + note + table + "</section>"


_YEAR_DATE = re.compile(r"^(\d{3}[\dX])(?:-(\d{2})(?:-(\d{2}))?)?$")
_NO_YEAR_DATE = re.compile(r"^--(\d{2})(?:-(\d{2}))?$")


def _date_key(date: str) -> tuple[int, int, int, int]:
    """Dated first (a decade `198X` sorts at its start), then day/month with no year, then none."""
    date = date.strip()
    if m := _YEAR_DATE.match(date):
        return 0, int(m[1].replace("X", "0")), int(m[2] or 0), int(m[3] or 0)
    if m := _NO_YEAR_DATE.match(date):
        return 1, 0, int(m[1]), int(m[2] or 0)
    return 2, 0, 0, 0


def _timeline_section(corpus: Corpus, anchors: dict[str, str],
                      sentence_text: dict[tuple[str, str], str]) -> str:
    head = '<section id="event-timeline"><h2>Event timeline</h2>'
    if not corpus.events:
        return head + '<p class="muted">No events.</p></section>'
    items = []
    undated_started = False
    for row in sorted(corpus.events, key=lambda r: _date_key(r["date"])):  # stable
        dated = _date_key(row["date"])[0] < 2
        if not dated and not undated_started:
            items.append('<li class="undated-head">Undated</li>')
            undated_started = True
        etype = row["event_type"].upper() or "EVENT"
        color = EVENT_COLORS.get(etype, DEFAULT_EVENT_COLOR)
        parts = []
        if row["trigger"]:
            parts.append(f"<b>{esc(row['trigger'])}</b>")
        # The arrow is not mirrored by the bidi algorithm, so in RTL it must point left.
        who = " ← ".join(esc(x) for x in (row["actor"], row["recipient"]) if x)
        if who:
            parts.append(who)
        if row["location"]:
            # Persian label: an English one would be reordered inside the RTL line.
            parts.append(f'<span class="muted">مکان:</span> {esc(row["location"])}')
        if row["amount"] or row["amount_text"]:
            value = (f'<bdi dir="ltr">{esc(_format_amount(row["amount"]))} '
                     f'{esc(row["currency"])}</bdi>') if row["amount"] else ""
            text = esc(row["amount_text"])
            parts.append(f'<span class="ev-amount">{value}'
                         f'{" (" + text + ")" if value and text else text}</span>')
        date = esc(row["date"]) if dated else "—"
        date_text = f' <span class="muted">({esc(row["date_text"])})</span>' \
            if row["date_text"] else ""
        anchor = anchors.get(row["doc_id"], "")
        sid = _sid(row["sent_id"])
        target = f"{anchor}-s{esc(sid)}" if sid else anchor
        link = f'<a href="#{target}">{esc(row["doc_id"])}{" #" + esc(sid) if sid else ""}</a>'
        items.append(
            f'<li style="--c:{color}" data-event-type="{esc(etype)}" '
            f'title="{esc(_evidence(row, sentence_text))}">'
            f'<span class="ev-date"><bdi dir="ltr">{date}</bdi></span>'
            f'<span class="ev-type" style="background:{color};color:{_text_color(color)}">'
            f"{esc(etype)}</span>"
            f'<span class="ev-body" dir="rtl" lang="fa">{" · ".join(parts)}{date_text}</span> '
            f'<span class="muted">{link}</span></li>')
    return head + f'<ol class="timeline">{"".join(items)}</ol></section>'


def _doc_section(doc_id: str, anchor: str, doc: Row | None, corpus_parts: dict[str, list[Row]],
                 docs_dir: Path | None, pred_dir: Path) -> str:
    sentences, entities = corpus_parts["sentences"], corpus_parts["entities"]
    stances, events = corpus_parts["stances"], corpus_parts["events"]
    cues: dict[str, Cues] = defaultdict(Cues)
    for row in stances:
        cues[_sid(row["sent_id"])].stances.append(row)
    for row in events:
        cues[_sid(row["sent_id"])].events.append(row)
    status = (doc or {}).get("status", "") or "unknown"
    meta = [f"status: <b class=\"{'failed' if status == 'failed' else ''}\">{esc(status)}</b>",
            f"{len(entities)} entities", f"{len(stances)} stances", f"{len(events)} events"]
    if doc and doc.get("source"):
        meta.append(f"source: <code>{esc(doc['source'])}</code>")
    parts = [f'<article class="doc" id="{anchor}"><h3>{esc(doc_id)}</h3>'
             f'<p class="muted">{" · ".join(meta)}</p>']
    if doc and status == "failed":
        parts.append(f'<p class="failed">Error: {esc(doc.get("error") or "unknown")}</p>')
    text, path = _read_original(doc_id, doc, docs_dir, pred_dir)
    if text is not None and path is not None:
        if doc and not _sha_matches(text, path, doc.get("sha256", "")):
            parts.append(f'<p class="warn">{esc(path)} differs from the processed text '
                         "(sha256); highlights may be misplaced.</p>")
        body = _render_original(text, sentences, entities, cues, anchor)
    elif sentences:
        parts.append('<p class="muted">Original text not found; showing the normalised '
                     "sentences.</p>")
        body = _render_sentences_only(sentences, entities, cues, anchor)
    else:
        body = ""
        if status != "failed":
            parts.append('<p class="muted">No text available.</p>')
    if body:
        parts.append(f'<div class="doc-text" dir="rtl" lang="fa">{body}</div>')
    parts.append("</article>")
    return "".join(parts)


# ---------------------------------------------------------------- entry points

def render_report(pred_dir: Path, docs_dir: Path | None = None,
                  max_docs: int | None = None) -> str:
    """The report as an HTML string (see `write_report`)."""
    corpus = Corpus.load(pred_dir)
    doc_ids = corpus.doc_ids()
    anchors = {doc_id: f"doc-{i}" for i, doc_id in enumerate(doc_ids)}
    documents = {row["doc_id"]: row for row in corpus.documents}
    grouped = {name: _group(getattr(corpus, name))
               for name in ("sentences", "entities", "stances", "events")}
    sentence_text = {(r["doc_id"], _sid(r["sent_id"])): r["text"] for r in corpus.sentences}

    shown = doc_ids if max_docs is None else doc_ids[:max_docs]
    doc_html = "".join(
        _doc_section(doc_id, anchors[doc_id], documents.get(doc_id),
                     {name: grouped[name].get(doc_id, []) for name in grouped},
                     docs_dir, pred_dir)
        for doc_id in shown)
    if len(shown) < len(doc_ids):
        doc_html += (f'<p class="muted">{len(doc_ids) - len(shown)} more documents not shown '
                     "(--max-docs).</p>")
    if not doc_ids:
        doc_html = '<p class="muted">No documents.</p>'

    versions = sorted({r["pipeline_version"] for r in corpus.documents if r["pipeline_version"]})
    models = sorted({r["models"] for r in corpus.documents if r["models"]})
    legend = "".join(f'<span class="swatch" style="background:{c}">{esc(l)}</span> '
                     for l, c in ENTITY_COLORS.items())
    warnings = "".join(f'<p class="warn">{esc(w)}</p>' for w in corpus.warnings)
    toc = "".join(f'<a href="#{anchors[d]}">{esc(d)}</a>' for d in shown[:50])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Persian extraction report</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>Persian extraction report</h1>
<p class="muted">Predictions: <code>{esc(pred_dir)}</code> · {len(doc_ids)} documents
{(" · pipeline " + esc(", ".join(versions))) if versions else ""}
{(" · models " + esc("; ".join(models))) if models else ""}</p>
<nav><a href="#corpus-counts">Counts</a><a href="#stance-matrix">Stance matrix</a>
<a href="#event-timeline">Event timeline</a><a href="#documents">Documents</a></nav>
</header>
{warnings}
{_counts_section(corpus, doc_ids)}
{_matrix_section(corpus, sentence_text)}
{_timeline_section(corpus, anchors, sentence_text)}
<section id="documents"><h2>Documents</h2>
<p class="legend muted">Entities: {legend}· sentences with a
<span class="tag stance">stance</span> or an event are marked at the side; hover for details.</p>
<p class="toc muted">{toc}</p>
{doc_html}
</section>
<script>{SELF_CHECK_JS}</script>
</body>
</html>
"""


def write_report(pred_dir: Path, out: Path, docs_dir: Path | None = None,
                 max_docs: int | None = None) -> Path:
    """Write the HTML report for the prediction folder `pred_dir` to `out`; return `out`."""
    pred_dir, out = Path(pred_dir), Path(out)
    if not pred_dir.is_dir():
        raise FileNotFoundError(f"prediction folder not found: {pred_dir}")
    report = render_report(pred_dir, Path(docs_dir) if docs_dir is not None else None, max_docs)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report, encoding="utf-8")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="persian-extract report",
        description="Write a self-contained HTML report of a prediction folder.")
    parser.add_argument("--pred", type=Path, required=True, help="folder with the output CSVs")
    parser.add_argument("--docs", type=Path, default=None,
                        help="folder with the original <doc_id>.txt files")
    parser.add_argument("--out", type=Path, default=Path("report.html"), help="HTML file to write")
    parser.add_argument("--max-docs", type=int, default=None,
                        help="show the text of at most this many documents")
    args = parser.parse_args(argv)
    try:
        path = write_report(args.pred, args.out, args.docs, max_docs=args.max_docs)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
