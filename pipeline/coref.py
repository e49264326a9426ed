"""Reference resolution: «این حزب», «این کشور», «دو کشور», «این سازمان», «وی», «او» … -> the named
entities they refer to; bare titles («وزیر امور خارجه ایتالیا») -> the person holding them; a
surname -> the person's full name. Referring words and their type constraints are data
(`pipeline/data/coref_references.tsv`).

The antecedent is the most recent compatible mention before the reference (for persons, one that
is not inside a prepositional phrase is preferred: «او» after «دیدار با روحانی» is still the
speaker). `Resolver.actors` turns any word range (a clause subject, a PP) into the actors it
names, which is what stances and events need.
"""
from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field

from pipeline.entities import EntityMention, by_sentence, without_article
from pipeline.syntax import PREPOSITIONS, Parse, is_headline, is_punct, key, read_tsv
from pipeline.titles import TitlePhrase, find_titles, marked_titles, mention_map, opens_clause

ACTOR_LABELS = frozenset({"PER", "ORG", "LOC", "FAC"})
PAIR_WINDOW = 1  # sentences back that «دو طرف» looks for two persons
LOOKBACK_SENTENCES = 40  # how far back an antecedent is looked for
MAX_BODY_WORDS = 4  # words of a body before its name: «شورای عالی قضایی» + «لیبی»


@dataclass(frozen=True)
class ReferenceRule:
    words: tuple[str, ...]
    constraint: str
    count: int


@functools.cache
def reference_rules() -> tuple[ReferenceRule, ...]:
    rules = [ReferenceRule(tuple(key(p).split()), c, int(n)) for p, c, n in read_tsv("coref_references.tsv")]
    return tuple(sorted(rules, key=lambda r: -len(r.words)))


@functools.cache
def generic_actors() -> frozenset[str]:
    """Common nouns that name an actor on their own («دولت», «مجلس», «پارلمان»)."""
    return frozenset(key(row[0]) for row in read_tsv("generic_actors.tsv") if len(row) == 1)


@functools.cache
def body_nouns() -> frozenset[str]:
    """Nouns that with a name after them name a body of their own («دستگاه قضایی شیلی»)."""
    return generic_actors() | {key(r[1]) for r in read_tsv("generic_actors.tsv") if len(r) > 1 and r[0] == "body"}


@dataclass
class Reference:
    sent_index: int
    first: int
    last: int
    start: int
    end: int
    text: str
    rule: ReferenceRule
    antecedents: list[EntityMention] = field(default_factory=list)


@dataclass(frozen=True)
class Actor:
    text: str
    id: str = ""  # entity id when the actor is a named entity
    label: str = ""
    kind: str = field(default="", compare=False)  # the entity's link kind («country»), where linked


def _actor(m: EntityMention) -> Actor:
    return Actor(m.text, m.id, m.label, m.kind)


class Resolver:
    """Holds a document's mentions and parses; answers reference and actor questions."""

    def __init__(self, parses: dict[int, Parse], mentions: list[EntityMention]):
        self.parses = parses
        self.headline = min(parses, default=0)  # the document's first sentence
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._in_sentence = by_sentence(self.mentions)
        self._full_names: dict[tuple[str, ...], EntityMention] = {}
        for m in self.mentions:  # surname (any final part of a name) -> the longest full name
            tokens = tuple(key(m.text).split()) if m.label == "PER" else ()
            suffixes = [tokens[-k:] for k in range(1, len(tokens))]
            if len(tokens) > 1 and (bare := without_article(tokens[-1])):
                suffixes.append((bare,))  # «بیاتی» for «عباس البیاتی»
            for suffix in suffixes:
                best = self._full_names.get(suffix)
                if best is None or len(m.text) > len(best.text):
                    self._full_names[suffix] = m
        self._refs: dict[int, list[Reference]] = {}
        self._titles: dict[int, list[TitlePhrase]] = {}
        self._by_word: dict[int, dict[int, EntityMention]] = {}
        self.roles: dict[str, list[tuple[set[str], EntityMention]]] = {}  # title -> (object words, person)
        self.officials: dict[str, set[str]] = {}  # person -> words of the bodies they hold a title in

    # ------------------------------------------------------------ per-sentence indexes

    def sentence_mentions(self, sent_index: int) -> list[EntityMention]:
        return self._in_sentence.get(sent_index, [])

    def by_word(self, sent_index: int) -> dict[int, EntityMention]:
        if sent_index not in self._by_word:
            self._by_word[sent_index] = mention_map(self.parses[sent_index], self.sentence_mentions(sent_index))
        return self._by_word[sent_index]

    def titles(self, sent_index: int) -> list[TitlePhrase]:
        if sent_index not in self._titles:
            self._titles[sent_index] = find_titles(self.parses[sent_index], self.sentence_mentions(sent_index))
        return self._titles[sent_index]

    def references(self, sent_index: int) -> list[Reference]:
        if sent_index not in self._refs:
            self._refs[sent_index] = self._find_references(sent_index)
        return self._refs[sent_index]

    def reference_at(self, sent_index: int, wid: int) -> Reference | None:
        return next((r for r in self.references(sent_index) if r.first <= wid <= r.last), None)

    def _find_references(self, sent_index: int) -> list[Reference]:
        parse, by_word = self.parses[sent_index], self.by_word(sent_index)
        keys = parse.keys()
        found, wid = [], 1
        while wid <= len(parse):
            rule = next((r for r in reference_rules()
                         if tuple(keys[wid - 1:wid - 1 + len(r.words)]) == r.words
                         and not any(i in by_word for i in range(wid, wid + len(r.words)))), None)
            if rule is None:
                wid += 1
                continue
            last = wid + len(rule.words) - 1
            span = parse.span(wid, last)
            ref = Reference(sent_index, wid, last, span.start, span.end, span.text, rule)
            ref.antecedents = self.resolve(rule, span.start, sent_index)
            found.append(ref)
            wid = last + 1
        return found

    # ------------------------------------------------------------ antecedents

    def _in_pp(self, m: EntityMention) -> bool:
        parse = self.parses.get(m.sent_index)
        ids = parse.words_in(m.start, m.end) if parse else []
        return bool(ids) and ids[0] > 1 and key(parse.word(ids[0] - 1).text) in PREPOSITIONS

    def _subject_like(self, m: EntityMention) -> bool:
        """The mention is a clause subject per the parse, or opens its sentence («ترامپ: …»)."""
        parse = self.parses.get(m.sent_index)
        ids = parse.words_in(m.start, m.end) if parse else []
        if not ids:
            return False
        if ids[0] == 1 or (ids[0] > 1 and is_punct(parse.word(ids[0] - 1))):
            return True
        inside = set(ids)
        return any(parse.word(i).deprel.startswith("nsubj") for i in ids if parse.word(i).head not in inside)

    def _compatible(self, m: EntityMention, constraint: str) -> bool:
        if constraint == "person":
            return m.label == "PER"
        if constraint == "country":
            return m.label == "LOC" and m.is_country
        if constraint == "party":
            return m.label == "ORG" and key(m.text).split()[0] == "حزب"
        if constraint.startswith("org"):
            return m.label == "ORG"
        return m.label in ACTOR_LABELS

    def _before(self, position: int, sent_index: int) -> list[EntityMention]:
        """Mentions ending before the position, nearest first, at most LOOKBACK_SENTENCES back
        (the cost of a reference stays bounded on a document of any length)."""
        out = []
        for i in range(bisect.bisect_left(self._starts, position) - 1, -1, -1):
            m = self.mentions[i]
            if m.sent_index < sent_index - LOOKBACK_SENTENCES:
                break
            if m.end <= position:
                out.append(m)
        return out

    def resolve(self, rule: ReferenceRule, position: int, sent_index: int) -> list[EntityMention]:
        before = self._before(position, sent_index)
        constraint = rule.constraint
        if constraint == "pair":
            persons = self._distinct([m for m in before if m.label == "PER"
                                      and m.sent_index >= sent_index - PAIR_WINDOW], 2)
            if len(persons) == 2:
                return sorted(persons, key=lambda m: m.start)
            constraint = "country"
        candidates = [m for m in before if self._compatible(m, constraint)]
        if constraint.startswith("org:"):  # prefer the ORG named with the same noun
            word = constraint.split(":", 1)[1]
            candidates = [m for m in candidates if word in key(m.text).split()] or candidates
        if constraint == "person":  # the last person who said or did something, not a possessor
            outside_pp = [m for m in candidates if not self._in_pp(m)] or candidates
            candidates = [m for m in outside_pp if self._subject_like(m)] or outside_pp
        chosen = self._distinct(candidates, rule.count)
        if len(chosen) < rule.count:
            return []
        return [self.full_name(m) for m in sorted(chosen, key=lambda m: m.start)]

    @staticmethod
    def _distinct(candidates: list[EntityMention], count: int) -> list[EntityMention]:
        chosen: list[EntityMention] = []
        for m in candidates:
            if all((m.kb_id or key(m.text)) != (c.kb_id or key(c.text)) for c in chosen):
                chosen.append(m)
            if len(chosen) == count:
                break
        return chosen

    def full_name(self, m: EntityMention) -> EntityMention:
        """A surname mention -> the longest person mention of the document ending with it."""
        if m.label != "PER":
            return m
        return self._full_names.get(tuple(key(m.text).split()), m)

    # ------------------------------------------------------------ titles

    def add_role(self, person: EntityMention, title: str, obj: str, official: bool = True) -> None:
        person, obj_words = self.full_name(person), set(key(obj).split())
        self.roles.setdefault(_title_key(title), []).append((obj_words, person))
        if official:
            self.officials.setdefault(person.text, set()).update(obj_words)

    def acts_for(self, official: str, body: str) -> bool:
        """«علی ماجدی» (معاون وزیر نفت ایران) acts for «ایران»: a ROLE of the document."""
        return bool(official and body) and set(key(body).split()) <= self.officials.get(official, set())

    def holder(self, title: TitlePhrase) -> EntityMention | None:
        """The person a bare title refers to, from the ROLE relations of the document."""
        obj = set(key(title.object_text).split())
        person = next((person for obj_words, person in self.roles.get(_title_key(title.text), [])
                       if obj & obj_words), None)
        if person is not None or not _leader(_title_key(title.text)):
            return person
        # «نخست‌وزیر ترکیه» where the document names only «اردوغان، رهبر اولین دولت … ترکیه»: the one leader
        leaders = {p.text: p for title_key, entries in self.roles.items() if _leader(title_key)
                   for obj_words, p in entries if obj & obj_words}
        return next(iter(leaders.values())) if len(leaders) == 1 else None

    def introduced_after(self, title: TitlePhrase) -> EntityMention | None:
        """«نماینده مجلس گفت: …» / «به گزارش فارس، مهدی عیسی زاده عضو کمیسیون … گفت»: a news lead
        names its speaker by title alone and the next sentences introduce them by name. The title
        of a lead (among the first LEAD_SENTENCES, no person acting before it) is the first person
        who is a subject in the next LEAD_WINDOW sentences and was not named before (the headline
        aside). Titles with an organisation or country after them are bound the same way as ROLE
        relations (`relations.lead_roles`); this binds the rest («سخنگوی دو گروه مسلح …»)."""
        headline = self.headline  # «البرادعی: …» above the lead «مدیر کل آژانس … گفت» names them first
        if title.sent_index - headline >= LEAD_SENTENCES:
            return None  # not a lead (and the scan below stays short on a long document)
        parse = self.parses[title.sent_index]
        word = parse.word(title.first)
        if not opens_clause(parse, title) or "Number=Plur" in word.feats:
            return None  # not the subject («… با رهبر مخالفان اوکراین دیدار کرد»); officials («مقامات روسی»)
        before = [m for m in self.mentions[:bisect.bisect_left(self._starts, word.start)]
                  if m.label == "PER" and (m.sent_index != headline or title.sent_index == headline)]
        if any(self._subject_like(m) for m in before):
            return None
        named = {key(self.full_name(m).text) for m in before}
        for sent_index in range(title.sent_index + 1, title.sent_index + 1 + LEAD_WINDOW):
            if sent_index not in self.parses:
                break
            if self.opens_new_lead(sent_index):
                return None
            for m in self.sentence_mentions(sent_index):
                if m.label == "PER" and self._subject_like(m):
                    person = self.full_name(m)
                    return None if key(person.text) in named else person
        return None

    def opens_new_lead(self, sent_index: int) -> bool:
        """The sentence opens with another bare title, or is the next story's headline in a news
        digest (no full stop): a lead's title is not bound to a person named from there on."""
        return self.opens_with_title(sent_index) or is_headline(self.parses[sent_index])

    def opens_with_title(self, sent_index: int) -> bool:
        """«وزیر نیرو قول داد» / «عضو کمیسیون انرژی مجلس … گفت» / «تمیمی …»: a sentence opening
        with a bare title of its own; the person named next is that title's, not an earlier one's."""
        return any(t.first == 1 for t in self.titles(sent_index))

    # ------------------------------------------------------------ actors

    def actors(self, sent_index: int, first: int, last: int) -> list[Actor]:
        """The actors a word range names: a reference, a title (its holder), entities (all of a
        coordination «آمریکا، کانادا و استرالیا»), or a generic actor noun («دولت»)."""
        parse, by_word = self.parses[sent_index], self.by_word(sent_index)
        for wid in range(first, last + 1):
            if wid in by_word or (wid <= len(parse) and is_punct(parse.word(wid))):
                break
            ref = self.reference_at(sent_index, wid)
            if ref is not None:
                return [_actor(m) for m in ref.antecedents]
            title = next((t for t in self.titles(sent_index) if t.first == wid), None)
            if title is not None:
                person = self.holder(title) if title.objects else None
                if person is None and not (title.objects and _leader(_title_key(title.text))):
                    person = self.introduced_after(title)  # a country's leader: only as holder() finds them
                if person is not None:
                    return [_actor(person)]
                if title.objects:
                    return [Actor(f"{title.text} {title.object_text}".strip(), "", "TITLE")]
        groups = self._coordinated(parse, by_word, first, last)
        if groups:
            actors = [self._group_actor(parse, group) for group in groups]
            body = self._body_phrase(parse, first, groups[0][-1])
            return [body, *actors[1:]] if body else actors
        for wid in range(first, min(last, len(parse)) + 1):
            if key(parse.word(wid).text) in generic_actors() and wid not in by_word:
                return [Actor(parse.word(wid).text)]
        return []

    @staticmethod
    def _body_phrase(parse: Parse, first: int, m: EntityMention) -> Actor | None:
        """«[دستگاه قضایی] شیلی», «[دولت] آلمان»: a body noun and its modifiers right before the
        name make one actor, the body, not the country it belongs to."""
        start = min(parse.words_in(m.start, m.end))
        words = [parse.word(i) for i in range(first, start)]
        if not words or key(words[0].text) not in body_nouns() or len(words) > MAX_BODY_WORDS \
                or any(w.upos not in ("NOUN", "ADJ") for w in words):
            return None
        return Actor(parse.sent.text[words[0].start - parse.sent.start:m.end - parse.sent.start], "", "ORG")

    def _group_actor(self, parse: Parse, group: list[EntityMention]) -> Actor:
        """One actor for adjacent mentions naming one body («وزارت امور خارجه» «نروژ»)."""
        head = self.full_name(group[0])
        if len(group) == 1:
            return _actor(head)
        return Actor(parse.sent.text[group[0].start - parse.sent.start:group[-1].end - parse.sent.start],
                     head.id, head.label, head.kind)

    def _coordinated(self, parse: Parse, by_word: dict[int, EntityMention], first: int,
                     last: int) -> list[list[EntityMention]]:
        """Groups of the first coordination of actors in the range («آمریکا، کانادا و استرالیا»);
        an ORG directly followed by the ORG/LOC it belongs to is one group."""
        out: list[list[EntityMention]] = []
        wid = first
        while wid <= min(last, len(parse)):
            m = by_word.get(wid)
            if m is not None and m.label in ACTOR_LABELS:
                ids = parse.words_in(m.start, m.end)
                if out and min(ids) == max(parse.words_in(out[-1][-1].start, out[-1][-1].end)) + 1 \
                        and out[-1][-1].label in ("ORG", "FAC") and m.label in ("ORG", "LOC"):
                    out[-1].append(m)  # «وزارت امور خارجه نروژ», «کمیسیون کشاورزی مجلس»
                elif out and not self._only_connectors(parse, out[-1][-1], m):
                    break
                elif all(m is not g[0] for g in out):
                    out.append([m])
                wid = max(ids) + 1
                continue
            wid += 1
        return out

    @staticmethod
    def _only_connectors(parse: Parse, a: EntityMention, b: EntityMention) -> bool:
        between = [parse.word(i) for i in range(max(parse.words_in(a.start, a.end)) + 1,
                                                min(parse.words_in(b.start, b.end)))]
        return all(key(w.text) in ("و", "،", ",") or is_punct(w) for w in between)


LEAD_WINDOW = 2  # sentences after a lead's bare title in which its holder may be named
LEAD_SENTENCES = 4  # a lead's title is among the document's first sentences (headline included)
TITLE_MODIFIERS = frozenset({"فقید", "اسبق", "سابق", "کنونی", "جدید", "وقت", "فعلی"})
# «سروزیر ایالت بلوچستان» ~ «سروزیر بلوچستان»: the kind of place belongs to the place («وزیر کشور» is
# a title, so not «کشور»)
PLACE_KINDS = frozenset({"ایالت", "استان", "شهر"})


@functools.cache
def _leader(title_key: str) -> bool:
    """A head of state or government's title, with its specifiers («رهبر اولین …»)."""
    return title_key.startswith(tuple(_title_key(t) for t in marked_titles("leader")))


def _title_key(text: str) -> str:
    """A title without its time modifiers («وزیر امور خارجه فقید» ~ «وزیر امور خارجه») or kind of place."""
    return "".join(w for w in key(text).split() if w not in TITLE_MODIFIERS and w not in PLACE_KINDS)
