"""hazm's verb conjugations in the lemmatizer's dictionary: a verb form the treebanks never show
gets its lemma from the dictionary instead of the seq2seq model, which invents stems for rare
verbs («می‌سوزند» -> «سوزید», «می‌گسستند» -> «گست»; PerDT: «سوخت», «گسست»).

hazm (MIT) conjugates each verb of its list («past#present») into every form; the lemma is the
past stem, PerDT's convention. Where several verbs give one form («نمی‌روید»: «رفت», and
«رست» of «روییدن»), the stem the treebanks use most as a lemma wins. PerDT also drops a
preverb from the lemma («بازگردند» -> «گشت», «برچیده» -> «چید», «فرورفت» -> «رفت»), so a
past stem that is a preverb plus another known past stem loses the preverb. Forms the
dictionary already holds (seen in the treebanks) keep their lemma. Run after `train lemma`: `persian-extract train
lemma_verbs` (rewrites `work/models/lemma.pt`; running it twice changes nothing).
"""
from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from pipeline.nlp import PREVERBS

VERB = "VERB"
ANY_POS = "*"  # the key of Stanza's pos-independent dictionary


def verb_candidates() -> dict[str, list[str]]:
    """Verb form -> every «past#present» verb of hazm's list that conjugates into it.

    hazm's own form table keeps one verb per form, the last of its list: «نمی‌روید» -> «رست»
    (from «رست#رو», beside «رفت#رو»), «نمی‌گذارند» -> «گذارد» (beside «گذاشت#گذار»).
    That table also holds joined several-word forms («رفته_است») that never match a token."""
    from hazm import Conjugation, WordTokenizer

    conjugation = Conjugation()
    candidates: dict[str, list[str]] = {"است": ["#است"]}
    for verb in WordTokenizer().verbs:
        for form in conjugation.get_all(verb):
            candidates.setdefault(form, []).append(verb)
    return candidates


def past_stem_lemmas(candidates: Mapping[str, Sequence[str]],
                     evidence: Mapping[str, tuple[int, ...]]) -> dict[str, str]:
    """Verb form -> PerDT lemma; of several candidate stems, the one with the most `evidence`
    (e.g. how often the treebanks use it as a lemma, then how frequent a word it is)."""
    pasts = {verb.partition("#")[0] for verbs in candidates.values() for verb in verbs} - {""}

    def without_preverb(past: str) -> str:
        for preverb in PREVERBS:
            rest = past[len(preverb):].lstrip("\u200c")
            if past.startswith(preverb) and len(rest) >= 2 and rest in pasts:
                return rest
        return past

    lemmas = {}
    for form, verbs in candidates.items():
        if " " not in form:  # several-word forms («خواهد رفت») are several tokens at run time
            stems = [without_preverb(past or present) for past, _, present in (v.partition("#") for v in verbs)]
            # on a tie the last verb wins, as in hazm's own table
            lemmas[form] = max(reversed(stems), key=lambda stem: evidence.get(stem, ()))
    return lemmas


def add_verb_forms(pos_dict: dict[str, dict[str, str]], lemmas: Mapping[str, str], normalise) -> int:
    """Add (form, VERB) -> lemma for forms the dictionary does not hold; returns how many."""
    verbs, known = pos_dict.setdefault(VERB, {}), pos_dict.get(ANY_POS, {})
    added = 0
    for form, lemma in lemmas.items():
        form, lemma = normalise(form), normalise(lemma)
        if form and lemma and form not in verbs and form not in known:
            verbs[form] = lemma
            added += 1
    return added


def main(argv: list[str] | None = None) -> None:
    import torch
    from stanza.models.lemma.trainer import _DICTS_VERSION_POS, _pack_pos_dict, _unpack_pos_dict

    from pipeline.nlp import hazm_lexicon
    from pipeline.normalize import normalize_text

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=Path("work/models/lemma.pt"))
    args = parser.parse_args(argv)
    checkpoint = torch.load(args.model, map_location="cpu", weights_only=False)
    if checkpoint.get("dicts_version") != _DICTS_VERSION_POS:
        raise SystemExit(f"{args.model}: lemma dictionary format {checkpoint.get('dicts_version')} "
                         f"not supported (expected {_DICTS_VERSION_POS}, Stanza 1.15)")
    pos_dict = _unpack_pos_dict(checkpoint["dicts"])
    treebank_lemmas = Counter(lemma for words in pos_dict.values() for lemma in words.values())
    frequency = {word: count for word, count, _ in hazm_lexicon()}
    evidence = {stem: (treebank_lemmas[stem], frequency.get(stem, 0))
                for stem in set(treebank_lemmas) | set(frequency)}
    added = add_verb_forms(pos_dict, past_stem_lemmas(verb_candidates(), evidence), normalize_text)
    checkpoint["dicts"] = _pack_pos_dict(pos_dict)
    partial = args.model.with_name(args.model.name + ".partial")
    torch.save(checkpoint, partial)
    partial.replace(args.model)  # atomic: an interrupted run leaves the model as it was
    print(f"{args.model}: {added} verb forms added to the lemmatizer's dictionary")


if __name__ == "__main__":
    main()
