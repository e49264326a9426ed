"""Tests for pipeline.evaluate: hand-made gold/prediction tables written to temporary folders."""
from __future__ import annotations

import json
import csv
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.evaluate import (
    REQUIRED_COLUMNS,
    GoldFormatError,
    evaluate,
    format_report,
    phrase_f1,
    to_number,
    token_f1,
)

ZWNJ = "\u200c"
Rows = list[dict[str, str]]


# ---------------------------------------------------------------- helpers


def write_table(folder: Path, table: str, rows: Rows, columns: list[str] | None = None) -> Path:
    """Write rows as CSV; columns default to the table's required ones plus any extras used."""
    folder.mkdir(parents=True, exist_ok=True)
    if columns is None:
        extras = [c for row in rows for c in row if c not in REQUIRED_COLUMNS[table]]
        columns = list(REQUIRED_COLUMNS[table]) + list(dict.fromkeys(extras))
    path = folder / f"{table}.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, restval="", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def score(tmp_path: Path, gold: dict[str, Rows], pred: dict[str, Rows], **kwargs) -> dict:
    for table, rows in gold.items():
        write_table(tmp_path / "gold", table, rows)
    for table, rows in pred.items():
        write_table(tmp_path / "pred", table, rows)
    (tmp_path / "pred").mkdir(exist_ok=True)
    return evaluate(tmp_path / "gold", tmp_path / "pred", **kwargs)


def ent(text: str, label: str = "ORG", normalized: str = "", doc: str = "d1", **extra) -> dict:
    return {"doc_id": doc, "text": text, "label": label, "normalized": normalized, **extra}


def rel(subject: str, relation: str, obj: str, doc: str = "d1", **extra) -> dict:
    return {"doc_id": doc, "subject": subject, "relation": relation, "object": obj, **extra}


def stance(actor: str, target: str, polarity: str, doc: str = "d1", **extra) -> dict:
    return {"doc_id": doc, "actor": actor, "target": target, "polarity": polarity, **extra}


def event(event_type: str, doc: str = "d1", **fields) -> dict:
    return {"doc_id": doc, "event_type": event_type, **fields}


def counts(table: dict) -> tuple[int, int, int]:
    return table["tp"], table["fp"], table["fn"]


# ---------------------------------------------------------------- string matching


def test_token_f1_is_multiset_overlap():
    assert token_f1("a b", "a b") == 1.0
    assert token_f1("a a b", "a b") == pytest.approx(0.8)  # overlap 2: P 1, R 2/3
    assert token_f1("a b c d", "a e") == pytest.approx(1 / 3)
    assert token_f1("", "") == 1.0
    assert token_f1("", "a") == 0.0


def test_phrase_f1_ignores_zwnj_and_semicolons():
    assert phrase_f1("حزب محافظه" + ZWNJ + "کار", "حزب  محافظهکار") == 1.0
    assert phrase_f1("نروژ ; آمریکا", "آمریکا ; نروژ") == 1.0
    assert phrase_f1("نروژ", "دانمارک") == 0.0


def test_zwnj_and_whitespace_variants_match(tmp_path):
    gold = {"entities": [ent("حزب محافظه" + ZWNJ + "کار"), ent("حزب کارگر")]}
    pred = {"entities": [ent("حزب محافظهکار"), ent("  حزب   کارگر ")]}
    t = score(tmp_path, gold, pred)["tables"]["entities"]
    assert counts(t) == (2, 0, 0)
    assert t["f1"] == 1.0


def test_arabic_and_persian_letters_match(tmp_path):
    gold = {"entities": [ent("علی", "PER"), ent("کویت", "LOC")]}
    pred = {"entities": [ent("علي", "PER"), ent("كويت", "LOC")]}
    assert counts(score(tmp_path, gold, pred)["tables"]["entities"]) == (2, 0, 0)


def test_an_initialism_matches_however_dotted(tmp_path):
    gold = {"entities": [ent("بی.بی.سی."), ent("سی.ان.ان")]}
    pred = {"entities": [ent("بی" + ZWNJ + "بی" + ZWNJ + "سی"), ent("سی" + ZWNJ + "ان" + ZWNJ + "ان")]}
    assert counts(score(tmp_path, gold, pred)["tables"]["entities"]) == (2, 0, 0)


def test_entity_text_must_be_equal_not_just_overlap(tmp_path):
    gold = {"entities": [ent("حزب دموکرات مسیحی")]}
    pred = {"entities": [ent("حزب دموکرات")]}
    assert counts(score(tmp_path, gold, pred)["tables"]["entities"]) == (0, 1, 1)


def test_entity_label_must_be_equal(tmp_path):
    gold = {"entities": [ent("نروژ", "LOC")]}
    pred = {"entities": [ent("نروژ", "ORG")]}
    t = score(tmp_path, gold, pred)["tables"]["entities"]
    assert counts(t) == (0, 1, 1)
    assert counts(t["per_label"]["LOC"]) == (0, 0, 1)
    assert counts(t["per_label"]["ORG"]) == (0, 1, 0)


def test_duplicate_prediction_counts_once(tmp_path):
    gold = {"entities": [ent("نروژ", "LOC")]}
    pred = {"entities": [ent("نروژ", "LOC", sent_id="0"), ent("نروژ", "LOC", sent_id="3"),
                         ent("اسلو", "LOC", sent_id="1"), ent("اسلو", "LOC", sent_id="2")]}
    t = score(tmp_path, gold, pred)["tables"]["entities"]
    assert counts(t) == (1, 1, 0)  # the wrong one, too, is one false alarm
    assert t["false_alarms"]["d1"] == [
        {"doc_id": "d1", "text": "اسلو", "label": "LOC", "normalized": "", "sent_id": "1"}
    ]


# ---------------------------------------------------------------- dates and amounts


def test_to_number_reads_persian_digits_and_rejects_non_numbers():
    assert to_number("۱۸۰۰۰۰۰۰۰۰") == 1800000000
    assert to_number(" 1,800,000 ") == 1800000
    assert to_number("۲٫۵") == 2.5
    assert to_number("nan") is None
    assert to_number("میلیون") is None


def test_partial_dates_match_only_exactly(tmp_path):
    gold = {"entities": [ent("اوت ۱۹۹۳", "DATE", "1993-08"), ent("اوایل دهه ۱۹۸۰", "DATE", "198X")]}
    pred = {"entities": [ent("۲۰ اوت ۱۹۹۳", "DATE", "1993-08-20"), ent("دهه ۸۰", "DATE", "198X")]}
    t = score(tmp_path, gold, pred)["tables"]["entities"]
    assert counts(t) == (1, 1, 1)
    assert t["misses"]["d1"][0]["normalized"] == "1993-08"


def test_dates_match_on_normalized_not_text(tmp_path):
    gold = {"entities": [ent("۲۰ اوت ۱۹۹۳", "DATE", "1993-08-20")]}
    pred = {"entities": [ent("بیستم اوت", "DATE", " 1993-08-20 ")]}
    assert counts(score(tmp_path, gold, pred)["tables"]["entities"]) == (1, 0, 0)


@pytest.mark.parametrize(
    ("predicted", "tp"), [("917000000", 1), ("900000000", 0), ("917500000", 1)]
)
def test_money_tolerance(tmp_path, predicted, tp):
    gold = {"entities": [ent("۵/۹۱۷ میلیون دلار", "MONEY", "917500000")]}
    pred = {"entities": [ent("۹۱۷ میلیون دلار", "MONEY", predicted)]}
    assert score(tmp_path, gold, pred)["tables"]["entities"]["tp"] == tp


@pytest.mark.parametrize(
    ("amount", "currency", "tp"),
    [("917000000", "USD", 1), ("900000000", "USD", 0), ("917500000", "NOK", 0),
     ("۹۱۷۵۰۰۰۰۰", "USD", 1)],
)
def test_event_amount_tolerance_and_currency(tmp_path, amount, currency, tp):
    gold = {"events": [event("AID", amount="917500000", currency="USD")]}
    pred = {"events": [event("AID", amount=amount, currency=currency)]}
    t = score(tmp_path, gold, pred)["tables"]["events"]
    assert t["tp"] == tp
    assert t["field_agreement"]["amount"]["agree"] == tp


def test_event_partial_date_does_not_agree(tmp_path):
    gold = {"events": [event("CONSULT", date="1993-08"), event("DISAPPROVE", date="198X")]}
    pred = {"events": [event("CONSULT", date="1993-08-20"), event("DISAPPROVE", date="198X")]}
    t = score(tmp_path, gold, pred)["tables"]["events"]
    assert counts(t) == (1, 1, 1)
    assert t["per_label"]["DISAPPROVE"]["tp"] == 1


# ---------------------------------------------------------------- relations and stances


def test_symmetric_relations_match_reversed(tmp_path):
    gold = {"relations": [rel("نروژ", "ALLY_OF", "آمریکا"), rel("نروژ", "BORDERS", "شوروی سابق"),
                          rel("نروژ", "MEMBER_OF", "ناتو")]}
    pred = {"relations": [rel("آمریکا", "ALLY_OF", "نروژ"), rel("شوروی", "BORDERS", "نروژ"),
                          rel("ناتو", "MEMBER_OF", "نروژ")]}
    t = score(tmp_path, gold, pred)["tables"]["relations"]
    assert counts(t) == (2, 1, 1)
    assert counts(t["per_label"]["MEMBER_OF"]) == (0, 1, 1)


def test_relation_phrase_match_threshold_and_type(tmp_path):
    gold = {"relations": [rel("ابوعلاء", "MEMBER_OF", "سازمان آزادی‌بخش فلسطین"),
                          rel("هولست", "ROLE", "نروژ")]}
    pred = {"relations": [rel("ابوعلاء", "MEMBER_OF", "سازمان آزادیبخش"),  # F1 0.8
                          rel("هولست", "MEMBER_OF", "نروژ")]}  # wrong relation
    t = score(tmp_path, gold, pred)["tables"]["relations"]
    assert counts(t) == (1, 1, 1)
    assert t["misses"]["d1"] == [
        {"doc_id": "d1", "subject": "هولست", "relation": "ROLE", "object": "نروژ"}
    ]


def test_identical_relations_are_deduplicated(tmp_path):
    gold = {"relations": [rel("نروژ", "ALLY_OF", "آمریکا")]}
    pred = {"relations": [rel("نروژ", "ALLY_OF", "آمریکا"), rel("نروژ", "ALLY_OF", "آمریکا"),
                          rel("آمریکا", "ALLY_OF", "نروژ")]}
    assert counts(score(tmp_path, gold, pred)["tables"]["relations"]) == (1, 0, 0)


def test_polarity_mismatch_fails_stances_but_not_no_polarity(tmp_path):
    gold = {"stances": [stance("حزب میانه", "پیوستن نروژ به جامعه اروپا", "against")]}
    pred = {"stances": [stance("حزب میانه", "پیوستن به جامعه اروپا", "favor")]}
    tables = score(tmp_path, gold, pred)["tables"]
    assert counts(tables["stances"]) == (0, 1, 1)
    assert counts(tables["stances_no_polarity"]) == (1, 0, 0)
    assert tables["stances_no_polarity"]["f1"] == 1.0


def test_pairing_is_one_to_one_best_first(tmp_path):
    gold = {"stances": [stance("حزب محافظه‌کار", "عضویت نروژ در جامعه اروپا", "favor"),
                        stance("حزب محافظه‌کار", "ادامه عضویت در ناتو", "favor")]}
    # One prediction that could pair with either gold row: it must take its best match only.
    pred = {"stances": [stance("حزب محافظه‌کار", "عضویت در ناتو", "favor")]}
    t = score(tmp_path, gold, pred)["tables"]["stances"]
    assert counts(t) == (1, 0, 1)
    assert t["misses"]["d1"][0]["target"] == "عضویت نروژ در جامعه اروپا"


# ---------------------------------------------------------------- events


def test_event_needs_half_of_gold_fields(tmp_path):
    gold = {"events": [event("AID", actor="نروژ", recipient="دانمارک ; ترکیه ; مصر",
                             date="1990-08", amount="1800000000", currency="NOK")]}
    half = {"events": [event("AID", actor="نروژ", recipient="ترکیه ; مصر ; دانمارک",
                             date="1990", amount="")]}
    less = {"events": [event("AID", actor="نروژ", date="1990")]}
    wrong_type = {"events": [event("SUPPORT", actor="نروژ", recipient="دانمارک ; ترکیه ; مصر",
                                   date="1990-08", amount="1800000000", currency="NOK")]}
    assert score(tmp_path / "a", gold, half)["tables"]["events"]["tp"] == 1  # 2 of 4
    assert score(tmp_path / "b", gold, less)["tables"]["events"]["tp"] == 0  # 1 of 4
    assert score(tmp_path / "c", gold, wrong_type)["tables"]["events"]["tp"] == 0


def test_event_field_agreement(tmp_path):
    gold = {"events": [
        event("ASSAULT", actor="عراق", recipient="کویت", date="1990-08", location="کویت"),
        event("SUPPORT", actor="کلینتون", recipient="نروژ"),
        event("AGREE", actor="پرز", recipient="شرکت‌های نروژی", date="1993-08-20"),
    ]}
    pred = {"events": [
        event("ASSAULT", actor="عراق", recipient="کویت", date="1990", location=""),
        event("SUPPORT", actor="کلینتون", recipient="هولست"),
        event("AGREE", actor="کیسینجر", recipient="نروژ"),
    ]}
    t = score(tmp_path, gold, pred)["tables"]["events"]
    assert counts(t) == (2, 1, 1)
    agreement = t["field_agreement"]
    assert agreement["actor"] == {"agree": 2, "total": 2, "rate": 1.0}
    assert agreement["recipient"] == {"agree": 1, "total": 2, "rate": 0.5}
    assert agreement["date"] == {"agree": 0, "total": 1, "rate": 0.0}
    assert agreement["location"]["total"] == 1
    assert agreement["amount"] == {"agree": 0, "total": 0, "rate": 0.0}


def test_identical_gold_events_pair_with_their_twins(tmp_path):
    rows = [event("AID", actor="وزارت امور خارجه نروژ", recipient="کشورهای شرق اروپا",
                  date="1993-06", amount="307000000", currency="NOK"),
            event("AID", actor="وزارت امور خارجه نروژ", recipient="کشورهای شرق اروپا",
                  amount="461000000", currency="NOK")]
    t = score(tmp_path, {"events": rows}, {"events": list(reversed(rows))})["tables"]["events"]
    assert counts(t) == (2, 0, 0)
    assert t["field_agreement"]["amount"]["agree"] == 2


# ---------------------------------------------------------------- documents and files


def test_document_missing_from_predictions_counts_as_misses(tmp_path):
    gold = {"entities": [ent("نروژ", "LOC", doc="d1"), ent("اسلو", "LOC", doc="d2"),
                         ent("ناتو", "ORG", doc="d2")],
            "relations": [rel("نروژ", "MEMBER_OF", "ناتو", doc="d2")]}
    pred = {"entities": [ent("نروژ", "LOC", doc="d1"), ent("ایران", "LOC", doc="other")]}
    result = score(tmp_path, gold, pred)
    assert result["documents"] == ["d1", "d2"]  # the union over gold tables
    entities = result["tables"]["entities"]
    assert counts(entities) == (1, 0, 2)  # the prediction for "other" is ignored
    assert entities["recall"] == pytest.approx(1 / 3)
    assert entities["precision"] == 1.0
    assert [r["text"] for r in entities["misses"]["d2"]] == ["اسلو", "ناتو"]
    assert counts(result["tables"]["relations"]) == (0, 0, 1)  # no relations.csv predicted
    assert result["tables"]["relations"]["f1"] == 0.0


def test_docs_filter_restricts_gold_and_predictions(tmp_path):
    gold = {"entities": [ent("نروژ", "LOC", doc="d1"), ent("اسلو", "LOC", doc="d2")]}
    pred = {"entities": [ent("نروژ", "LOC", doc="d1"), ent("بوسنی", "LOC", doc="d2"),
                         ent("ایران", "LOC", doc="d3")]}
    result = score(tmp_path, gold, pred, docs=["d1"])
    assert result["documents"] == ["d1"]
    assert counts(result["tables"]["entities"]) == (1, 0, 0)
    both = evaluate(tmp_path / "gold", tmp_path / "pred", docs=["d1", "d2"])
    assert counts(both["tables"]["entities"]) == (1, 1, 1)


def test_missing_gold_table_is_skipped(tmp_path):
    result = score(tmp_path, {"stances": [stance("نروژ", "عضویت در ناتو", "favor")]},
                   {"entities": [ent("نروژ", "LOC")]})
    assert set(result["tables"]) == {"stances", "stances_no_polarity"}


@pytest.mark.parametrize("side", ["gold", "pred"])
def test_missing_required_column_raises(tmp_path, side):
    columns = ["doc_id", "subject", "object"]  # no "relation"
    good = [rel("نروژ", "ALLY_OF", "آمریکا")]
    write_table(tmp_path / "gold", "relations", good, columns if side == "gold" else None)
    write_table(tmp_path / "pred", "relations", good, columns if side == "pred" else None)
    with pytest.raises(GoldFormatError) as error:
        evaluate(tmp_path / "gold", tmp_path / "pred")
    message = str(error.value)
    assert str(tmp_path / side / "relations.csv") in message
    assert "relation" in message.split(":")[-1]
    assert "subject" not in message.split(":")[-1]


def test_optional_columns_absent_in_gold_and_extra_in_predictions(tmp_path):
    gold = {"stances": [stance("نروژ", "تقویت ناتو", "favor")]}
    pred = {"stances": [stance("نروژ", "تقویت ناتو", "favor", sent_id="4", cue="حمایت",
                               evidence="نروژ از تقویت ناتو حمایت می‌کند"),
                        stance("نروژ", "عضویت در جامعه اروپا", "against", sent_id="5",
                               intensity="strong", evidence="...")]}
    t = score(tmp_path, gold, pred)["tables"]["stances"]
    assert counts(t) == (1, 1, 0)
    assert t["false_alarms"]["d1"] == [
        {"doc_id": "d1", "actor": "نروژ", "target": "عضویت در جامعه اروپا", "polarity": "against",
         "sent_id": "5", "evidence": "..."}
    ]


# ---------------------------------------------------------------- whole sample


SAMPLE_GOLD: dict[str, Rows] = {
    "entities": [
        ent("نروژ", "LOC"), ent("شوروی سابق", "LOC"), ent("خلیج فارس", "LOC"),
        ent("حزب محافظه‌کار"), ent("حزب ترقی‌خواه"), ent("سازمان آزادی‌بخش فلسطین"),
        ent("بی.بی.سی."), ent("هنری کیسینجر", "PER"), ent("۱۹۷۲", "DATE", "1972"),
        ent("اوایل دهه ۱۹۸۰", "DATE", "198X"), ent("۲۰ اوت ۱۹۹۳", "DATE", "1993-08-20"),
        ent("۸/۱ میلیارد کرون", "MONEY", "1800000000"),
        ent("۵/۹۱۷ میلیون دلار", "MONEY", "917500000"), ent("۲۵ درصد", "PERCENT", "25"),
        ent("کابل", "LOC", doc="d2"),
    ],
    "relations": [
        rel("نروژ", "MEMBER_OF", "ناتو"), rel("نروژ", "ALLY_OF", "آمریکا"),
        rel("نروژ", "BORDERS", "شوروی سابق"), rel("هولست", "ROLE", "نروژ"),
        rel("ابوعلاء", "MEMBER_OF", "سازمان آزادی‌بخش فلسطین"),
    ],
    "stances": [
        stance("حزب محافظه‌کار", "عضویت نروژ در جامعه اروپا", "favor"),
        stance("حزب محافظه‌کار", "ادامه عضویت در ناتو", "favor"),
        stance("حزب سوسیالیست چپ", "عضویت نروژ در جامعه اروپا", "against"),
        stance("حزب ترقی‌خواه", "عضویت نروژ در جامعه اروپا", "neutral"),
        stance("نروژ", "عضویت در ناتو", "favor"), stance("آمریکا", "عضویت در ناتو", "favor"),
    ],
    "events": [
        event("ELECTION", date="1972", location="نروژ"),
        event("DISAPPROVE", actor="نروژ ; آمریکا", date="198X"),
        event("CONSULT", actor="نروژ", recipient="ساف ; اسرائیل"),
        event("AID", actor="نروژ", recipient="دانمارک ; ترکیه ; مصر", date="1990-08",
              amount="1800000000", currency="NOK"),
        event("AID", actor="وزارت امور خارجه نروژ", recipient="کشورهای شرق اروپا",
              date="1993-06", amount="307000000", currency="NOK"),
        event("AID", actor="وزارت امور خارجه نروژ", recipient="کشورهای شرق اروپا",
              amount="461000000", currency="NOK"),
        event("CONSULT", actor="وزیر امور خارجه اسرائیل", recipient="وزیر امور خارجه نروژ",
              date="1993-08-20", location="اسلو"),
        event("ELECTION", doc="d2"),
    ],
}


def assert_perfect(result: dict, tables: set[str]) -> None:
    assert set(result["tables"]) == tables
    for name, t in result["tables"].items():
        assert t["f1"] == 1.0, name
        assert t["fp"] == t["fn"] == 0, name
        assert not t["misses"] and not t["false_alarms"], name


def test_sample_gold_against_itself_is_perfect(tmp_path):
    result = score(tmp_path, SAMPLE_GOLD, SAMPLE_GOLD)
    assert result["documents"] == ["d1", "d2"]
    assert_perfect(result, set(SAMPLE_GOLD) | {"stances_no_polarity"})
    assert result["tables"]["entities"]["tp"] == len(SAMPLE_GOLD["entities"])
    assert result["tables"]["events"]["tp"] == len(SAMPLE_GOLD["events"])


REPO_GOLD = Path(__file__).parents[1] / "corpus" / "gold"


@pytest.mark.skipif(not (REPO_GOLD / "entities.csv").exists(), reason="no corpus/gold in repo")
def test_repository_gold_against_itself_is_perfect():
    result = evaluate(REPO_GOLD, REPO_GOLD)
    tables = {p.stem for p in REPO_GOLD.glob("*.csv") if p.stem in REQUIRED_COLUMNS}
    if "stances" in tables:
        tables.add("stances_no_polarity")
    assert_perfect(result, tables)


@pytest.mark.skipif(not (REPO_GOLD.parent / "agreement").is_dir(), reason="no corpus/agreement in repo")
def test_the_second_annotation_scores_against_the_gold_on_its_documents_only():
    # corpus/agreement: an independent second annotation of the split «agreement» (README: the human ceiling)
    docs = json.loads((REPO_GOLD.parent / "splits.json").read_text(encoding="utf-8"))["agreement"]
    result = evaluate(REPO_GOLD, REPO_GOLD.parent / "agreement", docs)
    tables = result["tables"]
    assert set(tables) >= {"entities", "relations", "stances", "events"}
    assert all(0.5 < tables[t]["f1"] < 1.0 for t in ("entities", "relations", "stances", "events"))
    assert {r["doc_id"] for r in csv.DictReader(open(REPO_GOLD.parent / "agreement" / "stances.csv",
                                                      encoding="utf-8"))} <= set(docs)


WORDS = ["نروژ", "آمریکا", "ناتو", "حزب", "کارگر", "جامعه", "اروپا", "عضویت", "در", "کمک"]
phrase = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    relations=st.lists(st.tuples(phrase, st.sampled_from(["ALLY_OF", "MEMBER_OF"]), phrase),
                       max_size=5),
    stances=st.lists(st.tuples(phrase, phrase, st.sampled_from(["favor", "against"])),
                     max_size=5),
    events=st.lists(st.tuples(st.sampled_from(["AID", "CONSULT"]), phrase | st.just(""),
                              st.sampled_from(["", "1990", "1990-08"])), max_size=5),
)
def test_any_gold_against_itself_is_perfect(relations, stances, events):
    gold = {
        "relations": [rel(s, r, o) for s, r, o in relations],
        "stances": [stance(a, t, p) for a, t, p in stances],
        "events": [event(e, actor=a, date=d) for e, a, d in events],
    }
    with tempfile.TemporaryDirectory() as tmp:
        result = score(Path(tmp), gold, gold)
    for name, t in result["tables"].items():
        assert t["fp"] == t["fn"] == 0, name


# ---------------------------------------------------------------- report


def test_format_report_lists_scores_and_errors(tmp_path):
    gold = {"entities": [ent("نروژ", "LOC"), ent("اسلو", "LOC")],
            "events": [event("AID", actor="نروژ", amount="1800000000", currency="NOK")]}
    pred = {"entities": [ent("نروژ", "LOC"), ent("ایران", "LOC")],
            "events": [event("AID", actor="نروژ", amount="1800000000", currency="NOK")]}
    report = format_report(score(tmp_path, gold, pred))
    assert "entities  P 0.500  R 0.500  F1 0.500  (tp 1 fp 1 fn 1)" in report
    assert "LOC  P 0.500  R 0.500  F1 0.500  (tp 1 fp 1 fn 1)" in report
    assert "amount     1/1  1.000" in report
    assert "text=اسلو | label=LOC" in report
    assert report.index("misses") < report.index("اسلو") < report.index("false alarms")
    assert report.index("false alarms") < report.index("ایران")


def test_what_gold_never_annotates_is_not_scored(tmp_path):
    result = score(
        tmp_path,
        gold={"entities": [ent("نروژ", "LOC")], "relations": [rel("نروژ", "MEMBER_OF", "ناتو")]},
        pred={"entities": [ent("نروژ", "LOC"), ent("جام جهانی", "EVENT"), ent("ساعت ۱۰", "TIME")],
              "relations": [rel("نروژ", "MEMBER_OF", "ناتو"), rel("نروژ", "ACTION", "ناتو", predicate="پیوست")]},
    )
    assert result["tables"]["entities"]["fp"] == 0
    assert result["tables"]["relations"]["fp"] == 0
    assert result["tables"]["relations"]["f1"] == 1.0


def test_dates_that_run_wrote_spreadsheet_safe_still_match(tmp_path):
    # `run` writes «--07-21» as «'--07-21» so spreadsheets do not read it as a formula
    from pipeline.records import EntityRow
    from pipeline.tables import frame
    from pipeline.tables import write_table as write_output

    write_table(tmp_path / "gold", "entities", [ent("۲۱ ژوئیه", "DATE", "--07-21")])
    (tmp_path / "pred").mkdir()
    rows = [EntityRow("d1", 0, "d1-e0", "۲۱ ژوئیه", "DATE", 0, 8, "--07-21", "", "rules")]
    write_output(frame("entities", rows), tmp_path / "pred/entities.csv")
    assert "'--07-21" in (tmp_path / "pred/entities.csv").read_text(encoding="utf-8")
    assert counts(evaluate(tmp_path / "gold", tmp_path / "pred")["tables"]["entities"]) == (1, 0, 0)


def test_cli_docs_names_several_splits_and_doc_ids(tmp_path, capsys):
    from pipeline.cli import main

    gold = {"entities": [ent("نروژ", "LOC", doc=d) for d in ("a", "b", "c", "d")]}
    score(tmp_path, gold, {"entities": [ent("نروژ", "LOC", doc="a")]})
    (tmp_path / "splits.json").write_text(json.dumps({"dev": ["a"], "test": ["b", "c"]}), encoding="utf-8")
    args = ["evaluate", "--gold", str(tmp_path / "gold"), "--pred", str(tmp_path / "pred"), "--json", "--docs"]
    assert main(args + ["test,dev,d,c"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["documents"] == ["b", "c", "a", "d"]  # each once, in the order named
    assert counts(result["tables"]["entities"]) == (1, 0, 3)
