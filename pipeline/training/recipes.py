"""Training recipes for the shipped Stanza models: the exact commands, sized for 2 CPU cores.

`persian-extract train PROCESSOR` runs one recipe; `{work}` is the folder of prepared data
(`persian-extract train data` fills it from ../shared/data) and `{models}` the output folder.
A user with a GPU or more data can pass larger sizes after `--` (they override these).
"""
from __future__ import annotations

RECIPES: dict[str, list[str]] = {
    "tokenize": [
        "stanza.models.tokenizer", "--lang", "fa", "--shorthand", "fa_ours",
        "--txt_file", "{work}/ud/fa.train.txt", "--label_file", "{work}/ud/fa.train.toklabels",
        "--mwt_json_file", "{work}/ud/fa.train.mwt.json",
        "--dev_txt_file", "{work}/ud/fa.dev.txt", "--dev_label_file", "{work}/ud/fa.dev.toklabels",
        "--dev_conll_gold", "{work}/ud/fa.dev.conllu", "--conll_file", "{work}/tokenize.dev.pred.conllu",
        "--steps", "6000", "--eval_steps", "500", "--batch_size", "32",
        "--save_dir", "{models}", "--save_name", "tokenize.pt", "--cpu",
    ],
    "mwt": [
        "stanza.models.mwt_expander", "--lang", "fa", "--shorthand", "fa_ours",
        "--train_file", "{work}/ud/fa.train.conllu", "--eval_file", "{work}/ud/fa.dev.conllu",
        "--gold_file", "{work}/ud/fa.dev.conllu", "--output_file", "{work}/mwt.dev.pred.conllu",
        "--num_epoch", "10",
        "--save_dir", "{models}", "--save_name", "mwt.pt", "--cpu",
    ],
    "lemma": [
        "stanza.models.lemmatizer", "--shorthand", "fa_ours",
        "--train_file", "{work}/ud/fa.train.conllu", "--eval_file", "{work}/ud/fa.dev.conllu",
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
        "--max_steps", "1200", "--eval_interval", "150", "--batch_size", "100",
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
    "ner": [
        "stanza.models.ner_tagger", "--shorthand", "fa_arman",
        "--train_file", "{work}/ner/arman.train.json", "--eval_file", "{work}/ner/arman.dev.json",
        "--wordvec_pretrain_file", "{models}/pretrain.pt",
        "--char_hidden_dim", "100", "--hidden_dim", "128",
        "--max_steps", "2500", "--eval_interval", "250", "--batch_size", "32",
        "--save_dir", "{models}", "--save_name", "ner_arman.pt", "--cpu",
    ],
    "ner_peyma": [
        "stanza.models.ner_tagger", "--shorthand", "fa_peyma",
        "--train_file", "{work}/ner/peyma.train.json", "--eval_file", "{work}/ner/peyma.dev.json",
        "--wordvec_pretrain_file", "{models}/pretrain.pt",
        "--char_hidden_dim", "100", "--hidden_dim", "128",
        "--max_steps", "2500", "--eval_interval", "250", "--batch_size", "32",
        "--save_dir", "{models}", "--save_name", "ner_peyma.pt", "--cpu",
    ],
}
