"""The shipped Stanza models: the full pipeline on the sample, and the official-models loading path."""
import json
import shutil

import pytest

from conftest import MODELS, ROOT, needs_models
from stanza.models.common.doc import Document

from pipeline.nlp import (ModelsNotFound, _names_as_propn, analyse_documents, describe_models, keep_lexicon_words,
                          models_dir, perdt_conventions, perdt_lemmas)
from pipeline.normalize import normalize

SHARED_DATA = ROOT.parent / "shared" / "data"


@needs_models
def test_full_pipeline_on_the_sample_document(sample_text):
    sentences = analyse_documents([normalize(sample_text).text], MODELS)[0]
    assert len(sentences) > 20
    words = [w for s in sentences for w in s.words]
    assert len(words) > 800
    assert all(w.lemma and w.upos for w in words)
    for sent in sentences:  # a tree: one root, heads inside the sentence
        assert sum(w.head == 0 for w in sent.words) >= 1
        assert all(0 <= w.head <= len(sent.words) for w in sent.words)
    entities = {(m.text, m.label) for s in sentences for m in s.entities}
    assert ("نروژ", "LOC") in entities
    verbs = {w.lemma for w in words if w.upos in ("VERB", "AUX")}
    assert "کرد" in verbs or "داشت" in verbs  # past-stem lemmas, PerDT style


@needs_models
def test_a_stanza_resources_directory_loads_through_the_same_path(tmp_path, sample_text):
    resources = tmp_path / "stanza_resources"
    shutil.copytree(MODELS, resources, ignore=shutil.ignore_patterns("*.md"))
    layout = json.loads((resources / "resources.json").read_text(encoding="utf-8"))["fa"]
    for processor, package in layout["default_processors"].items():  # stanza.download's layout
        assert (resources / "fa" / processor / f"{package}.pt").exists()
    text = normalize(sample_text[:600]).text
    ours = analyse_documents([text], MODELS)[0]
    theirs = analyse_documents([text], resources)[0]
    assert [(w.text, w.upos, w.head) for s in theirs for w in s.words] == \
           [(w.text, w.upos, w.head) for s in ours for w in s.words]
    assert "ner=arman" in describe_models(resources)


def test_lexicon_words_flagged_as_word_plus_clitic_stay_whole():
    flagged = [[("کاهش", True), "قیمت", ("کتابش", True), ("گسترش", True), "روابط"]]
    assert keep_lexicon_words(flagged) == [["کاهش", "قیمت", ("کتابش", True), "گسترش", "روابط"]]
    assert keep_lexicon_words([[("خودش", True)]]) == [[("خودش", True)]]  # hazm: a pronoun, split
    assert keep_lexicon_words([["خودشان", "خودرو"]]) == [[("خودشان", True), "خودرو"]]  # PerDT splits it


def test_a_word_and_the_copula_are_flagged_as_two_words():
    tokens = ["شماست", "دل‌هاست", "کجاست", "دوست", "راست", "کاست", "خواست", "نیست"]
    # a word + «ست» is split as PerDT splits it; lexicon words and verbs («کاست», «خواست») stay whole
    assert keep_lexicon_words([tokens]) == [[("شماست", True), ("دل‌هاست", True), ("کجاست", True),
                                            "دوست", "راست", "کاست", "خواست", "نیست"]]


@needs_models
def test_clitics_after_a_vowel_are_split_as_perdt_splits_them():
    words = [w.text for s in analyse_documents(["او سر جایش نشست و کتاب‌هایش را به خودش داد."], MODELS)[0]
             for w in s.words]
    assert words[2:4] == ["جا", "یش"]  # the expander alone writes «جای ش»
    assert words[6:8] == ["کتاب‌های", "ش"]  # after the plural «های» the split stays
    assert words[-4:-2] == ["خود", "ش"]


def test_features_perdt_never_marks_are_dropped():
    rows = [{"id": 1, "text": "دو", "upos": "NUM", "feats": "NumType=Card"},
            {"id": 2, "text": "کتاب", "upos": "NOUN", "feats": "Number=Sing"},
            {"id": 3, "text": "خوب", "upos": "ADJ", "feats": "Degree=Pos"},
            {"id": 4, "text": "خواندم", "upos": "VERB", "feats": "Number=Sing|Person=1|Tense=Past|VerbForm=Fin"}]
    sentence = Document([rows], text="دو کتاب خوب خواندم").sentences[0]
    perdt_conventions(sentence)
    assert [w.feats for w in sentence.words] == [None, "Number=Sing", None, "Number=Sing|Person=1|Tense=Past|Voice=Act"]


def test_categories_perdt_always_marks_take_their_usual_value():
    rows = [{"id": 1, "text": "کتاب", "upos": "NOUN"},
            {"id": 2, "text": "کتاب‌ها", "upos": "NOUN", "feats": "Number=Plur"},
            {"id": 3, "text": "خواندم", "upos": "VERB", "feats": "Number=Sing|Person=1|Tense=Past"},
            {"id": 4, "text": "شد", "upos": "VERB", "feats": "Number=Sing|Person=3|Voice=Pass"},
            {"id": 5, "text": "خوب", "upos": "ADJ"}]
    sentence = Document([rows], text="کتاب کتاب‌ها خواندم شد خوب").sentences[0]
    perdt_conventions(sentence)
    # a category already there keeps its value; adjectives have no default
    assert [w.feats for w in sentence.words] == [
        "Number=Sing", "Number=Plur", "Number=Sing|Person=1|Tense=Past|Voice=Act",
        "Number=Sing|Person=3|Voice=Pass", None]


def test_preverb_verbs_lose_the_preverb_in_their_lemma():
    from pipeline.nlp import split_preverb

    assert split_preverb("درآوردند") == ("در", "آورد")
    assert split_preverb("بازمی‌گردانم") == ("باز", "گرداند")
    assert split_preverb("برانگیخته") == ("بر", "انگیخت")  # the participle
    assert split_preverb("برچید") == ("بر", "چید")
    # «برد», «برده»: «بر» is the verb itself; «ورزید»: «زید» is no verb
    assert [split_preverb(w) for w in ("برد", "برده", "ورزید")] == [None, None, None]


def test_perdt_lemmas_for_own_clitics_and_preverbs():
    rows = [{"id": (1, 2), "text": "خودش"},
            {"id": 1, "text": "خود", "upos": "PRON", "lemma": "خود"},
            {"id": 2, "text": "ش", "upos": "PRON", "lemma": "او"},
            {"id": 3, "text": "خود", "upos": "PRON", "lemma": "خود"},
            {"id": 4, "text": "برنامه", "upos": "NOUN", "lemma": "برنامه"},
            {"id": 5, "text": "درآوردند", "upos": "VERB", "lemma": "آرآرد"}]
    sentence = Document([rows], text="خودش خود برنامه درآوردند").sentences[0]
    perdt_lemmas(sentence)
    # PerDT lemmatises the «خود» of «خودش» as «خودش»; a lone «خود» and a noun stay as they were
    assert [w.lemma for w in sentence.words] == ["خودش", "او", "خود", "برنامه", "آورد"]


def test_words_perdt_tags_consistently_take_its_tag():
    rows = [{"id": 1, "text": "حالا", "upos": "ADV"}, {"id": 2, "text": "کتاب", "upos": "NOUN"},
            {"id": 3, "text": "را", "upos": "ADP"}, {"id": 4, "text": "خواندم", "upos": "VERB"}]
    sentence = Document([rows], text="حالا کتاب را خواندم").sentences[0]
    perdt_conventions(sentence)
    # PerDT tags «حالا» NOUN and never ADV; the other tags are ones PerDT gives these words
    assert [w.upos for w in sentence.words] == ["NOUN", "NOUN", "ADP", "VERB"]


def test_the_foreign_features_builder_needs_perdt_evidence():
    from collections import Counter

    from pipeline.training.perdt_conventions import dominant_tags, foreign

    perdt = (Counter({("NOUN", "Number=Sing"): 90}), Counter({"NOUN": 100, "ADJ": 60, "INTJ": 3}))
    others = (Counter({("NOUN", "Number=Sing"): 900, ("ADJ", "Degree=Pos"): 600, ("ADJ", "Degree=Sup"): 4,
                       ("INTJ", "Polarity=Neg"): 20}), Counter())
    # used by PerDT: kept; too rare elsewhere: kept; PerDT has too few interjections to tell
    assert foreign(perdt, others) == [("ADJ", "Degree=Pos", 600)]
    tags_by_form = {"حالا": Counter({"NOUN": 9, "ADV": 1}), "که": Counter({"SCONJ": 2}),
                    "اول": Counter({"ADJ": 2, "NOUN": 1})}
    # 9 of 10 NOUN: listed with both tags; «که» seen twice only; «اول» 2 of 3
    assert dominant_tags(tags_by_form) == [("حالا", "NOUN", "ADV,NOUN")]


def test_default_features_need_a_category_on_almost_every_word_with_one_usual_value():
    from collections import Counter

    from pipeline.training.perdt_conventions import default_features

    features = Counter({("VERB", "Voice=Act"): 96, ("VERB", "Voice=Pass"): 2,  # 98 % marked, Act 98 %
                        ("VERB", "Person=3"): 70, ("VERB", "Person=1"): 29,   # usual value only 71 %
                        ("ADJ", "Degree=Cmp"): 50,                             # half the adjectives
                        ("PART", "Polarity=Neg"): 10})                         # too few particles
    upos = Counter({"VERB": 100, "ADJ": 100, "PART": 10})
    assert default_features((features, upos)) == [("VERB", "Voice=Act", "0.980", "0.980")]


def test_nouns_inside_names_are_proper_nouns():
    text = "وزارت امور خارجه ایران جلسه گذاشت"
    tags, ner = ["NOUN", "NOUN", "ADJ", "PROPN", "NOUN", "VERB"], ["B-ORG", "I-ORG", "I-ORG", "E-ORG", "O", "O"]
    rows, start = [], 0
    for i, (form, upos, tag) in enumerate(zip(text.split(), tags, ner), 1):
        rows.append({"id": i, "text": form, "upos": upos, "ner": tag,
                     "misc": f"start_char={start}|end_char={start + len(form)}"})
        start += len(form) + 1
    sentence = Document([rows], text=text).sentences[0]
    _names_as_propn(sentence)
    assert [w.upos for w in sentence.words] == ["PROPN", "PROPN", "ADJ", "PROPN", "NOUN", "VERB"]


@needs_models
def test_frequent_nouns_ending_like_a_clitic_are_one_word():
    text = normalize("کاهش قیمت نفت و گسترش روابط با لیبی قطعی است و وی کتابش را خواند.").text
    words = [w.text for s in analyse_documents([text], MODELS)[0] for w in s.words]
    assert "کاهش" in words and "گسترش" in words
    assert "کاه" not in words and "گستر" not in words


@needs_models
def test_a_name_the_tagger_reads_as_a_noun_is_a_proper_noun_before_the_parse():
    # the tagger reads «نروژ» here as a common noun; the NER finds the place
    text = normalize("نروژ، با اسرائیل نیز رابطه دوستانه دارد.").text
    words = [w for s in analyse_documents([text], MODELS)[0] for w in s.words]
    assert words[0].text == "نروژ" and words[0].upos == "PROPN"


def test_a_folder_without_models_is_a_clear_error(tmp_path):
    with pytest.raises(ModelsNotFound, match="resources.json"):
        models_dir(tmp_path)


def test_models_stay_small():
    if not MODELS.exists():
        pytest.skip("no models installed")
    size = sum(p.stat().st_size for p in MODELS.rglob("*") if p.is_file())
    assert size <= 60 * 2**20


@needs_models
@pytest.mark.skipif(not SHARED_DATA.exists(), reason="needs ../shared/data (CI has it)")
def test_evaluate_models_reports_every_metric():
    from pipeline.model_eval import UD_METRICS, evaluate_models

    scores = evaluate_models(SHARED_DATA, None, limit=40)
    assert list(scores["ud"]) == UD_METRICS
    assert scores["ud"]["Tokens"] > 95 and scores["ud"]["UPOS"] > 80 and scores["ud"]["LAS"] > 50
    assert scores["ner"]["arman"] > 40
    assert "PER" in scores["ner"]["per_type"]["arman"]


@needs_models
@pytest.mark.skipif(not SHARED_DATA.exists(), reason="needs ../shared/data (CI has it)")
def test_ud_scores_on_another_gold_file(tmp_path):
    from pipeline.model_eval import evaluate_ud

    blocks = (SHARED_DATA / "ud/perdt/fa_perdt-ud-dev.conllu").read_text(encoding="utf-8").strip().split("\n\n")
    gold = tmp_path / "dev.conllu"
    gold.write_text("\n\n".join(blocks[:10]) + "\n\n", encoding="utf-8")
    scores = evaluate_ud(SHARED_DATA, MODELS, gold_path=gold)
    test_scores = evaluate_ud(SHARED_DATA, MODELS, limit=10)
    assert scores["Tokens"] > 90 and scores["UPOS"] > 70
    assert scores != test_scores  # another file, other sentences
