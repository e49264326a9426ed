"""Training recipes: data preparation follows the model card, and every recipe runs."""
from pathlib import Path

import pytest

from conftest import MODELS, ROOT, needs_models
from pipeline.cli import main
from pipeline.training.recipes import RECIPES
from pipeline.training.train import command

SHARED_DATA = ROOT.parent / "shared" / "data"
pytestmark = pytest.mark.skipif(not SHARED_DATA.exists(), reason="needs ../shared/data (CI has it)")


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    work = tmp_path_factory.mktemp("work")
    assert main(["train", "data", "--data", str(SHARED_DATA), "--work", str(work)]) == 0
    return work


def conllu_rows(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) == 10:
            yield cols


def test_treebanks_are_harmonised(prepared):
    rows = list(conllu_rows(prepared / "data/ud/fa.train.conllu"))
    assert len(rows) > 90_000
    assert {r[4] for r in rows} == {"_"}  # XPOS dropped: two incompatible tagsets
    assert not any("#" in r[2] and r[2] != "#" for r in rows)  # «کرد#کن» -> «کرد»
    assert not any("ي" in r[1] or "ك" in r[1] for r in rows)  # normalised spelling
    assert {r[9] for r in rows} <= {"_", "SpaceAfter=No"}
    sources = [line for line in (prepared / "data/ud/fa.train.conllu").read_text(encoding="utf-8").splitlines()
               if line.startswith("# source = ")]
    assert {line.split(" = ")[1] for line in sources} == {"perdt", "seraji", "iperudt"}
    extra = list(conllu_rows(prepared / "data/ud/fa.pos_extra.conllu"))  # Seraji UD 1.x, UPOS only
    assert len(extra) > 100_000 and {r[5] for r in extra} == {"_"}
    assert "CONJ" not in {r[3] for r in extra}
    lemma_train = list(conllu_rows(prepared / "data/ud/fa.lemma_train.conllu"))
    assert len(lemma_train) > len(rows) + 2_000  # + UniMorph verb forms


def test_colloquial_multiword_tokens_become_single_words_for_the_tokenizer():
    from pipeline.training.treebanks import as_single_words

    sentence = [
        "# text = اینه دلم",
        "1-2\tاینه\t_\t_\t_\t_\t_\t_\t_\t_",
        "1\tاین\tاین\tPRON\t_\t_\t0\troot\t_\t_",
        "2\tه\tهست\tAUX\t_\t_\t1\tcop\t_\t_",
        "3-4\tدلم\t_\t_\t_\t_\t_\t_\t_\t_",
        "3\tدل\tدل\tNOUN\t_\t_\t1\tnsubj\t_\t_",
        "4\tم\tمن\tPRON\t_\t_\t3\tnmod:poss\t_\t_",
    ]
    rows = [line.split("\t") for line in as_single_words(sentence)[1:]]
    # «اینه» (colloquial copula) is one word now; «دلم» keeps PerDT's noun + clitic split
    assert [(r[0], r[1], r[6]) for r in rows] == [
        ("1", "اینه", "0"), ("2-3", "دلم", "_"), ("2", "دل", "1"), ("3", "م", "2")]


def test_ud1_upos_lines_take_perdt_conventions():
    from collections import Counter

    from pipeline.training.treebanks import upos_only_sentences

    reference = {"است": Counter(AUX=40, VERB=1), "را": Counter(ADP=30), "چه": Counter(DET=5, ADV=4)}
    [sentence] = upos_only_sentences(["اين_DET كار_NOUN را_PART كرد_VERB و_CONJ خوب_ADJ است_VERB چه_ADV"],
                                     reference, set())
    rows = [line.split("\t") for line in sentence if not line.startswith("#")]
    assert [(r[1], r[3]) for r in rows] == [
        ("این", "DET"), ("کار", "NOUN"), ("را", "ADP"), ("کرد", "VERB"), ("و", "CCONJ"),
        ("خوب", "ADJ"), ("است", "AUX"), ("چه", "ADV")]  # «چه» ADV is common in PerDT: kept
    assert {r[2] for r in rows} == {r[5] for r in rows} == {"_"}  # only UPOS is learnt from it


def test_other_treebanks_take_perdt_lemmas_and_unimorph_verbs_their_past_stem():
    from collections import Counter

    from pipeline.training.treebanks import lemmas_as_in_perdt, unimorph_verbs

    reference = {("می‌شود", "VERB"): Counter({"شد": 43}), ("کرد", "VERB"): Counter({"کرد": 2, "کن": 2})}
    seraji = ["1\tمی‌شود\tکرد\tVERB\t_\t_\t0\troot\t_\t_", "2\tکرد\tکن\tVERB\t_\t_\t1\tconj\t_\t_"]
    lemmas = [row.split("\t")[2] for row in lemmas_as_in_perdt(seraji, reference)]
    assert lemmas == ["شد", "کن"]  # PerDT is split on «کرد»: left alone
    verbs = unimorph_verbs(["سپردن\tمی‌سپارند\tV;3;PL;PRS;IND", "سپردن\tمی‌سپارن\tV;3;PL;PRS;COL",
                            "آبتنی کردن\tآبتنی بکن\tV;2;SG;IMP"])
    assert [row[1].split("\t")[1:4] for row in verbs] == [["می‌سپارند", "سپرد", "VERB"]]


def test_names_are_learnt_where_the_training_sets_tag_them_consistently():
    from pipeline.training.names import learn_names

    def sent(*pairs):
        return [tuple(p.split("/")) for p in pairs]
    sentences = [sent("دونالد/B-PER", "ترامپ/I-PER", "گفت/O"), sent("ترامپ/B-PER", "رفت/O")] * 2 + [
        sent("ترامپ/B-PER", "آمد/O"), sent("ترامپ/B-PER", "گفت/O"),
        sent("روحانی/B-PER", "گفت/O")] * 2 + [sent("یک/O", "روحانی/O", "آمد/O")] * 4 + [
        sent("مونیخ/B-LOC", "سرد/O")] * 4 + [sent("بایرن/B-ORG", "مونیخ/I-ORG")] * 4 + [
        sent("فارس/B-LOC"), sent("فارس/B-ORG")] * 3
    names = {(n, label) for n, label, _ in learn_names(sentences)}
    assert ("دونالد ترامپ", "PER") in names and ("ترامپ", "PER") in names  # also inside the full name
    assert ("مونیخ", "LOC") in names  # its label alone, whatever the longer names around it
    assert not {n for n, _ in names} & {"روحانی", "فارس"}  # often untagged («cleric»); two labels


def test_given_names_open_person_names_and_are_mostly_part_of_one():
    from pipeline.training.names import learn_given_names

    def sent(*pairs):
        return [tuple(p.split("/")) for p in pairs]
    sentences = [sent("نادر/B-PER", "ابراهیمی/I-PER", "گفت/O")] * 3 + [sent("موارد/O", "نادر/O")] + [
        sent("جان/B-PER", "کری/I-PER")] * 3 + [sent("جان/O", "باخت/O")] * 5 + [sent("علی/B-PER", "رفت/O")] * 4
    given = dict(learn_given_names(sentences))
    assert given == {"نادر": 3}  # «جان» is mostly "soul"; «علی» never opens a longer name here


def test_names_in_non_perdt_sentences_become_propn_as_in_perdt():
    from pipeline.training.propn import mark_names, stanza_tagger

    def sentence(source, *words):
        return ["# text = …", f"# source = {source}",
                *[f"{n}\t{w}\t{w}\t{tag}\t_\t_\t0\tdep\t_\t_" for n, (w, tag) in enumerate(words, 1)]]
    seraji = sentence("seraji", ("شورای", "NOUN"), ("امنیت", "NOUN"), ("جلسه", "NOUN"), ("داشت", "VERB"))
    perdt = sentence("perdt", ("شورای", "NOUN"), ("امنیت", "NOUN"))

    def fake_ner(words):
        return [["B-ORG", "I-ORG"] + ["O"] * (len(w) - 2) for w in words]
    (marked_seraji, marked_perdt), changed = mark_names([seraji, perdt], fake_ner)
    assert [line.split("\t")[3] for line in marked_seraji[2:]] == ["PROPN", "PROPN", "NOUN", "VERB"]
    assert marked_perdt == perdt and changed == 2  # PerDT is annotated already
    # the real tagger: the shipped NER finds «نروژ» in a pretokenised sentence
    tags = stanza_tagger(ROOT / "models")([["دولت", "نروژ", "اعلام", "کرد"]])
    assert tags[0][1] != "O" and len(tags[0]) == 4


def test_perdt_test_is_never_in_training(prepared):
    test_texts = {line.partition("=")[2].strip() for line in
                  (SHARED_DATA / "ud/perdt/fa_perdt-ud-test.conllu").open(encoding="utf-8")
                  if line.startswith("# text")}
    train = (prepared / "data/ud/fa.train.conllu").read_text(encoding="utf-8")
    trained = {line.partition("=")[2].strip() for line in train.splitlines() if line.startswith("# text")}
    overlap = {t for t in test_texts & trained if len(t.split()) > 8}
    assert not overlap


def test_silver_data_is_perdt_training_text_tagged_by_the_shipped_models(tmp_path):
    from pipeline.normalize import normalize
    from pipeline.training.silver import main as silver

    out = tmp_path / "silver.conllu"
    silver(["--raw", str(SHARED_DATA / "raw/perdt_train_sentences.txt"), "--models", str(ROOT / "models"),
            "--out", str(out), "--limit", "20"])
    blocks = [b for b in out.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    rows = [r for r in conllu_rows(out) if "-" not in r[0]]
    assert len(blocks) == 20 and {r[3] for r in rows} <= {"NOUN", "VERB", "ADP", "ADJ", "PUNCT", "PROPN", "PRON",
                                                           "ADV", "AUX", "CCONJ", "SCONJ", "DET", "NUM", "PART",
                                                           "INTJ", "X", "SYM"}
    assert not any("ي" in r[1] or "ك" in r[1] for r in rows)  # spelt as the pipeline spells it
    test_texts = {line.partition("=")[2].strip() for line in
                  (SHARED_DATA / "ud/perdt/fa_perdt-ud-test.conllu").open(encoding="utf-8")
                  if line.startswith("# text")}
    def squeezed(text: str) -> str:  # spacing and spelling aside
        return "".join(normalize(text).text.split()).replace("\u200c", "")
    silver_texts = {squeezed("".join(r[1] for r in conllu_rows_of(b))) for b in blocks}
    assert silver_texts and not silver_texts & {squeezed(t) for t in test_texts}


def test_parsed_silver_data_has_trees_and_follows_the_treebank(tmp_path):
    from pipeline.training.silver import main as silver

    treebank = tmp_path / "train.conllu"
    treebank.write_text("1\tما\tما\tPRON\t_\t_\t2\tnsubj\t_\t_\n2\tرفتیم\tرفت\tVERB\t_\t_\t0\troot\t_\t_\n\n",
                        encoding="utf-8")
    out = tmp_path / "silver.conllu"
    silver(["--raw", str(SHARED_DATA / "raw/perdt_train_sentences.txt"), "--models", str(ROOT / "models"),
            "--out", str(out), "--limit", "5", "--parse", "--treebank", str(treebank)])
    blocks = [b for b in out.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    assert len(blocks) == 5
    for block in blocks:
        rows = conllu_rows_of(block)
        heads = [int(r[6]) for r in rows]
        assert heads.count(0) == 1 and all(0 <= h <= len(rows) for h in heads)  # one tree per sentence
        assert all(r[7] != "_" and r[2] != "_" for r in rows)  # relations and lemmas filled
        assert all(r[9] in ("_", "SpaceAfter=No") for r in rows)  # no character offsets in MISC
    mixed = (tmp_path / "silver.mixed.conllu").read_text(encoding="utf-8")
    assert mixed.startswith(treebank.read_text(encoding="utf-8")) and mixed.endswith(out.read_text(encoding="utf-8"))


def conllu_rows_of(block: str):
    return [line.split("\t") for line in block.splitlines() if len(line.split("\t")) == 10 and "-" not in line.split("\t")[0]]


def test_ner_data_maps_types(prepared):
    import json

    arman = json.loads((prepared / "data/ner/arman.train.json").read_text(encoding="utf-8"))
    tags = {t["ner"] for s in arman for t in s}
    assert {"B-PER", "B-ORG", "B-LOC", "B-FAC", "B-PRO", "B-EVENT", "O"} <= tags
    peyma = json.loads((prepared / "data/ner/peyma.train.json").read_text(encoding="utf-8"))
    assert {"B-DAT", "B-MON", "B-PCT", "B-TIM"} <= {t["ner"] for s in peyma for t in s}


def test_every_recipe_builds_a_stanza_command(prepared):
    for processor in RECIPES:
        cmd = command(processor, prepared / "data", prepared / "models", [])
        assert cmd[1] == "-m" and cmd[2].startswith(("stanza.models.", "pipeline.training."))
        assert "{" not in " ".join(cmd)


def test_the_tokenizer_recipe_trains(prepared):
    code = main(["train", "tokenize", "--work", str(prepared), "--", "--steps", "4", "--eval_steps", "4"])
    assert code == 0
    assert (prepared / "models/tokenize.pt").exists()


def test_tagger_stage_two_starts_from_the_saved_tagger(monkeypatch):
    from stanza.models import tagger

    from pipeline.training import tagger_more
    built, ran = [], []
    monkeypatch.setattr(tagger, "Trainer", lambda *a, **kw: built.append(kw))
    monkeypatch.setattr(tagger, "main", lambda argv: (ran.append(argv), tagger.Trainer(args={})))
    tagger_more.main(["--max_steps", "3", "--continue_from", "a.pt", "--continue_from", "b.pt"])
    assert ran == [["--max_steps", "3"]] and built == [{"args": {}, "model_file": "b.pt"}]
    with pytest.raises(SystemExit):
        tagger_more.main(["--max_steps", "3"])


def test_parser_data_keeps_gold_trees_and_takes_the_models_tags(prepared, tmp_path):
    from pipeline.training.retag import main as retag
    from pipeline.training.treebanks import read_conllu

    source = tmp_path / "dev.conllu"
    gold_blocks = read_conllu(prepared / "data/ud/fa.dev.conllu")[:20]
    source.write_text("\n\n".join("\n".join(b) for b in gold_blocks) + "\n\n", encoding="utf-8")
    retag(["--models", str(ROOT / "models"), str(source)])
    gold, pred = list(conllu_rows(source)), list(conllu_rows(tmp_path / "dev.retagged.conllu"))
    assert len(gold) == len(pred) and len(read_conllu(tmp_path / "dev.retagged.conllu")) == 20
    # words, heads and relations are the treebank's; UPOS, features and lemmas the models'
    assert [(g[0], g[1], g[6], g[7]) for g in gold] == [(p[0], p[1], p[6], p[7]) for p in pred]
    words = [(g, p) for g, p in zip(gold, pred) if "-" not in g[0]]
    same = sum(g[3] == p[3] for g, p in words) / len(words)
    assert 0.8 < same < 1.0, same  # a tagger's accuracy: predicted, not copied
    assert all(p[2] != "_" and p[3] != "_" for _, p in words)


def test_parser_stage_on_new_data_keeps_the_saved_parser_s_vocabularies(monkeypatch):
    from stanza.models import parser

    from pipeline.training import parser_more
    loaders, ran = [], []
    monkeypatch.setattr(parser, "DataLoader", lambda *a, **kw: loaders.append(kw))
    monkeypatch.setattr(parser, "main", lambda argv: (ran.append(argv), parser.DataLoader("doc", vocab=None)))
    model = str(ROOT / "models/fa/depparse/ours.pt")
    parser_more.main(["--max_steps", "3", "--continue_from", model])
    assert ran == [["--max_steps", "3", "--continue_from", model]]
    vocab = loaders[0]["vocab"]
    assert vocab is not None and vocab["upos"].unit2id("NOUN") == parser_more.saved_vocab(model)["upos"].unit2id("NOUN")
    with pytest.raises(SystemExit):
        parser_more.main(["--max_steps", "3"])


def test_charlm_text_is_normalised_with_a_held_out_dev_file(tmp_path):
    from pipeline.training.charlm_data import DEV_EVERY, write_charlm_text
    raw = tmp_path / "raw"
    raw.mkdir()
    lines = [f"سند شماره {n} درباره سیاستهای كشور" for n in range(2 * DEV_EVERY)]
    (raw / "news.txt").write_text("\n".join(lines), encoding="utf-8")
    train, dev = write_charlm_text(raw, tmp_path / "charlm")
    assert (train, dev) == (2 * DEV_EVERY - 2, 2)
    text = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "charlm/train").iterdir())
    assert "كشور" not in text and "کشور" in text  # Arabic kaf normalised
    assert "سیاست‌های" in text  # ZWNJ restored as at run time
    assert "سند شماره 0 " not in text and "شماره ۰" in (tmp_path / "charlm/dev.txt").read_text(encoding="utf-8")


def test_hazm_verb_forms_fill_the_lemmatizer_dictionary_with_perdt_lemmas():
    from pipeline.training.verb_lemmas import add_verb_forms, past_stem_lemmas

    candidates = {"می‌سوزند": ["سوخت#سوز"], "بازگردند": ["بازگشت#بازگرد"], "گشتند": ["گشت#گرد"],
                  "فروخت": ["فروخت#فروش"], "خواهد رفت": ["رفت#رو"], "است": ["#است"], "می‌کند": ["کرد#کن"]}
    lemmas = past_stem_lemmas(candidates, {})
    # the past stem; a preverb dropped when the rest is a verb («بازگشت» -> گشت), not «فروخت»
    assert lemmas == {"می‌سوزند": "سوخت", "بازگردند": "گشت", "گشتند": "گشت", "فروخت": "فروخت",
                      "است": "است", "می‌کند": "کرد"}
    # verbs sharing a present stem: the stem with the most evidence (treebank lemma count, then
    # word frequency), else hazm's choice, the last
    shared = {"نمی‌گذارند": ["گذاشت#گذار", "گذارد#گذار"], "می‌نوردند": ["نوشت#نورد", "نوردید#نورد"]}
    assert past_stem_lemmas(shared, {"گذاشت": (3, 0), "گذارد": (0, 50)}) == {
        "نمی‌گذارند": "گذاشت", "می‌نوردند": "نوردید"}
    pos_dict = {"*": {"می‌کند": "کرد", "گشتند": "گشت"}, "VERB": {"است": "بود"}}
    assert add_verb_forms(pos_dict, lemmas, str.strip) == 3
    assert pos_dict["VERB"] == {"است": "بود", "می‌سوزند": "سوخت", "بازگردند": "گشت", "فروخت": "فروخت"}
    assert add_verb_forms(pos_dict, lemmas, str.strip) == 0  # a second run changes nothing


@needs_models
def test_the_shipped_lemmatizer_knows_rare_verbs_from_hazm():
    from pipeline.nlp import load_pipeline

    nlp = load_pipeline(str(MODELS), "tokenize,pos,lemma", tokenize_pretokenized=True)
    doc = nlp([["آنها", "می‌سوزند"], ["آب", "را", "می‌گسستند"], ["آنها", "نمی‌گذارند"], ["شما", "نمی‌روید"]])
    # the last two: forms hazm gives to several verbs (also «گذارد», «رست»)
    assert [s.words[-1].lemma for s in doc.sentences] == ["سوخت", "گسست", "گذاشت", "رفت"]
