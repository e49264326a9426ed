"""Score pipeline output tables against gold tables (see ANNOTATION.md, "Evaluation").

`evaluate(gold_dir, pred_dir)` reads entities/relations/stances/events CSVs from both
folders, pairs gold and predicted rows one-to-one within each document (greedy, best score
first) and reports micro-averaged precision/recall/F1 per table and per label, per-field
agreement for events, and the unmatched rows for error analysis. `format_report` renders
that result for a terminal.

Strings are compared after the pipeline's own normalisation with ZWNJ removed and white
space collapsed, so spelling variants the pipeline itself would merge are not penalised.
"""
from __future__ import annotations

import functools
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from pipeline.normalize import ZWNJ, normalize_text
from pipeline.tables import unneutralise

Row = dict[str, str]
Score = tuple[float, ...]  # compared lexicographically: primary score, then tie-breakers

REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "entities": ("doc_id", "text", "label", "normalized"),
    "relations": ("doc_id", "subject", "relation", "object"),
    "stances": ("doc_id", "actor", "target", "polarity"),
    "events": (
        "doc_id", "event_type", "actor", "recipient", "date", "location", "amount", "currency",
    ),
}
# Prediction columns worth keeping in error listings besides the gold ones.
CONTEXT_COLUMNS = ("sent_id", "evidence")
NORMALIZED_LABELS = frozenset({"DATE", "MONEY", "PERCENT"})
NUMERIC_LABELS = frozenset({"MONEY", "PERCENT"})
SYMMETRIC_RELATIONS = frozenset({"ALLY_OF", "BORDERS"})
EVENT_FIELDS = ("actor", "recipient", "date", "location", "amount")
PHRASE_FIELDS = frozenset({"actor", "recipient", "location"})
MATCH_THRESHOLD = 0.5
AMOUNT_TOLERANCE = 0.01
ARABIC_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})
# Persian and Arabic-Indic digits plus separators -> ASCII, for numbers and ISO dates.
DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩٫", "01234567890123456789.", ",٬ \u00a0\u202f")


class GoldFormatError(ValueError):
    """A gold or prediction table lacks a column that scoring needs."""


# ---------------------------------------------------------------- string comparison


@functools.lru_cache(maxsize=None)
def norm(text: str) -> str:
    """Comparison form: pipeline normalisation, no ZWNJ, single spaces; a final «.» is the
    closing dot of an initialism («بی.بی.سی.» is «بی‌بی‌سی»), never part of a name or phrase."""
    text = text.translate(ARABIC_LETTERS)
    return " ".join(normalize_text(text).replace(ZWNJ, "").split()).removesuffix(".").rstrip()


def token_f1(a: str, b: str) -> float:
    """Multiset token-overlap F1 of two already normalised strings (empty vs empty = 1)."""
    ta, tb = a.split(), b.split()
    if not ta or not tb:
        return 1.0 if not ta and not tb else 0.0
    overlap = sum((Counter(ta) & Counter(tb)).values())
    if overlap == 0:
        return 0.0
    precision, recall = overlap / len(tb), overlap / len(ta)
    return 2 * precision * recall / (precision + recall)


def phrase_f1(a: str, b: str) -> float:
    """Token F1 of two raw phrases; ';' (the multi-value separator) counts as a space."""
    return token_f1(norm(a.replace(";", " ")), norm(b.replace(";", " ")))


def to_number(text: str) -> float | None:
    try:
        value = float(text.strip().translate(DIGITS))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def number_closeness(gold: str, pred: str) -> float | None:
    """1 - relative difference when both parse and lie within the tolerance, else None."""
    g, p = to_number(gold), to_number(pred)
    if g is None or p is None:
        return None
    if g == p:
        return 1.0
    diff = abs(g - p) / abs(g) if g else math.inf
    return 1.0 - diff if diff <= AMOUNT_TOLERANCE else None


def iso(text: str) -> str:
    return text.strip().translate(DIGITS)


# ---------------------------------------------------------------- reading tables


def read_table(path: Path, table: str) -> list[Row]:
    """All rows as str dicts ("" for empty cells); raises GoldFormatError on missing columns."""
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except pd.errors.EmptyDataError:  # a 0-byte file has no header at all
        frame = pd.DataFrame()
    frame.columns = [str(c).strip() for c in frame.columns]
    missing = [c for c in REQUIRED_COLUMNS[table] if c not in frame.columns]
    if missing:
        raise GoldFormatError(f"{path}: missing required column(s) {', '.join(missing)}")
    rows = [{k: unneutralise(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]
    for row in rows:
        row["doc_id"] = row["doc_id"].strip()
    return rows


def _by_doc(rows: Iterable[Row]) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[row["doc_id"]].append(row)
    return grouped


def _unique(rows: list[Row], key: Callable[[Row], tuple]) -> list[Row]:
    """First row of each key, in input order."""
    seen: dict[tuple, Row] = {}
    for row in rows:
        seen.setdefault(key(row), row)
    return list(seen.values())


# ---------------------------------------------------------------- per-table rules


@dataclass(frozen=True)
class Scorer:
    """How one table is deduplicated, paired and broken down."""

    label: Callable[[Row], str]  # per_label key
    score: Callable[[Row, Row], Score | None]  # gold, pred -> score, None = no match
    dedupe_key: Callable[[Row], tuple] | None = None  # None: every row counts
    block: Callable[[Row], str] = lambda row: ""  # only rows with equal blocks can pair


def entity_key(row: Row) -> tuple[str, str]:
    label = row["label"].strip()
    if label in NORMALIZED_LABELS and row["normalized"].strip():
        return label, iso(row["normalized"])
    return label, norm(row["text"])


def entity_score(gold: Row, pred: Row) -> Score | None:
    label = gold["label"].strip()
    if label in NORMALIZED_LABELS and gold["normalized"].strip():
        g, p = iso(gold["normalized"]), iso(pred["normalized"])
        if not p:
            return None
        if label in NUMERIC_LABELS:
            closeness = number_closeness(g, p)
            if closeness is not None:
                return (closeness,)
        return (1.0,) if g == p else None
    # Gold without a normalized value (or a plain label): the text must be equal.
    return (1.0,) if norm(gold["text"]) == norm(pred["text"]) else None


def _pair_score(g1: str, g2: str, p1: str, p2: str) -> float | None:
    f1, f2 = phrase_f1(g1, p1), phrase_f1(g2, p2)
    return (f1 + f2) / 2 if min(f1, f2) >= MATCH_THRESHOLD else None


def relation_key(row: Row) -> tuple[str, ...]:
    relation = row["relation"].strip()
    ends = (norm(row["subject"]), norm(row["object"]))
    if relation in SYMMETRIC_RELATIONS:  # A ALLY_OF B and B ALLY_OF A state one fact
        ends = tuple(sorted(ends))
    return (relation, *ends)


def relation_score(gold: Row, pred: Row) -> Score | None:
    scores = [_pair_score(gold["subject"], gold["object"], pred["subject"], pred["object"])]
    if gold["relation"].strip() in SYMMETRIC_RELATIONS:
        scores.append(_pair_score(gold["subject"], gold["object"], pred["object"], pred["subject"]))
    found = [s for s in scores if s is not None]
    return (max(found),) if found else None


def stance_key(row: Row) -> tuple[str, str, str]:
    return norm(row["actor"]), norm(row["target"]), row["polarity"].strip()


def stance_score(with_polarity: bool) -> Callable[[Row, Row], Score | None]:
    def score(gold: Row, pred: Row) -> Score | None:
        same_polarity = gold["polarity"].strip() == pred["polarity"].strip()
        if with_polarity and not same_polarity:
            return None
        base = _pair_score(gold["actor"], gold["target"], pred["actor"], pred["target"])
        # Tie-break: prefer pairs that also agree on polarity (keeps per_label sensible).
        return None if base is None else (base, float(same_polarity))

    return score


def event_field_agrees(name: str, gold: Row, pred: Row) -> bool:
    """Whether pred agrees with gold on one field (gold's value assumed non-empty)."""
    if name in PHRASE_FIELDS:
        return phrase_f1(gold[name], pred[name]) >= MATCH_THRESHOLD
    if name == "date":
        return iso(gold["date"]) == iso(pred["date"])
    # amount: the currency is part of it when gold states one.
    currency = gold["currency"].strip().upper()
    if currency and currency != pred["currency"].strip().upper():
        return False
    return number_closeness(gold["amount"], pred["amount"]) is not None


def gold_fields(row: Row) -> list[str]:
    return [name for name in EVENT_FIELDS if row[name].strip()]


def event_score(gold: Row, pred: Row) -> Score | None:
    wanted = gold_fields(gold)
    agreed = sum(event_field_agrees(name, gold, pred) for name in wanted)
    if agreed < len(wanted) / 2:
        return None
    # Tie-break on fields pred fills that gold leaves empty, so exact twins pair up first.
    extra = len([name for name in gold_fields(pred) if name not in wanted])
    return (agreed / len(wanted) if wanted else 1.0, -extra)


SCORERS: dict[str, Scorer] = {
    "entities": Scorer(
        label=lambda r: r["label"].strip(), score=entity_score,
        dedupe_key=entity_key, block=lambda r: r["label"].strip(),
    ),
    "relations": Scorer(
        label=lambda r: r["relation"].strip(), score=relation_score,
        dedupe_key=relation_key, block=lambda r: r["relation"].strip(),
    ),
    "stances": Scorer(
        label=lambda r: r["polarity"].strip(), score=stance_score(True), dedupe_key=stance_key,
    ),
    "stances_no_polarity": Scorer(
        label=lambda r: r["polarity"].strip(), score=stance_score(False), dedupe_key=stance_key,
    ),
    # Events are occurrences, not facts: two identical rows may be two visits, so no dedupe.
    "events": Scorer(
        label=lambda r: r["event_type"].strip(), score=event_score,
        block=lambda r: r["event_type"].strip(),
    ),
}
SOURCE_TABLE = {name: name.removesuffix("_no_polarity") for name in SCORERS}


# ---------------------------------------------------------------- pairing and counting


def pair(gold: list[Row], pred: list[Row], scorer: Scorer) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing, best score first; ties go to the earlier rows."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if scorer.block(g) != scorer.block(p):
                continue
            score = scorer.score(g, p)
            if score is not None:
                candidates.append((score, gi, pi))
    candidates.sort(key=lambda c: (tuple(-s for s in c[0]), c[1], c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def as_dict(self) -> dict[str, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": precision, "recall": recall, "f1": f1}


@dataclass
class TableScore:
    total: Counts = field(default_factory=Counts)
    per_label: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    misses: dict[str, list[Row]] = field(default_factory=dict)
    false_alarms: dict[str, list[Row]] = field(default_factory=dict)
    matched: list[tuple[Row, Row]] = field(default_factory=list)


def _report_row(row: Row, table: str, keep_context: bool) -> Row:
    columns = list(REQUIRED_COLUMNS[table])
    if keep_context:
        columns += [c for c in CONTEXT_COLUMNS if c in row]
    return {c: row[c] for c in columns}


def score_table(name: str, gold: dict[str, list[Row]], pred: dict[str, list[Row]],
                documents: list[str]) -> TableScore:
    scorer, table = SCORERS[name], SOURCE_TABLE[name]
    result = TableScore()
    for doc in documents:
        g_rows, p_rows = gold.get(doc, []), pred.get(doc, [])
        if scorer.dedupe_key is not None:
            g_rows, p_rows = _unique(g_rows, scorer.dedupe_key), _unique(p_rows, scorer.dedupe_key)
        pairs = pair(g_rows, p_rows, scorer)
        paired_gold = {gi for gi, _ in pairs}
        paired_pred = {pi for _, pi in pairs}
        for gi, pi in pairs:
            result.total.tp += 1
            result.per_label[scorer.label(g_rows[gi])].tp += 1
            result.matched.append((g_rows[gi], p_rows[pi]))
        misses = [r for i, r in enumerate(g_rows) if i not in paired_gold]
        alarms = [r for i, r in enumerate(p_rows) if i not in paired_pred]
        for row in misses:
            result.total.fn += 1
            result.per_label[scorer.label(row)].fn += 1
        for row in alarms:
            result.total.fp += 1
            result.per_label[scorer.label(row)].fp += 1
        if misses:
            result.misses[doc] = [_report_row(r, table, False) for r in misses]
        if alarms:
            result.false_alarms[doc] = [_report_row(r, table, True) for r in alarms]
    return result


def field_agreement(matched: list[tuple[Row, Row]]) -> dict[str, dict[str, float]]:
    """Per event field: among matched pairs where gold fills it, how often pred agrees."""
    agreement = {}
    for name in EVENT_FIELDS:
        relevant = [(g, p) for g, p in matched if g[name].strip()]
        agree = sum(event_field_agrees(name, g, p) for g, p in relevant)
        total = len(relevant)
        agreement[name] = {"agree": agree, "total": total, "rate": agree / total if total else 0.0}
    return agreement


def _table_result(name: str, score: TableScore) -> dict:
    result = score.total.as_dict()
    result["per_label"] = {label: c.as_dict() for label, c in sorted(score.per_label.items())}
    result["misses"] = score.misses
    result["false_alarms"] = score.false_alarms
    if name == "events":
        result["field_agreement"] = field_agreement(score.matched)
    return result


# ---------------------------------------------------------------- public API


UNSCORED_RELATIONS = {"ACTION"}
UNSCORED_LABELS = {"PRO", "EVENT", "TIME"}


def evaluate(gold_dir: Path, pred_dir: Path, docs: list[str] | None = None) -> dict:
    """Score the tables in pred_dir against those in gold_dir.

    A gold table file that is absent is skipped; a prediction file that is absent means no
    predictions. Documents scored are `docs` if given, else every doc_id in any gold table.
    """
    gold_dir, pred_dir = Path(gold_dir), Path(pred_dir)
    gold_tables = {
        table: read_table(gold_dir / f"{table}.csv", table)
        for table in REQUIRED_COLUMNS if (gold_dir / f"{table}.csv").exists()
    }
    pred_tables = {
        table: read_table(pred_dir / f"{table}.csv", table)
        if (pred_dir / f"{table}.csv").exists() else []
        for table in gold_tables
    }
    # What gold never annotates is not scored (ANNOTATION.md): ACTION triples, and entity
    # labels outside "every person, organisation and location named, every DATE/MONEY/PERCENT".
    if "relations" in pred_tables:
        pred_tables["relations"] = [r for r in pred_tables["relations"] if r["relation"] not in UNSCORED_RELATIONS]
    if "entities" in pred_tables:
        pred_tables["entities"] = [r for r in pred_tables["entities"] if r["label"] not in UNSCORED_LABELS]
    if docs is not None:
        documents = list(dict.fromkeys(d.strip() for d in docs))
    else:
        documents = sorted({row["doc_id"] for rows in gold_tables.values() for row in rows})

    # score_table visits only `documents`, so rows of other documents are never counted.
    tables = {}
    for name, table in SOURCE_TABLE.items():
        if table in gold_tables:
            gold, pred = _by_doc(gold_tables[table]), _by_doc(pred_tables[table])
            tables[name] = _table_result(name, score_table(name, gold, pred, documents))
    return {"documents": documents, "tables": tables}


def _format_row(row: Row) -> str:
    return " | ".join(f"{k}={v}" for k, v in row.items() if k != "doc_id" and v.strip())


def _format_rows(title: str, by_doc: dict[str, list[Row]]) -> list[str]:
    if not by_doc:
        return []
    lines = [f"  {title}:"]
    for doc, rows in by_doc.items():
        lines.append(f"    [{doc}]")
        lines.extend(f"      - {_format_row(row)}" for row in rows)
    return lines


def _format_scores(name: str, s: dict, width: int) -> str:
    return (f"{name:<{width}}  P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
            f"  (tp {s['tp']} fp {s['fp']} fn {s['fn']})")


def format_report(result: dict) -> str:
    """Readable terminal report: scores, per-label tables, field agreement, then errors."""
    tables = result["tables"]
    lines = [f"documents scored: {len(result['documents'])}", ""]
    width = max((len(n) for n in tables), default=8)
    lines += [_format_scores(name, s, width) for name, s in tables.items()]
    for name, s in tables.items():
        lines += ["", f"== {name} per label"]
        label_width = max((len(label) for label in s["per_label"]), default=5)
        lines += [f"  {_format_scores(label, c, label_width)}"
                  for label, c in s["per_label"].items()]
        if "field_agreement" in s:
            lines.append("  field agreement on matched events:")
            lines += [f"    {f:<10} {a['agree']}/{a['total']}  {a['rate']:.3f}"
                      for f, a in s["field_agreement"].items()]
    for name, s in tables.items():
        errors = [*_format_rows("misses", s["misses"]),
                  *_format_rows("false alarms", s["false_alarms"])]
        if errors:
            lines += ["", f"== {name} errors", *errors]
    return "\n".join(lines) + "\n"
