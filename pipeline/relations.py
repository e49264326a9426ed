"""Relations between entities: typed ones (ROLE, MEMBER_OF, ALLY_OF, BORDERS, LOCATED_IN, PART_OF)
from surface patterns over units (`pipeline/data/relation_patterns.tsv`), plus generic ACTION
subject–verb–object triples from the dependency parse.

Persian apposition carries most typed relations («هولست، وزیر امور خارجه نروژ»,
«رئیس جمهور آمریکا، کلینتون», «لابوئان مالزی»), and parses of appositions are the least
reliable part of a parse, so typed relations are matched on the word sequence, with entities,
resolved references and title phrases collapsed into single units. One more ROLE rule is
procedural: a news lead often names the title alone («وزیر امور خارجه آمریکا گفت …») and the
person in the next sentence («کالین پاول روز گذشته …»); a first-mentioned person who opens one
of the next two sentences without a title of their own is taken as its holder.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from pipeline.coref import LEAD_WINDOW, Actor, Resolver
from pipeline.entities import EntityMention
from pipeline.syntax import QUOTES, Parse, clause_initial, full_lemma, infinitive, is_negated, is_punct, key, read_tsv
from pipeline.titles import TitlePhrase, opens_clause

SKIP_WORDS = 3  # what «...» may skip


@dataclass
class Relation:
    sent_index: int
    subject: str
    subject_id: str
    relation: str
    object: str
    object_id: str
    predicate: str = ""
    negated: bool = False


@dataclass
class Unit:
    kind: str  # ENT | TITLE | WORD
    first: int
    last: int
    mention: EntityMention | None = None  # ENT (a reference: its first antecedent)
    title: TitlePhrase | None = None
    text: str = ""


@dataclass(frozen=True)
class Pattern:
    relation: str
    elements: tuple[str, ...]


@functools.cache
def patterns() -> tuple[Pattern, ...]:
    return tuple(Pattern(rel, tuple(p.split())) for rel, p in read_tsv("relation_patterns.tsv"))


@functools.cache
def _sub_bodies() -> frozenset[str]:
    return frozenset(key(w) for kind, w in read_tsv("entity_rules.tsv") if kind == "sub_body")


@functools.cache
def _companies() -> frozenset[str]:
    return frozenset(key(w) for kind, w in read_tsv("entity_rules.tsv") if kind == "company_head")


@functools.cache
def _state_bodies() -> frozenset[str]:
    return frozenset(key(w) for kind, w in read_tsv("entity_rules.tsv") if kind == "state_body")


def units(parse: Parse, resolver: Resolver) -> list[Unit]:
    """The sentence as units: entities and resolved references, title phrases, single words."""
    sent_index = parse.sent.index
    by_word = resolver.by_word(sent_index)
    titles = {t.first: t for t in resolver.titles(sent_index)}
    # a nationality adjective after a title stands for its country («سناتور شیلیایی»)
    demonyms = {t.end_word: t.objects[0] for t in titles.values() if t.objects and t.objects[0].source == "demonym"}
    out, wid = [], 1
    while wid <= len(parse):
        ref = resolver.reference_at(sent_index, wid)
        if wid in by_word or wid in demonyms:
            m = by_word.get(wid) or demonyms[wid]
            last = max(parse.words_in(m.start, m.end))
            out.append(Unit("ENT", wid, last, m, text=m.text))
        elif ref is not None and ref.antecedents:
            last = ref.last
            out.append(Unit("ENT", wid, last, ref.antecedents[0], text=ref.text))
        elif wid in titles:
            title = titles[wid]
            last = title.last
            out.append(Unit("TITLE", wid, last, title=title, text=title.text))
        else:
            last = wid
            if key(parse.word(wid).text) not in QUOTES:  # «دیمیتری پسکوف» سخنگوی …: quotes are transparent
                out.append(Unit("WORD", wid, wid, text=parse.word(wid).text))
        wid = last + 1
    return out


def _label_ok(m: EntityMention, labels: str) -> bool:
    for label in labels.split("|"):
        if label == "COUNTRY" and m.label == "LOC" and m.is_country:
            return True
        if label == "PLACE" and m.label == "LOC" and not m.is_country:
            return True
        if label == "SUBORG" and m.label == "ORG" and key(m.text).split()[0] in _sub_bodies():
            return True
        if label == "COMPANY" and m.label == "ORG" and key(m.text).split()[0] in _companies() \
                and key(m.text) not in _state_bodies():
            return True
        if label == m.label or label == "ANY":
            return True
    return False


def _match(elements: tuple[str, ...], seq: list[Unit], parse: Parse, i: int,
           slots: dict[str, Unit]) -> dict[str, Unit] | None:
    """Backtracking match of pattern elements against units from index i."""
    if not elements:
        return slots
    element, rest = elements[0], elements[1:]
    if element == "...":
        for skip in range(SKIP_WORDS + 1):
            window = seq[i:i + skip]
            if len(window) < skip or any(u.kind != "WORD" or is_punct(parse.word(u.first)) for u in window):
                break
            found = _match(rest, seq, parse, i + skip, slots)
            if found is not None:
                return found
        return None
    optional = element.endswith("?") and len(element) > 1
    token = element[:-1] if optional else element
    if optional:
        found = _match(rest, seq, parse, i, slots)
        if found is not None:
            return found
    if i >= len(seq):
        return None
    unit = seq[i]
    if token.startswith("{") and token.endswith("}"):
        name, _, spec = token[1:-1].partition(":")
        if spec.startswith("TITLE"):
            wanted = spec.partition("=")[2]
            ok = unit.kind == "TITLE" and (not wanted or unit.title.relation == wanted)
        else:
            ok = unit.kind == "ENT" and _label_ok(unit.mention, spec)
        return _match(rest, seq, parse, i + 1, {**slots, name: unit}) if ok else None
    plain_title = unit.kind == "TITLE" and unit.first == unit.last  # «کشورهای عضو ناتو»
    if (unit.kind == "WORD" or plain_title) and parse.matches(unit.first, token):
        words = slots.get("_words", ())
        return _match(rest, seq, parse, i + 1, {**slots, "_words": (*words, unit)})
    return None


def _object(slots: dict[str, Unit]) -> tuple[str, str]:
    """Object text and id; after a title, the whole organisation/country chain."""
    obj, title = slots["O"], slots.get("T")
    if title is not None and title.title.objects and title.title.objects[0] is obj.mention:
        return title.title.object_text, obj.mention.id
    return obj.mention.text, obj.mention.id


DISTRIBUTIVE = frozenset({"MEMBER_OF", "ALLY_OF", "BORDERS", "LOCATED_IN", "PART_OF"})


def _conjuncts(seq: list[Unit], at: int, step: int) -> list[Unit]:
    """Entity units listed with seq[at] («الف، ب و ج»): walking left (step -1) or right (+1)
    over «،»/«و»; a list must be closed by «و» next to its last member."""
    found, i = [], at
    while 0 <= i + 2 * step < len(seq) and seq[i + step].kind == "WORD" and seq[i + step].text in ("،", ",", "و") \
            and seq[i + 2 * step].kind == "ENT":
        found.append((seq[i + step].text, seq[i + 2 * step]))
        i += 2 * step
    if not found:
        return []
    closing = found[0][0] if step < 0 else found[-1][0]
    return [u for _, u in found] if closing == "و" else []


def pattern_relations(parse: Parse, resolver: Resolver) -> list[Relation]:
    seq = units(parse, resolver)
    found = []
    for pattern in patterns():
        for i in range(len(seq)):
            slots = _match(pattern.elements, seq, parse, i, {})
            if slots is None or slots["S"].mention is slots["O"].mention:
                continue
            obj_text, obj_id = _object(slots)
            title = slots.get("T")
            literal = " ".join(u.text for u in slots.get("_words", ()) if not is_punct(parse.word(u.first)))
            predicate = title.title.text if title else literal
            subjects, objects = [slots["S"]], [(obj_text, obj_id)]
            pairs = None
            if pattern.relation in DISTRIBUTIVE:  # «نروژ، دانمارک و سوئد عضو ناتو هستند»
                subjects += _conjuncts(seq, seq.index(slots["S"]), -1)
                objects += [(u.mention.text, u.mention.id) for u in _conjuncts(seq, seq.index(slots["O"]), +1)]
            elif title is not None:
                pairs = _respective(seq, slots, (obj_text, obj_id))
            if pairs is None:
                pairs = [(subject, obj) for subject in subjects for obj in objects]
            for subject, (obj_text, obj_id) in pairs:
                subj = resolver.full_name(subject.mention)
                if subj.id != obj_id:
                    found.append(Relation(parse.sent.index, subj.text, subj.id, pattern.relation,
                                          obj_text, obj_id, predicate))
    return found


def _respective(seq: list[Unit], slots: dict[str, Unit], obj: tuple[str, str]) -> list | None:
    """Persons listed before one (plural) title: «لاوروف و کری، وزیران خارجه روسیه و آمریکا»
    pairs them in order with as many listed objects; with one object, each holds it."""
    others = _conjuncts(seq, seq.index(slots["S"]), -1)
    if not others or any(u.mention.label != "PER" for u in others):
        return None
    persons = [*reversed(others), slots["S"]]
    more = [(u.mention.text, u.mention.id) for u in _conjuncts(seq, seq.index(slots["O"]), +1)]
    if not more:
        return [(person, obj) for person in persons]
    if len(more) + 1 == len(persons):
        return list(zip(persons, [obj, *more]))
    return None


def _opens_sentence(parse: Parse, m: EntityMention, resolver: Resolver, after: int = 0) -> bool:
    """A person who is the first person named (after word `after`), outside a prepositional
    phrase, and not introduced by a title of their own."""
    ids = parse.words_in(m.start, m.end)
    if not ids or ids[0] <= after:
        return False
    following = next((i for i in range(max(ids) + 1, len(parse) + 1) if not is_punct(parse.word(i))), None)
    titled = any(t.first == following for t in resolver.titles(parse.sent.index))
    return not titled and clause_initial(parse, ids[0])


def lead_roles(parses: dict[int, Parse], resolver: Resolver, bound: set[int]) -> list[Relation]:
    """Bare title opening a clause + the person first named right after it (same or next
    LEAD_WINDOW sentences)."""
    found = []
    order = sorted(parses)
    headline = order[0] if order else -1
    first_seen: dict[str, int] = {}  # where each person is first named outside the headline
    for m in resolver.mentions:
        if m.label == "PER" and m.sent_index != headline:  # «البرادعی: …» heads the lead «مدیر کل …»
            first_seen.setdefault(key(resolver.full_name(m).text), m.start)
    taken: set[str] = set()
    for n, sent_index in enumerate(order):
        for title in resolver.titles(sent_index):
            if not title.objects or id(title) in bound or not opens_clause(parses[sent_index], title):
                continue
            for later in order[n:n + 1 + LEAD_WINDOW]:
                if later != sent_index and resolver.opens_new_lead(later):
                    break
                after = title.end_word if later == sent_index else 0
                people = [m for m in resolver.sentence_mentions(later) if m.label == "PER"
                          and parses[later].words_in(m.start, m.end)
                          and min(parses[later].words_in(m.start, m.end)) > after]
                if not people:
                    continue
                person = resolver.full_name(people[0])
                name = key(person.text)
                introduced_here = first_seen.get(name, -1) >= parses[later].sent.start
                if introduced_here and name not in taken and _opens_sentence(parses[later], people[0], resolver, after):
                    taken.add(name)
                    found.append(Relation(later, person.text, person.id, title.relation, title.object_text,
                                          title.objects[0].id, title.text))
                    break
    return found


def action_relations(parse: Parse, resolver: Resolver) -> list[Relation]:
    """Subject–verb–object triples with an entity on at least one side."""
    found = []
    for verb in parse.words:
        if verb.upos != "VERB" or verb.deprel == "compound:lvc":
            continue
        subjects = parse.children(verb.id, "nsubj")
        objects = parse.children(verb.id, "obj") or parse.children(verb.id, "obl:arg")
        if not subjects or not objects:
            continue
        subj = _side(parse, resolver, subjects[0])
        obj = _side(parse, resolver, objects[0])
        if subj is None or obj is None or not (subj.id or obj.id):
            continue
        nonverbal = [parse.word(c).text for c in parse.children(verb.id, "compound")]
        predicate = " ".join(nonverbal + [infinitive(full_lemma(verb))])
        negated = is_negated(verb) or any(is_negated(parse.word(c)) for c in parse.children(verb.id, "aux"))
        found.append(Relation(parse.sent.index, subj.text, subj.id, "ACTION", obj.text, obj.id,
                              predicate, negated))
    return found


def _side(parse: Parse, resolver: Resolver, wid: int) -> Actor | None:
    ids = [i for i in parse.subtree(wid, skip=("acl", "punct", "case", "conj", "cc", "advcl", "ccomp"))]
    actors = resolver.actors(parse.sent.index, ids[0], ids[-1])
    if actors:
        return actors[0]
    text = parse.text(ids[0], ids[-1])
    return Actor(text) if text and len(ids) <= 8 else None


def extract_relations(parses: dict[int, Parse], resolver: Resolver) -> list[Relation]:
    typed: list[Relation] = []
    for sent_index in sorted(parses):
        typed += pattern_relations(parses[sent_index], resolver)
    # titles already bound by a pattern (their person is beside them) are not leads
    roles = {(r.sent_index, r.predicate) for r in typed if r.relation == "ROLE"}
    bound = {id(t) for s in parses for t in resolver.titles(s) if (s, t.text) in roles}
    typed += lead_roles(parses, resolver, bound)
    by_id = {m.id: m for m in resolver.mentions}
    for r in typed:
        person = by_id.get(r.subject_id)
        if person is None:
            continue
        if r.relation == "ROLE":
            resolver.add_role(person, r.predicate, r.object)
        elif r.relation == "MEMBER_OF" and person.label == "PER" and r.predicate:
            # «عضو مجمع ملی عراق» alone later names this person too; a member does not speak for the body
            resolver.add_role(person, r.predicate, r.object, official=False)
    typed = _divisions_part_of(typed, parses, resolver)
    actions = []
    for sent_index in sorted(parses):
        actions += action_relations(parses[sent_index], resolver)
    return _dedupe(typed) + _dedupe(actions)


@functools.cache
def _division_words() -> frozenset[str]:
    return frozenset(key(r[0]) for r in read_tsv("divisions.tsv"))


def _without_division(text: str) -> str:
    words = key(text).split()
    return " ".join(words[1:] if len(words) > 1 and words[0] in _division_words() else words)


def _divisions_part_of(relations: list[Relation], parses: dict[int, Parse], resolver: Resolver) -> list[Relation]:
    """«بلوچستان پاکستان» is LOCATED_IN by its pattern; once the document calls it «ایالت
    بلوچستان» (in the name or just before it) it is a division: PART_OF its country."""
    divisions = set()
    for m in resolver.mentions:
        if m.label != "LOC":
            continue
        ids = parses[m.sent_index].words_in(m.start, m.end) if m.sent_index in parses else []
        before = key(parses[m.sent_index].word(min(ids) - 1).text) if ids and min(ids) > 1 else ""
        if key(m.text).split()[0] in _division_words() or before in _division_words():
            divisions.add(_without_division(m.text))
    return [replace(r, relation="PART_OF") if r.relation == "LOCATED_IN" and _without_division(r.subject) in divisions
            else r for r in relations]


def _dedupe(relations: list[Relation]) -> list[Relation]:
    seen, out = set(), []
    for r in relations:
        k = (r.relation, _without_division(r.subject), key(r.object), r.predicate)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out
