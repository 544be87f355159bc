"""Synthetic facts and article bodies from templated sentences, each quote at its exact offsets."""

import dataclasses
import datetime as dt
import random
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from bench.corpus_writers import Writer
from ingest.normalize import content_hash

CHUNK = 2000  # articles generated and written per batch (bounded memory)
ACTORS = "US GB FR DE IT PL CA NL NO SE FI DK ES PT BE CZ SK RO BG EE LV LT JP KR AU NZ TR GR HU AT"
TOPICS = {
    "long-range-missiles": "the delivery of long-range missiles",
    "fighter-jets": "the transfer of fighter jets",
    "air-defence": "the supply of air defence systems",
    "frozen-assets": "the use of frozen Russian assets",
    "tank-deliveries": "the delivery of main battle tanks",
    "cluster-munitions": "the supply of cluster munitions",
    "energy-sanctions": "sanctions on Russian energy exports",
}
VERBS = {
    "LIFTED": "lifted its restrictions on",
    "EASED": "eased its restrictions on",
    "MAINTAINED": "kept in place its restrictions on",
    "REFUSED": "refused to change its position on",
    "ADVOCATED": "called on allies to reconsider",
}
FIRST = "Anna Marta Jonas Ingrid Pavel Olena Tomas Sofia Lars Elena Marek Ines Karel Nora Adam Vera"
LAST = "Lindqvist Novak Moreau Kowalski Hartmann Rossi Jensen Varga Duarte Berger Kovac Laine Popa"
TITLES = ["foreign minister", "defence minister", "prime minister", "spokesperson", "ambassador"]
CITIES = ["Kyiv", "Kharkiv", "Odesa", "Lviv", "Dnipro", "Zaporizhzhia", "Sumy", "Poltava"]
OUTLET_WORDS = ["Ledger", "Courier", "Dispatch", "Observer", "Herald", "Monitor", "Review", "Post"]
FILLER = [
    "Officials in {city} declined to comment further on {n} separate requests.",
    "The announcement followed {n} weeks of debate among allied governments.",
    "Analysts said the decision could shape the front line around {city} for months.",
    "Air raid alerts sounded {n} times overnight across the {city} region.",
    "Diplomats described the talks as difficult but said {n} issues had been settled.",
]
START = dt.date(2022, 2, 24)
DAYS = 1400


@dataclasses.dataclass
class Pools:
    """Existing ids the synthetic facts point at, and the next free id of every table."""

    countries: dict[str, int]
    names: dict[int, str]
    ukraine: int
    headline_topic: int
    next_id: dict[str, int]

    def take(self, table: str, count: int = 1) -> int:
        first = self.next_id[table]
        self.next_id[table] += count
        return first


def _date(rng: random.Random) -> dict[str, Any]:
    day = START + dt.timedelta(days=rng.randrange(DAYS))
    if rng.random() < 0.7:
        return {
            "date_value": day.isoformat(),
            "date_precision": "DAY",
            "date_earliest": day,
            "date_latest": day,
        }
    first = day.replace(day=1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return {
        "date_value": first.isoformat()[:7],
        "date_precision": "MONTH",
        "date_earliest": first,
        "date_latest": last,
    }


def _spoken(date: dict[str, Any]) -> str:
    day: dt.date = date["date_earliest"]
    if date["date_precision"] == "DAY":
        return f"on {day.day} {day:%B %Y}"
    return f"in {day:%B %Y}"


@dataclasses.dataclass
class Facts:
    """The fact pools articles quote, with the sentence each fact is reported by."""

    decisions: list[tuple[int, str, str]]  # id, supporting sentence, disputing sentence or ""
    aid: list[tuple[int, str]]
    roles: list[tuple[int, str]]
    events: list[tuple[int, str]]


def build_facts(writer: Writer, pools: Pools, articles: int, rng: random.Random) -> Facts:
    """Outlets, people, topics and fact rows, sized for `articles` articles."""
    tag = pools.next_id["articles"]  # keeps keys unique when a database grows twice
    outlets = [
        {
            "id": pools.take("outlets"),
            "key": f"synthetic-outlet-{tag}-{i}",
            "name": f"The {rng.choice(CITIES)} {OUTLET_WORDS[i % len(OUTLET_WORDS)]} {i}",
            "domain": f"outlet-{tag}-{i}.example",
            "country_id": None,
        }
        for i in range(40)
    ]
    writer.write("outlets", outlets)
    people = []
    for i in range(max(50, articles // 200)):
        name = f"{rng.choice(FIRST.split())} {rng.choice(LAST.split())}"
        people.append(
            {
                "id": pools.take("people"),
                "key": f"synthetic-person-{tag}-{i}",
                "name": f"{name} {i}",
                "nationality_id": rng.choice(list(pools.countries.values())),
            }
        )
    writer.write("people", people)
    topics = [(pools.headline_topic, "the use of supplied weapons against Russian territory")]
    topic_rows = []
    for slug, phrase in TOPICS.items():
        topic_id = pools.take("topics")
        topic_rows.append(
            {"id": topic_id, "key": f"{slug}-{tag}", "name": phrase.capitalize(), "description": ""}
        )
        topics.append((topic_id, phrase))
    writer.write("topics", topic_rows)
    actors = [code for code in ACTORS.split() if code in pools.countries]
    names = pools.names

    decisions, decision_rows = [], []
    for i in range(max(10, articles * 4 // 5)):
        code, person = rng.choice(actors), rng.choice(people)
        topic_id, phrase = rng.choice(topics)
        action = rng.choice(list(VERBS))
        status = rng.choices(["REPORTED", "CONFIRMED", "DISPUTED"], [6, 3, 1])[0]
        date = _date(rng)
        row = {
            "id": pools.take("policy_decisions"),
            "key": f"synthetic-decision-{tag}-{i}",
            "country_id": pools.countries[code],
            "organization_id": None,
            "decided_by_id": person["id"],
            "topic_id": topic_id,
            "action": action,
            "scope": f"Applies to {phrase}.",
            "limits": "Details were not published.",
            "date_note": None,
            "status": status,
            "date_basis": "ANNOUNCED",
            **date,
        }
        decision_rows.append(row)
        country = _country_name(names[pools.countries[code]])
        support = f"{country} {VERBS[action]} {phrase} {_spoken(date)}, {person['name']} said."
        dispute = (
            f"{person['name']}'s office later denied that {country} had changed course."
            if status == "DISPUTED"
            else ""
        )
        decisions.append((row["id"], support, dispute))
    writer.write("policy_decisions", decision_rows)

    aid, aid_rows = [], []
    for i in range(max(10, articles * 3 // 5)):
        code, person = rng.choice(actors), rng.choice(people)
        kind = rng.choice(["MILITARY", "FINANCIAL", "HUMANITARIAN"])
        millions = rng.randrange(5, 2000)
        date = _date(rng)
        row = {
            "id": pools.take("aid_packages"),
            "key": f"synthetic-aid-{tag}-{i}",
            "donor_id": pools.countries[code],
            "recipient_id": pools.ukraine,
            "amount": Decimal(millions * 1_000_000),
            "currency": "USD",
            "kind": kind,
            "description": f"A {kind.lower()} package.",
            "mechanism": None,
            "date_note": None,
            "announced_by_id": person["id"],
            "authorized_by_id": None,
            "status": "REPORTED",
            "date_basis": "ANNOUNCED",
            **date,
        }
        aid_rows.append(row)
        country = _country_name(names[pools.countries[code]])
        aid.append(
            (
                row["id"],
                f"{country} announced ${millions} million in {kind.lower()} aid for Ukraine "
                f"{_spoken(date)}, according to {person['name']}.",
            )
        )
    writer.write("aid_packages", aid_rows)

    roles, role_rows = [], []
    for i in range(max(10, articles // 5)):
        person, title = rng.choice(people), rng.choice(TITLES)
        code = rng.choice(actors)
        date = _date(rng)
        row = {
            "id": pools.take("person_roles"),
            "key": f"synthetic-role-{tag}-{i}",
            "person_id": person["id"],
            "title": title,
            "organization_id": None,
            "country_id": pools.countries[code],
            "date_basis": "ANNOUNCED",
            **date,
        }
        role_rows.append(row)
        country = _country_name(names[pools.countries[code]])
        roles.append((row["id"], f"{person['name']}, {country}'s {title}, spoke to reporters."))
    writer.write("person_roles", role_rows)

    events, event_rows = [], []
    for i in range(max(10, articles // 5)):
        city, date = rng.choice(CITIES), _date(rng)
        kind = rng.choice(["missile strike", "drone attack", "artillery shelling"])
        row = {
            "id": pools.take("events"),
            "key": f"synthetic-event-{tag}-{i}",
            "kind": kind.split()[-1].upper(),
            "description": f"A {kind} near {city}.",
            "actor_id": pools.countries.get("RU"),
            "place_id": None,
            "date_note": None,
            "date_basis": "OCCURRED",
            **date,
        }
        event_rows.append(row)
        events.append((row["id"], f"A {kind} hit the outskirts of {city} {_spoken(date)}."))
    writer.write("events", event_rows)
    return Facts(decisions, aid, roles, events)


def _country_name(name: str) -> str:
    return f"the {name}" if name.startswith("United") else name


def article_batches(
    pools: Pools, facts: Facts, outlets: list[int], count: int, rng: random.Random
) -> Iterator[tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    """(articles, evidence) rows, CHUNK articles at a time; about 11 quotes per article."""
    articles: list[dict[str, Any]] = []
    evidence: list[dict[str, Any]] = []
    for _ in range(count):
        article_id = pools.take("articles")
        quoted: list[tuple[str, str, int, str]] = []  # (sentence, fact column, fact id, stance)
        for fact_id, support, dispute in rng.sample(facts.decisions, min(4, len(facts.decisions))):
            if dispute and rng.random() < 0.3:
                quoted.append((dispute, "policy_decision_id", fact_id, "DISPUTES"))
            else:
                quoted.append((support, "policy_decision_id", fact_id, "SUPPORTS"))
        for column, pool, n in (
            ("aid_package_id", facts.aid, 3),
            ("person_role_id", facts.roles, 3),
            ("event_id", facts.events, 1),
        ):
            for fact_id, sentence in rng.sample(pool, min(n, len(pool))):
                quoted.append((sentence, column, fact_id, "SUPPORTS"))
        rng.shuffle(quoted)
        parts: list[str] = []
        offset = 0
        spans = []
        for sentence, column, fact_id, stance in quoted:
            filler = rng.choice(FILLER).format(city=rng.choice(CITIES), n=rng.randrange(2, 40))
            for text, fact in ((filler, None), (sentence, (column, fact_id, stance))):
                if parts:
                    parts.append(" ")
                    offset += 1
                if fact is not None:
                    spans.append((offset, offset + len(text), text, fact))
                parts.append(text)
                offset += len(text)
        body = "".join(parts)
        published = _date(rng)
        articles.append(
            {
                "id": article_id,
                "key": f"synthetic-{article_id:08d}",
                "title": f"Synthetic report {article_id}: {quoted[0][0][:60]}",
                "url": f"https://synthetic.example/articles/{article_id}",
                "outlet_id": rng.choice(outlets),
                "language": "en",
                "published_value": published["date_value"],
                "published_precision": published["date_precision"],
                "published_earliest": published["date_earliest"],
                "published_latest": published["date_latest"],
                "published_note": "synthetic",
                "body": body,
                "content_hash": content_hash(body),
            }
        )
        for position, (start, end, quote, (column, fact_id, stance)) in enumerate(spans):
            row: dict[str, Any] = dict.fromkeys(
                ("policy_decision_id", "aid_package_id", "person_role_id", "event_id")
            )
            row.update(
                {
                    "id": pools.take("evidence"),
                    "key": f"synthetic-{article_id}-{position}",
                    "article_id": article_id,
                    "quote": quote,
                    "start": start,
                    "end": end,
                    "stance": stance,
                    "agreement_id": None,
                    column: fact_id,
                }
            )
            evidence.append(row)
        if len(articles) >= CHUNK:
            yield articles, evidence
            articles, evidence = [], []
    if articles:
        yield articles, evidence
