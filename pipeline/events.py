"""Events: PLOVER types plus ELECTION from a trigger lexicon (`pipeline/data/event_triggers.tsv`),
with actor, recipient(s), date, location and amount.

- actor: per the trigger's entry (a possessor after a nominal trigger, the actors after it, all
  parties of «میان X و Y», the agents of a relative clause), else the clause's holder as for
  stances (subject, nearest actor to the left outside a PP, the speaker of reported speech).
- recipient: the PP/object/possessor the entry names (the names heading it, or the phrase itself
  where the entry says so: «کمک به کشورهای در حال توسعه»); several are joined with « ; ».
- date: the DATE mention of the trigger's clause, else the nearest one of its sentence
  (ISO from the mention's normalised value, its text in `date_text`).
- location: the entry's slot («سفر به X», «وارد X شد»), else a place «در X» of the sentence.
- amount/currency: the MONEY mention nearest the trigger in its sentence.
Not events: a negated or subjunctive verbal trigger (nothing happened), a nominal trigger
naming a purpose («برای دیدار») or a time («در آستانه انتخابات»), an interview with the
press, talks with no party or place named. A trigger right after «این/آن» is an event already
reported unless it brings a new amount (then it keeps that event's parties). Mentions of one
event (same type, same sentence, or later mentions adding nothing new) become one row.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from pipeline import clauses
from pipeline.coref import Actor, Resolver
from pipeline.entities import EntityMention
from pipeline.nlp import Word
from pipeline.syntax import (Parse, PatternMatch, find_patterns, is_negated, is_punct, is_verb, key, read_tsv,
                             token_alternatives, word_classes)

SEPARATOR = " ; "
DEMONSTRATIVES = frozenset({"این", "آن", "همین", "همان"})
# «برای دیدار …», «در آستانه انتخابات»: an intention or a time reference, not an occurrence
NON_OCCURRENCE_MARKERS = frozenset({"برای", "جهت", "آستانه", "منظور", "قصد", "هرگونه", key("هر گونه")})
# «حملات احتمالی آمریکا»: a possible event, not one that happened
POSSIBLE_MARKERS = frozenset({"احتمالی"})
# «دستور … مبنی بر شلیک به قایق‌ها»: what an order or a proposal says, not what happened
CONTENT_MARKERS = frozenset({key("مبنی بر"), key("دایر بر")})
# «رفع تحریم‌ها», «لغو سفر»: the event undone or called off
UNDOING_MARKERS = frozenset({"رفع", "لغو"})
# «سوریه بایستی حامیان صدام را اخراج کند»: an obligation, not an occurrence
MODALS = frozenset({"باید", "بایستی", "بایست", "نباید", "نبایستی"})
MODAL_WINDOW = 6
# «خواستار [جایگزینی] مذاکره با ایران شد»: talks asked for, not held
WISH_MARKERS = frozenset(map(key, {"خواستار", "خواهان", "تمایل", "مایل", "آماده", "علاقه‌مند", "آمادگی"}))
# verbs that predicate a nominal: «تمایل دارد [مذاکرات] …» (the wish's verb stands between it and
# the trigger), «خواستار … نیست», «مخالفتی ندارد»
PREDICATING_VERBS = frozenset({"است", "هست", "بود", "داشت"})
WISH_WINDOW = 3
LIGHT_VERBS = frozenset({"کرد", "نمود"})
PREDICATE_REACH = 2  # words from a nominal trigger to the verb predicating it
SCHEDULE_VERBS = frozenset({"است", "بود", "شد"})  # «قرار است/بود/شد»
SCHEDULE_WINDOW = 20
PASSIVE_LIGHT_VERBS = frozenset({"شد", "گردید"})  # «صرف شد», «دستگیر گردید»
# «در این دیدار»: compared by key(), like the words they are matched against
MEETING_NOUNS = frozenset(key(w) for w in ("دیدار", "ملاقات", "سفر", "نشست", "اجلاس", "مذاکرات", "گفت‌وگو"))
# types a standing position can read as («مخالفت می‌ورزد»); a demand is made of someone
ATTITUDES = frozenset({"SUPPORT", "REJECT", "DISAPPROVE"})
INDICATIVE_WITHOUT_MI = frozenset({"داشت", "بود", "است", "هست", "نیست", "خواست"})
MAX_RECIPIENT_WORDS = 6
FLAGS = frozenset({"addressed", "passive", "phrase", "money", "negative", "own", "paired", "noun", "people"})  # trigger arguments without a value


@dataclass
class _State:
    """What later sentences may refer back to."""
    last_actors: list[Actor] = field(default_factory=list)
    last_speakers: list[Actor] = field(default_factory=list)
    last_event: dict[str, "Event"] = field(default_factory=dict)  # per event type


@dataclass
class Event:
    sent_index: int
    event_type: str
    trigger: str
    actor: str = ""
    recipient: str = ""
    date_text: str = ""
    date: str = ""
    location: str = ""
    amount_text: str = ""
    amount: float | None = None
    currency: str = ""
    first: int = 0  # trigger word ids
    last: int = 0


@functools.cache
def triggers() -> tuple[tuple[str, ...], ...]:
    return read_tsv("event_triggers.tsv")


def _args(match: PatternMatch) -> dict[str, str]:
    """`name=value` items and flags; a word that is neither continues the previous value
    (a two-word preposition: «recipient=>علیه,>بر ضد,>به»)."""
    spec = match.row[2] if len(match.row) > 2 else ""
    out: dict[str, str] = {}
    last = None
    for item in spec.split():
        name, eq, value = item.partition("=")
        if eq:
            out[name], last = value, name
        elif item in FLAGS or last is None:
            out[item], last = "yes", None
        else:
            out[last] += " " + item
    return out


def _join(actors: list[Actor]) -> str:
    names: list[str] = []
    for a in actors:
        if key(a.text) not in [key(n) for n in names]:
            names.append(a.text)
    return SEPARATOR.join(names)


# ---------------------------------------------------------------- phrases around the trigger


def _gap(match: PatternMatch) -> list[int]:
    return [i for i in range(match.first, match.last + 1) if i not in match.ids]


def _clause_before(parse: Parse, match: PatternMatch) -> list[int]:
    start = match.first - 1
    while start >= 1:
        w = parse.word(start)
        if (is_punct(w) and key(w.text) not in ("،", "«", "»")) or is_verb(w) or key(w.text) in ("که",):
            break
        start -= 1
    return list(range(start + 1, match.first))


def _phrase_ids(parse: Parse, match: PatternMatch, spec: str) -> list[int]:
    if spec == "gap":
        return _gap(match)
    if spec == "np":
        return clauses.np_after(parse, match.last + 1)
    if spec.startswith(">"):
        prep = tuple(spec[1:].split())
        window = []
        for wid in range(match.last + 1, min(len(parse), match.last + 4) + 1):
            if is_punct(parse.word(wid)) or is_verb(parse.word(wid)):
                break
            window.append(wid)
        at = clauses.find_preposition(parse, window, prep)
        return clauses.np_after(parse, at + 1) if at is not None else []
    if spec.startswith("<"):
        prep = tuple(spec[1:].split())
        region = _clause_before(parse, match) + _gap(match)
        at = clauses.find_preposition(parse, region, prep)
        return [i for i in region if i > at] if at is not None else []
    if spec == "obj":
        region = _clause_before(parse, match)
        ra = [i for i in region if key(parse.word(i).text) == "را"]
        if not ra:
            return []
        start = clauses.object_phrase_start(parse, ra[-1]) or 0  # the subject before it is no recipient
        return [i for i in region if start <= i < ra[-1]]
    return []


def _actors_in(parse: Parse, ids: list[int], resolver: Resolver) -> list[Actor]:
    """Actors in a phrase: the first coordination of actors it contains."""
    if not ids:
        return []
    for unit in clauses.actor_units(parse, resolver):
        if ids[0] <= unit.first and unit.last <= ids[-1] + 0:
            return resolver.actors(parse.sent.index, unit.first, ids[-1])
    return []


FIXED_PP = (("در", "حال"),)  # «کشورهای در حال توسعه»: a preposition inside a name


def _core(parse: Parse, ids: list[int]) -> list[int]:
    """The head noun phrase of a phrase: cut before its first nested preposition."""
    out = []
    for n, wid in enumerate(ids):
        k = key(parse.word(wid).text)
        nxt = key(parse.word(ids[n + 1]).text) if n + 1 < len(ids) else ""
        if out and k in clauses.PREPOSITIONS and (k, nxt) not in FIXED_PP:
            break
        out.append(wid)
    return out


def _recipients(parse: Parse, match: PatternMatch, args: dict[str, str], resolver: Resolver) -> list[Actor]:
    """Recipients from the first slot that yields any: actors of the slot's head noun phrase;
    with `phrase`, that short phrase itself («کمک به کشورهای در حال توسعه» -> کشورهای در حال
    توسعه); else actors anywhere in the slot («عضویت در جامعه اروپا را رد کرد»)."""
    for spec in args.get("recipient", "").split(","):
        if not spec:
            continue
        if spec == "gen":
            actors = clauses.genitive_actor(parse, match, resolver)
            if actors:
                return actors
            continue
        ids = _phrase_ids(parse, match, spec)
        if not ids:
            continue
        whole = clauses.trim_phrase(parse, ids[0], ids[-1])
        core = _core(parse, whole)
        while core and parse.word(core[-1]).upos == "ADV":
            core.pop()  # «[آنها] تازه»: an adverb says when, it names nobody
        if "phrase" in args and core and not _names_head(parse, core, resolver):
            # «کمک به [کشورهای شرق اروپا]»: the recipient is the phrase, a name only modifies it
            if len(core) <= MAX_RECIPIENT_WORDS and not any(is_verb(parse.word(i)) for i in core) \
                    and not _has_value(parse, core, resolver) \
                    and any(parse.word(i).upos != "PRON" for i in core):  # «از من خواست»: not a phrase
                return [Actor(clauses.phrase_text(parse, core, resolver))]
            continue
        actors = _actors_in(parse, core, resolver)
        if actors:
            return actors
        actors = _actors_in(parse, whole, resolver)
        if actors:
            return actors
    return []


def _names_head(parse: Parse, ids: list[int], resolver: Resolver) -> bool:
    """Whether the phrase opens with an actor (a name or a resolved reference)."""
    return any(u.first == ids[0] or (u.first == ids[0] + 1 and key(parse.word(ids[0]).text) in DEMONSTRATIVES)
               for u in clauses.actor_units(parse, resolver))


def _has_value(parse: Parse, ids: list[int], resolver: Resolver) -> bool:
    span = parse.span(ids[0], ids[-1])
    return any(m.label in ("MONEY", "PERCENT", "DATE") and m.start < span.end and span.start < m.end
               for m in resolver.sentence_mentions(parse.sent.index))


def _joint(parse: Parse, match: PatternMatch, resolver: Resolver) -> list[Actor]:
    """Parties of «میان/بین X و Y» in the trigger's sentence."""
    for wid in range(1, len(parse) + 1):
        if key(parse.word(wid).text) in clauses.JOINT_MARKERS:
            actors = _actors_in(parse, clauses.np_after(parse, wid + 1), resolver)
            if len(actors) > 1:
                return actors
    return []


def _relative_agents(parse: Parse, match: PatternMatch) -> list[Actor]:
    """«اعتراضاتی که گندم‌کاران، کارشناسان و … داشتند»: the coordinated subject of the relative
    clause opening right after the trigger."""
    if match.last >= len(parse) or key(parse.word(match.last + 1).text) != "که":
        return []
    agents, current = [], []
    for wid in range(match.last + 2, len(parse) + 1):
        w = parse.word(wid)
        k = key(w.text)
        if is_verb(w) or k in clauses.PREPOSITIONS or k in ("را", "که") or (is_punct(w) and k not in ("،", ",")):
            break
        if k in ("،", ",", "و"):
            if current:
                agents.append(current)
            current = []
            continue
        current.append(w.text)
    if current:
        agents.append(current)
    return [Actor(" ".join(a)) for a in agents[:-1] or agents] if len(agents) > 1 else []


def _actors(parse: Parse, match: PatternMatch, args: dict[str, str], resolver: Resolver,
            speakers, last_speakers, last_actors) -> list[Actor]:
    mode = args.get("actor", "")
    if mode == "relative":
        actors = _relative_agents(parse, match)
        if actors:
            return actors
    if mode == "gen":
        actors = clauses.genitive_actor(parse, match, resolver)
        if actors:
            return actors
    if mode == "after":
        after = [i for i in range(match.last + 1, len(parse) + 1)]
        actors = _actors_in(parse, after, resolver)
        if actors:
            return actors
    if "own" in args:
        return []  # a war or sanction named in passing is not waged by whoever mentions it
    # the speaker acts only when the event is their clause's active verb («وزارت … اعلام نمود که
    # ۳۰۷ میلیون کرون … اختصاص داده است»), not a noun or a passive in what they say («اجلاس»,
    # «صرف می‌شود», «دستگیر شده‌اند»)
    verbs = [parse.word(i) for i in match.ids if is_verb(parse.word(i))]
    active = bool(verbs) and key(verbs[-1].lemma) not in PASSIVE_LIGHT_VERBS
    actors = clauses.holder(parse, match, resolver, speakers, last_speakers, last_actors, genitive=False,
                            speaker_fallback=active)
    if mode in ("joint", "winner"):
        actors = actors + [a for a in _joint(parse, match, resolver) if a not in actors]
    return actors


def _speaks_of_winning(parse: Parse, match: PatternMatch) -> bool:
    """A word of winning («پیروزی», «برنده») in the trigger's clause."""
    winning = word_classes()["winning"]
    first = clauses.left_boundary(parse, match.first)
    last = min(clauses.right_boundary(parse, match.last + 1) + 1, len(parse))  # and the clause's verb («پیروز شد»)
    return any(key(parse.word(i).text) in winning or key(parse.word(i).lemma) in winning
               for i in range(first, last + 1))


# ---------------------------------------------------------------- date, place, money


def _not_conversions(money: list[EntityMention], text: str, offset: int) -> list[EntityMention]:
    """Amounts without their conversions: «۳ میلیارد یورو (۳٫۲۷ میلیارد دلار)» is the euros."""
    kept = []
    for m in money:
        if kept and text[kept[-1].end - offset:m.start - offset].strip() in ("(", "["):
            continue
        kept.append(m)
    return kept


def _nearest(mentions: list[EntityMention], parse: Parse, match: PatternMatch) -> EntityMention | None:
    """The mention in the trigger's clause, else the nearest in the sentence."""
    if not mentions:
        return None
    trigger_start, trigger_end = parse.word(match.first).start, parse.word(match.last).end
    left = clauses.left_boundary(parse, match.first)
    right = clauses.right_boundary(parse, match.last + 1) if match.last < len(parse) else len(parse)
    clause_start = parse.word(left).start
    clause_end = parse.word(max(left, min(right + 1, len(parse)))).end
    inside = [m for m in mentions if clause_start <= m.start and m.end <= clause_end]
    pool = inside or mentions
    return min(pool, key=lambda m: min(abs(m.start - trigger_end), abs(trigger_start - m.end)))


def _location(parse: Parse, match: PatternMatch, args: dict[str, str], resolver: Resolver,
              exclude: set[str]) -> str:
    for spec in filter(None, args.get("location", "").split(",")):
        ids = _phrase_ids(parse, match, spec)
        for unit in clauses.actor_units(parse, resolver):
            if ids and ids[0] <= unit.first <= ids[-1]:
                m = resolver.by_word(parse.sent.index).get(unit.first)
                if m is not None and m.label in ("LOC", "FAC"):
                    return m.text
    lead_end = clauses.source_lead_end(parse)
    for m in resolver.sentence_mentions(parse.sent.index):
        if m.label not in ("LOC", "FAC") or key(m.text) in exclude:
            continue
        ids = parse.words_in(m.start, m.end)
        if ids and ids[0] > max(1, lead_end) and key(parse.word(ids[0] - 1).text) == "در":
            return m.text
    return ""


def _election_country(parse: Parse, match: PatternMatch, resolver: Resolver) -> str:
    """Where an election is held when no «در X» says it: the country its phrase or sentence
    names («انتخابات ریاست جمهوری مصر»), else the country last named before it."""
    countries = [m for m in resolver.sentence_mentions(parse.sent.index) if m.is_country]
    after = [m for m in countries if m.start >= parse.word(match.last).end]
    earlier = [m for m in resolver.mentions if m.is_country and m.end <= parse.sent.start]
    country = (after or countries or earlier[-1:] or [None])[0]
    return (country.normalized or country.text) if country else ""  # «جمهوری مصر» -> مصر


# ---------------------------------------------------------------- entry point


def _event(parse: Parse, match: PatternMatch, resolver: Resolver,
           speakers: list[tuple[int, list[Actor]]], state: _State) -> Event | None:
    args = _args(match)
    mentions = resolver.sentence_mentions(parse.sent.index)
    money = _not_conversions([m for m in mentions if m.label == "MONEY"], parse.sent.text, parse.sent.start)
    if "money" in args and not money:
        return None
    if "noun" in args and any(is_verb(parse.word(i)) for i in match.ids):
        return None  # «… بر ترک موتور نشسته»: the verb «نشستن» (to sit), not the noun «نشست» (a meeting)
    previous = key(parse.word(match.first - 1).text) if match.first > 1 else ""
    before = key(parse.text(match.first - 2, match.first - 1)) if match.first > 2 else ""
    following = key(parse.word(match.last + 1).text) if match.last < len(parse) else ""
    if previous in NON_OCCURRENCE_MARKERS or before in NON_OCCURRENCE_MARKERS or previous in UNDOING_MARKERS \
            or before in CONTENT_MARKERS or following in POSSIBLE_MARKERS or _wished(parse, match) \
            or _derived_adjective(parse, match):
        return None
    if _negated(parse, match) != ("negative" in args) or _hypothetical(parse, match) \
            or _standing(parse, match):
        return None
    anaphoric = previous in DEMONSTRATIVES
    amount = _nearest(money, parse, match)
    if anaphoric and (amount is None or "money" not in args):
        return None
    actors = _actors(parse, match, args, resolver, speakers, state.last_speakers, state.last_actors)
    acting = {key(a.text) for a in actors}  # «ناظران … ایران … با واردات آن از سوی ایران موافقت کردند»
    recipients = [r for r in _recipients(parse, match, args, resolver) if key(r.text) not in acting]
    if "passive" in args:
        actors, recipients = recipients, actors
    if not (actors or recipients or money or any(m.label == "DATE" for m in mentions)):
        return None  # nothing known about it: not worth a row
    if "addressed" in args and not recipients:
        return None
    if "paired" in args and not recipients:
        actors = []  # «جنگ عراق» names a war by its place; «جنگ آمریکا با عراق» its parties
    if "own" in args and not (actors or recipients):
        return None  # «مجروحان جنگ», «در رابطه با آغاز حملات»: a backdrop, no one named in it
    places = [a for a in actors if "people" in args and a.label == "LOC" and a.kind != "country"]
    actors = [a for a in actors if a not in places]  # «راهپیمایی [غزه]»: where, not who
    if args.get("actor") == "winner" and not _speaks_of_winning(parse, match):
        actors = _joint(parse, match, resolver)  # «البیاتی انتخابات را جهشی … توصیف کرد»: a comment
    date = _nearest([m for m in mentions if m.label == "DATE"], parse, match)
    names = {key(a.text) for a in actors + recipients}
    event = Event(parse.sent.index, match.row[0], parse.text(match.first, match.last),
                  _join(actors), _join(recipients), first=match.first, last=match.last)
    if date is not None:
        event.date_text, event.date = date.text, date.normalized
    event.location = _location(parse, match, args, resolver, names) or _join(places)
    if event.event_type == "ELECTION" and not event.location:
        event.location = _election_country(parse, match, resolver)
    if _interview(parse, match, event):
        return None
    if event.event_type == "CONSULT" and not (event.recipient or event.location):
        return None  # talks with nobody named, nowhere: a topic («مذاکرات صلح»), not a meeting
    if amount is not None and ("money" in args or match.row[0] in ("AID", "AGREE", "SANCTION")):
        event.amount_text, event.amount, event.currency = amount.text, amount.amount, amount.currency
    meeting = state.last_event.get("CONSULT")
    if meeting is not None and meeting is not event and _during_that_meeting(parse, match):
        # «در این دیدار، پرز از شرکت‌های نروژی دعوت کرد»: when and where the meeting was
        if not event.date:
            event.date_text, event.date = meeting.date_text, meeting.date
        event.location = event.location or meeting.location
    previous_event = state.last_event.get(event.event_type)
    if anaphoric and previous_event is not None:  # «این کمک‌ها به … افزایش خواهد یافت»: the same aid
        event.actor = previous_event.actor or event.actor
        event.recipient = previous_event.recipient or event.recipient
    state.last_event[event.event_type] = event
    if actors:
        state.last_actors = actors
    return event


def _wished(parse: Parse, match: PatternMatch) -> bool:
    """A nominal trigger inside the noun phrase a demand opens («خواستار جایگزینی مذاکره»)."""
    nominal = not any(is_verb(parse.word(i)) for i in match.ids)
    return nominal and clauses.marker_before(parse, match.first, WISH_MARKERS, WISH_WINDOW, PREDICATING_VERBS)


def _derived_adjective(parse: Parse, match: PatternMatch) -> bool:
    """The trigger's first word is an adjective matched by its lemma only («[تحقیقاتی]» for
    «تحقیق»): research as a field, not an investigation."""
    w = parse.word(match.first)
    return w.upos == "ADJ" and key(w.text) not in token_alternatives(match.row[1].split()[0])


def _hypothetical(parse: Parse, match: PatternMatch) -> bool:
    """A verbal trigger in the subjunctive («… تا تحریم‌ها را رفع کند»), unless scheduled, or
    under a modal («… بایستی … اخراج کند»): wanted, not done."""
    verbs = [i for i in match.ids if is_verb(parse.word(i))]
    wanted = any(_subjunctive(parse.word(i)) for i in verbs) and not _scheduled(parse, match)
    return bool(verbs) and (wanted or clauses.marker_before(parse, match.first, MODALS, MODAL_WINDOW))


def _during_that_meeting(parse: Parse, match: PatternMatch) -> bool:
    """«در این دیدار، …» (or «سفر», «نشست» …) before the trigger in its sentence: it happened at
    the meeting reported before."""
    before = [key(parse.word(i).text) for i in range(1, match.first)]
    return any(before[n:n + 2] == ["در", "این"] and before[n + 2] in MEETING_NOUNS for n in range(len(before) - 2))


def _standing(parse: Parse, match: PatternMatch) -> bool:
    """«حزب میانه با پیوستن نروژ به این جامعه مخالفت می‌ورزد»: an attitude in the third person
    present is a standing position (a stance), not an event; in the first person it is done by
    saying it («… را محکوم می‌کنیم»)."""
    return match.row[0] in ATTITUDES and any(
        is_verb(w) and "Tense=Pres" in w.feats and "Person=3" in w.feats and key(w.text).startswith("می")
        for w in (parse.word(i) for i in match.ids))


def _scheduled(parse: Parse, match: PatternMatch) -> bool:
    """«رامسفلد قرار است روزهای ۶ تا ۸ ژوئن … به اندونزی سفر کند»: a scheduled event is reported
    as one (commas of a list inside the clause do not end it)."""
    for current in range(match.first - 1, max(0, match.first - 1 - SCHEDULE_WINDOW), -1):
        w = parse.word(current)
        if key(w.text) in clauses.SCHEDULING_NOUNS and current < len(parse) \
                and key(parse.word(current + 1).lemma) in SCHEDULE_VERBS:
            return True
        if (is_verb(w) and key(w.lemma) not in SCHEDULE_VERBS) or key(w.text) in (".", ":", "؛", "که"):
            return False
    return False


def _subjunctive(word: Word) -> bool:
    """Mood=Sub, or a present form without «می» («… اخراج کند»: the tagger often leaves out the
    mood); «دارد», «است» have no «می» in the indicative."""
    if "Mood=Sub" in word.feats:
        return True
    text, lemma = key(word.text), key(word.lemma)
    if "Tense=Past" in word.feats or "VerbForm=Part" in word.feats or "VerbForm=Inf" in word.feats:
        return False
    if text.startswith(("می", "نمی")) or lemma in INDICATIVE_WITHOUT_MI or text.startswith(lemma):
        return False
    return True


REPORTERS = frozenset({"خبرنگار", "خبرنگاران"})


def _interview(parse: Parse, match: PatternMatch, event: Event) -> bool:
    """«در گفت‌وگو با خبرنگار [خبرگزاری] فارس»: talking to the press is no consultation."""
    if event.event_type != "CONSULT":
        return False
    after = [key(parse.word(i).text) for i in range(match.last + 1, min(len(parse), match.last + 2) + 1)]
    return bool(REPORTERS & set(after)) or any(w in clauses.media_heads() for w in key(event.recipient).split()[:1])


def _overlap(a: str, b: str) -> bool:
    return bool(set(key(a.replace(";", " ")).split()) & set(key(b.replace(";", " ")).split()))


def _same_event(a: Event, b: Event, resolver: Resolver) -> bool:
    """Two mentions of one event: same type, no conflicting value, and either one sentence or
    shared participants (news repeats the headline's event in the lead, the country's act as
    its official's)."""
    if a.event_type != b.event_type:
        return False
    if a.amount is not None and b.amount is not None and a.amount != b.amount:
        return False
    if a.date and b.date and a.date != b.date:
        return False
    same_actor = (not a.actor or not b.actor or _overlap(a.actor, b.actor)
                  or resolver.acts_for(a.actor, b.actor) or resolver.acts_for(b.actor, a.actor))
    if a.sent_index == b.sent_index:
        # «آمریکا از ترکیه درخواست کرده … اما ترکیه خواستار اقدام آمریکا …»: two demands, roles swapped
        swapped = _overlap(a.actor, b.recipient) or _overlap(b.actor, a.recipient)
        return same_actor or not swapped
    if a.event_type == "ELECTION" and a.date == b.date \
            and key(a.location or b.location) == key(b.location or a.location):
        return True  # one election per place and date; its «actors» are whoever spoke of it
    if (b.date and not a.date) or (b.location and not a.location):
        # a later mention with a time or place of its own is another occurrence, unless the
        # same amount says otherwise (a headline «پرداخت ۱۰ میلیارد ین» and its lead)
        return a.amount is not None and a.amount == b.amount
    if b.location and key(b.location) != key(a.location):
        return False
    if not (b.actor or b.recipient or b.amount is not None):
        return True  # a vague later mention («حملات هوایی در سوریه») of an event already reported
    parties_a, parties_b = f"{a.actor} {a.recipient}", f"{b.actor} {b.recipient}"
    same_recipient = not a.recipient or not b.recipient or _overlap(a.recipient, b.recipient)
    # the lead retells the headline's event: compatible parties are enough
    headline_and_lead = (a.sent_index, b.sent_index) == (0, 1)
    return same_actor and same_recipient and (headline_and_lead or _overlap(parties_a, parties_b))


def _negated(parse: Parse, match: PatternMatch) -> bool:
    """A verbal trigger in the negative («درخواست نفت نخواهد کرد»), or a nominal one predicated
    by a negative copula right after it («واشنگتن خواستار گفت‌وگو نیست»): nothing happened.
    A nominal trigger further from a negative verb is an argument of another predicate
    («در پی گفت‌وگوی تلفنی با خرازی … اشاره نکرد»)."""
    verbs = [i for i in match.ids if is_verb(parse.word(i))]
    if not verbs:
        after = range(match.last + 1, min(len(parse), match.last + PREDICATE_REACH) + 1)
        verb = next((parse.word(i) for i in after if is_verb(parse.word(i))), None)
        if verb is None or not is_negated(verb):
            return False
        # «به توافق نرسیدند»: reaching the event, negated; «دیدار نمی‌کرد»: its light verb, negated
        reached = key(verb.lemma) == "رسید" and match.first > 1 and key(parse.word(match.first - 1).text) == "به"
        light = key(verb.lemma) in LIGHT_VERBS and verb.id == match.last + 1
        return key(verb.lemma) in PREDICATING_VERBS or reached or light
    around = range(max(match.first, verbs[-1] - 2), min(len(parse), verbs[-1] + 2) + 1)
    return any(is_verb(parse.word(i)) and is_negated(parse.word(i)) for i in around)


def _merge(events: list[Event], resolver: Resolver) -> list[Event]:
    """Mentions of one event become one row; fields fill each other's gaps, and an official
    replaces the country they act for as the actor."""
    out: list[Event] = []
    for e in events:
        twin = next((o for o in out if _same_event(o, e, resolver)), None)
        if twin is None:
            out.append(e)
            continue
        if resolver.acts_for(e.actor, twin.actor):
            twin.actor = e.actor
        for name in ("actor", "recipient", "date_text", "date", "location", "amount_text", "amount", "currency"):
            if not getattr(twin, name) and getattr(e, name):
                setattr(twin, name, getattr(e, name))
        # one mention's actor filled in beside another's recipient, the same party: the recipient
        # slot was read from the trigger's own phrase («حمله به ایران»), the actor is the misread
        undergoing = set(twin.recipient.split(SEPARATOR))
        twin.actor = SEPARATOR.join(a for a in twin.actor.split(SEPARATOR) if a not in undergoing)
    return out


def extract_events(parses: dict[int, Parse], resolver: Resolver) -> list[Event]:
    found: list[Event] = []
    state = _State()
    for sent_index in sorted(parses):
        parse = parses[sent_index]
        speakers = clauses.speakers(parse, resolver)
        for match in find_patterns(parse, triggers()):
            event = _event(parse, match, resolver, speakers, state)
            if event is not None:
                found.append(event)
        if speakers:
            state.last_speakers = speakers[-1][1]
    return _dedupe(_merge(found, resolver))


def _dedupe(events: list[Event]) -> list[Event]:
    seen, out = set(), []
    for e in events:
        k = (e.event_type, key(e.actor), key(e.recipient), e.date, key(e.location), e.amount)
        if k not in seen:
            seen.add(k)
            out.append(e)
    return out
