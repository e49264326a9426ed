"""Training recipes for the shipped Stanza models: the exact commands, sized for 2 CPU cores.

`persian-extract train PROCESSOR` runs one recipe; `{work}` is the folder of prepared data
(`persian-extract train data` fills it from ../shared/data) and `{models}` the output folder.
A user with a GPU or more data can pass larger sizes after `--` (they override these).
"""
from __future__ import annotations

RECIPES: dict[str, list[str]] = {
    "tokenize": [
        "stanza.models.tokenizer", "--lang", "fa", "--shorthand", "fa_ours",
        "--txt_file", "{work}/ud/fa.tok_train.txt", "--label_file", "{work}/ud/fa.tok_train.toklabels",
        "--mwt_json_file", "{work}/ud/fa.tok_train.mwt.json",
        "--dev_txt_file", "{work}/ud/fa.dev.txt", "--dev_label_file", "{work}/ud/fa.dev.toklabels",
        "--dev_conll_gold", "{work}/ud/fa.dev.conllu", "--conll_file", "{work}/tokenize.dev.pred.conllu",
        "--steps", "6000", "--eval_steps", "500", "--batch_size", "32",
        "--save_dir", "{models}", "--save_name", "tokenize.pt", "--cpu",
    ],
    "mwt": [
        "stanza.models.mwt_expander", "--lang", "fa", "--shorthand", "fa_ours",
        "--train_file", "{work}/ud/fa.tok_train.conllu", "--eval_file", "{work}/ud/fa.dev.conllu",
        "--gold_file", "{work}/ud/fa.dev.conllu", "--output_file", "{work}/mwt.dev.pred.conllu",
        "--num_epoch", "10",
        "--save_dir", "{models}", "--save_name", "mwt.pt", "--cpu",
    ],
    "lemma": [
        "stanza.models.lemmatizer", "--shorthand", "fa_ours",
        "--train_file", "{work}/ud/fa.lemma_train.conllu", "--eval_file", "{work}/ud/fa.dev.conllu",
        "--output_file", "{work}/lemma.dev.pred.conllu",
        "--num_epoch", "6", "--hidden_dim", "100", "--emb_dim", "50", "--batch_size", "64",
        "--save_dir", "{models}", "--save_name", "lemma.pt", "--cpu",
    ],
    "pos": [
        "stanza.models.tagger", "--lang", "fa", "--shorthand", "fa_ours",
        "--train_file", "{work}/ud/fa.train.conllu", "--eval_file", "{work}/ud/fa.dev.conllu",
        "--output_file", "{work}/pos.dev.pred.conllu",
        "--wordvec_pretrain_file", "{models}/pretrain.pt",
        "--char_hidden_dim", "100", "--share_hid", "--hidden_dim", "150",
        "--max_steps", "2400", "--eval_interval", "300", "--batch_size", "100",
        "--save_dir", "{models}", "--save_name", "pos.pt", "--cpu",
    ],
    "depparse": [
        "stanza.models.parser", "--lang", "fa", "--shorthand", "fa_ours",
        "--train_file", "{work}/ud/fa.train.conllu", "--eval_file", "{work}/ud/fa.dev.conllu",
        "--output_file", "{work}/depparse.dev.pred.conllu",
        "--wordvec_pretrain_file", "{models}/pretrain.pt",
        "--char_hidden_dim", "100", "--hidden_dim", "200", "--deep_biaff_hidden_dim", "200",
        "--max_steps", "1000", "--eval_interval", "125", "--batch_size", "2000",
        "--no_checkpoint",  # a stale checkpoint from another run would be resumed silently
        "--save_dir", "{models}", "--save_name", "depparse.pt", "--cpu",
    ],
}


def _ner(corpus: str, train: str = "", steps: int = 2500, hidden: int = 128, eval_interval: int = 250) -> list[str]:
    """One NER recipe per corpus (Arman: PER ORG LOC FAC PRO EVENT; PEYMA adds DAT TIM MON PCT);
    `train` names another training file, selected on the corpus's dev set."""
    train = train or corpus
    return [
        "stanza.models.ner_tagger", "--shorthand", f"fa_{corpus}",
        "--train_file", f"{{work}}/ner/{train}.train.json", "--eval_file", f"{{work}}/ner/{corpus}.dev.json",
        "--wordvec_pretrain_file", "{models}/pretrain.pt",
        "--char_hidden_dim", "100", "--hidden_dim", str(hidden),
        "--max_steps", str(steps), "--eval_interval", str(eval_interval), "--batch_size", "32",
        "--save_dir", "{models}", "--save_name", f"ner_{train}.pt", "--cpu",
    ]


RECIPES["ner"] = _ner("arman")
# PEYMA (2026-12-01): Stanza's default width (256) and one long run, the learning rate halved
# after every 3 evaluations without a gain; it stops by itself 2,500 steps after the best dev score
# (Stanza's default). Word dropout 0.1 (Stanza: 0.01) trains the unknown-word vector on rare names.
# ~1 h on one core beside other jobs. It replaced three 128-wide stages.
RECIPES["ner_peyma"] = _ner("peyma", steps=20000, hidden=256, eval_interval=500) + ["--word_dropout", "0.1"]
# Arman's types from Arman + PEYMA's PER/ORG/LOC (twice the names), selected on Arman dev.
RECIPES["ner_merged"] = _ner("arman", "arman_peyma", steps=4000)
# Stage 2 of the parser: 1,200 more steps from the stage-1 model (Adadelta restarted); split in two
# so each run fits a session on 2 cores. It overwrites depparse.pt with its best dev checkpoint.
RECIPES["depparse_more"] = RECIPES["depparse"] + [
    "--continue_from", "{models}/depparse.pt", "--max_steps", "1200", "--eval_interval", "200",
]
# Stage 5 of the parser, on the treebanks with predicted UPOS/features/lemmas (`train retag` first,
# with the shipped tagger and lemmatizer installed): the tags it reads at run time.
# Stanza rebuilds the vocabularies from the new file, so a thin wrapper keeps the saved parser's.
RECIPES["depparse_retagged"] = ["pipeline.training.parser_more"] + [
    a.replace("fa.train.conllu", "fa.train.retagged.conllu").replace("fa.dev.conllu", "fa.dev.retagged.conllu")
    for a in RECIPES["depparse_more"][1:]]
# Parser self-training: a stage from depparse.pt (the shipped stage 4) on the treebanks + 8,000 raw
# PerDT training sentences tagged, lemmatised and parsed by the installed models (`train
# silver_parsed` first), keeping the saved vocabularies; saved apart, as depparse_silver.pt.
RECIPES["depparse_silver"] = ["pipeline.training.parser_more"] + [
    "depparse_silver.pt" if a == "depparse.pt" else a.replace("fa.train.conllu", "fa.silver_parsed.mixed.conllu")
    for a in RECIPES["depparse_more"][1:]]
# Tagger on the treebanks + Seraji UD 1.x (UPOS only), names tagged PROPN as PerDT does
# (`train propn` first); better on PerDT dev, not on PerDT test from raw text: not shipped.
RECIPES["pos_names"] = [a.replace("{work}/ud/fa.train.conllu",
                                  "{work}/ud/fa.train_propn.conllu;{work}/ud/fa.pos_extra_propn.conllu")
                        .replace("pos.pt", "pos_names.pt") for a in RECIPES["pos"]]
# Self-training (the shipped tagger): the treebanks + 8,000 raw PerDT training sentences tagged
# by the installed models (`train silver` first, with the `pos` tagger installed); a new run from
# scratch that overwrites pos.pt with its best dev checkpoint.
RECIPES["pos_silver"] = [a.replace("{work}/ud/fa.train.conllu", "{work}/ud/fa.train.conllu;{work}/ud/fa.silver.conllu")
                         for a in RECIPES["pos"]]
# A second self-training round (tried, not shipped: no better on PerDT test): the treebanks +
# 16,000 raw PerDT training sentences tagged by the first self-trained tagger (installed), from
# scratch; `persian-extract train silver -- --limit 16000 --out work/data/ud/fa.silver2.conllu` first.
RECIPES["pos_silver2"] = [a.replace("fa.silver.conllu", "fa.silver2.conllu") for a in RECIPES["pos_silver"]]
# Tagger, stage 2: more steps from the saved tagger (Stanza's tagger lacks --continue_from, so
# a thin wrapper adds it); overwrites pos.pt with its best dev checkpoint.
RECIPES["pos_more"] = ["pipeline.training.tagger_more"] + RECIPES["pos"][1:] + [
    "--continue_from", "{models}/pos.pt", "--max_steps", "2400",
]
# NER, further stages: 1,500 more steps from the saved model (SGD restarted); each run overwrites
# the model with its best dev checkpoint (Arman: run twice after `ner`).
RECIPES["ner_more"] = RECIPES["ner"] + [
    "--finetune", "--finetune_load_name", "{models}/ner_arman.pt", "--max_steps", "1500",
]


def _charlm(direction: str) -> list[str]:
    """A small character LM (Stanza's default is 1024 hidden units; 256 fits 2 CPU cores)."""
    return [
        "stanza.models.charlm", "--shorthand", "fa_ours", "--direction", direction,
        "--train_dir", "{work}/charlm/train", "--eval_file", "{work}/charlm/dev.txt",
        "--char_emb_dim", "100", "--char_hidden_dim", "256", "--char_num_layers", "1",
        "--bptt_size", "100", "--batch_size", "64", "--epochs", "3", "--eval_steps", "-1",
        "--save_dir", "{models}", "--save_name", f"{direction}_charlm.pt", "--cpu",
    ]


RECIPES["charlm_forward"] = _charlm("forward")
RECIPES["charlm_backward"] = _charlm("backward")
