"""Title phrases («وزیر امور خارجه فقید نروژ», «سخنگوی کاخ کرملین», «یکی از رهبران قبائل عشایر
عراق»): a title word from `pipeline/data/titles.tsv`, the words that specify it, and the
organisation/country chain that follows. Used for ROLE/MEMBER_OF relations and to read a bare
title as a person («وزیر امور خارجه ایتالیا گفت» -> the minister named elsewhere).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from pipeline import linking
from pipeline.entities import EntityMention, demonym_country
from pipeline.syntax import QUOTES, Parse, is_punct, is_verb, key, read_tsv

MAX_TITLE_WORDS = 3
MAX_SPECIFIER_WORDS = 5
# Words that may sit inside a title phrase even though they would end a noun phrase elsewhere.
INSIDE_TITLE = frozenset({"و", "امور"})
STOP_WORDS = frozenset({"که", "را", "با", "از", "به", "در", "برای", "تا", "نیز", "هم", "این", "آن",
                        "روز", "طی", "طبق", "گفت", "اعلام", "هفته", "ماه", "سال", "امروز", "دیروز"})


@functools.cache
def title_lexicon() -> dict[str, str]:
    """Title key (spaces and ZWNJ removed) -> relation."""
    return {key(row[0]).replace(" ", ""): row[1] for row in read_tsv("titles.tsv")}


@functools.cache
def marked_titles(mark: str) -> frozenset[str]:
    """Title keys of titles.tsv rows marked `mark` (leader: heads of state or government;
    counterpart: «همتا», who holds the office of the title before it)."""
    return frozenset(key(row[0]).replace(" ", "") for row in read_tsv("titles.tsv") if len(row) > 2 and row[2] == mark)


@dataclass
class TitlePhrase:
    sent_index: int
    first: int  # word ids of the title words (object excluded)
    last: int
    text: str
    relation: str  # ROLE | MEMBER_OF
    objects: list[EntityMention] = field(default_factory=list)  # the ORG/LOC chain after it
    object_text: str = ""
    end_word: int = 0  # last word id of the phrase including its object


def opens_clause(parse: Parse, title: TitlePhrase) -> bool:
    """A title opening its clause (sentence start, after punctuation or «و»; an indefinite «یک»
    before it aside: «یک عضو مجلس … محکوم کرد»): a subject."""
    first = title.first - 1 if title.first > 1 and key(parse.word(title.first - 1).text) == "یک" else title.first
    return first == 1 or is_punct(parse.word(first - 1)) or key(parse.word(first - 1).text) == "و"


def _title_at(parse: Parse, wid: int) -> tuple[int, str] | None:
    """(last word id, relation) of the longest title starting at word `wid`."""
    lexicon = title_lexicon()
    for n in range(MAX_TITLE_WORDS, 0, -1):
        if wid + n - 1 > len(parse):
            continue
        words = [parse.word(i) for i in range(wid, wid + n)]
        joined = "".join(key(w.text) for w in words).replace(" ", "")
        lemma_joined = "".join(key(w.text) for w in words[:-1]) + key(words[-1].lemma)
        for form in (joined, lemma_joined.replace(" ", "")):
            if form in lexicon:
                return wid + n - 1, lexicon[form]
    return None


def mention_map(parse: Parse, mentions: list[EntityMention]) -> dict[int, EntityMention]:
    """Word id -> the entity mention covering it."""
    out = {}
    for m in mentions:
        for wid in parse.words_in(m.start, m.end):
            out[wid] = m
    return out


def entity_chain(parse: Parse, wid: int, by_word: dict[int, EntityMention],
                 labels: tuple[str, ...] = ("ORG", "LOC", "FAC")) -> tuple[list[EntityMention], int]:
    """Adjacent ORG/LOC mentions starting at word `wid` («کمیته …» «شورای فدراسیون» «روسیه»),
    quotes around them transparent («ایالت «لارا» ونزوئلا»)."""
    chain, end = [], wid - 1
    while True:
        current = end + 1
        while current <= len(parse) and key(parse.word(current).text) in QUOTES:
            current += 1
        if not (current <= len(parse) and current in by_word and by_word[current].label in labels):
            return chain, end
        m = by_word[current]
        chain.append(m)
        end = max(parse.words_in(m.start, m.end))


def _demonym_object(parse: Parse, wid: int) -> EntityMention | None:
    """The country a nationality adjective after a title names («همتای ایرانی» -> ایران), as a
    mention of its own over the adjective (not one of the document's entities)."""
    word = parse.word(wid)
    country = demonym_country(word.text) if word.upos in ("ADJ", "PROPN", "NOUN") else None
    if country is None:
        return None
    link = linking.link(country, None)
    return EntityMention(parse.sent.index, "LOC", word.start, word.end, country, link.canonical, link.kb_id,
                         link.kind, source="demonym")


def find_titles(parse: Parse, mentions: list[EntityMention]) -> list[TitlePhrase]:
    by_word = mention_map(parse, mentions)
    found: list[TitlePhrase] = []
    wid = 1
    while wid <= len(parse):
        hit = None if wid in by_word else _title_at(parse, wid)
        if hit is None:
            wid += 1
            continue
        last, relation = hit
        # specifiers: «امور خارجه», «تجارت و بازرگانی», «فقید», «دفتر نخست وزیر» ...
        current, extra = last + 1, 0
        while current <= len(parse) and extra < MAX_SPECIFIER_WORDS and current not in by_word:
            w = parse.word(current)
            k = key(w.text)
            if is_punct(w) or is_verb(w) or (k in STOP_WORDS and k not in INSIDE_TITLE) or w.upos in ("NUM", "PRON"):
                break
            if k == "و" and current + 1 <= len(parse) and _title_at(parse, current + 1):
                break  # «معاون رئیس جمهور و رئیس سازمان …»: a second title starts
            current, extra = current + 1, extra + 1
        chain, chain_end = entity_chain(parse, current, by_word)
        title_last = current - 1
        object_text = " ".join(parse.word(i).text for i in range(current, chain_end + 1)
                               if key(parse.word(i).text) not in QUOTES) if chain else ""
        if not chain and title_last > last and (country := _demonym_object(parse, title_last)) is not None:
            chain, chain_end, object_text = [country], title_last, country.text  # «سناتور شیلیایی»
            title_last -= 1
        text = parse.text(wid, title_last)
        if found and key(parse.text(wid, last)).replace(" ", "") in marked_titles("counterpart"):
            text = found[-1].text  # «همتای ایرانی خود»: the same office as the title before it
        phrase = TitlePhrase(parse.sent.index, wid, title_last, text, relation,
                             chain, object_text, chain_end if chain else title_last)
        found.append(phrase)
        wid = phrase.end_word + 1
    return found
