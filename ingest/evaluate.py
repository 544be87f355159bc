"""Score the extractor against annotated gold: precision and recall per split and fact type."""

import dataclasses
import pathlib
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

import yaml

from db.fuzzy_date import FuzzyDate
from ingest.extract import Gazetteer, extract
from ingest.extract.model import AidPackageCandidate, PersonRoleCandidate, PolicyDecisionCandidate

SPLITS = ("seeds", "dev", "heldout")
FACT_TYPES = ("policy_decisions", "aid_packages", "people")
CORPUS_DIR = pathlib.Path(__file__).resolve().parent.parent / "tests" / "corpus"

P = TypeVar("P")
G = TypeVar("G")


@dataclasses.dataclass(frozen=True, slots=True)
class GoldDecision:
    actor: str  # ISO alpha-2, or "org:<key>" for an organization
    action: str
    date: FuzzyDate | None


@dataclasses.dataclass(frozen=True, slots=True)
class GoldAid:
    donor: str
    amount: Decimal | None
    currency: str | None
    date: FuzzyDate | None


@dataclasses.dataclass(frozen=True, slots=True)
class GoldRole:
    name: str
    role: str


@dataclasses.dataclass
class GoldArticle:
    """One annotated article; the extractor is given only `body`, `published` and `language`."""

    key: str
    body: str
    published: FuzzyDate | None
    language: str | None
    decisions: list[GoldDecision]
    aid: list[GoldAid]
    people: list[GoldRole]


@dataclasses.dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclasses.dataclass
class SplitReport:
    split: str
    articles: int = 0
    tallies: dict[str, Tally] = dataclasses.field(
        default_factory=lambda: {t: Tally() for t in FACT_TYPES}
    )
    errors: dict[str, list[str]] = dataclasses.field(default_factory=dict)  # article -> FP/FN lines


def _date(raw: Any) -> FuzzyDate | None:
    if not raw:
        return None
    return FuzzyDate.parse(str(raw["value"]), raw.get("precision"))


def dates_compatible(predicted: FuzzyDate | None, gold: FuzzyDate | None) -> bool:
    """Both unknown, or one's [earliest, latest] lies within the other's."""
    if predicted is None or gold is None:
        return predicted is None and gold is None
    inside = gold.earliest <= predicted.earliest and predicted.latest <= gold.latest
    around = predicted.earliest <= gold.earliest and gold.latest <= predicted.latest
    return inside or around


def normalized(text: str) -> str:
    """Lower case, punctuation dropped, spaces collapsed: how names and roles are compared."""
    kept = "".join(" " if unicodedata.category(c).startswith("P") else c for c in text.lower())
    return " ".join(kept.split())


def decision_matches(p: PolicyDecisionCandidate, g: GoldDecision) -> bool:
    actor = f"org:{p.organization}" if p.organization and not p.country else (p.country or "")
    return actor == g.actor and p.action.value == g.action and dates_compatible(p.date, g.date)


def aid_matches(p: AidPackageCandidate, g: GoldAid) -> bool:
    same_amount = (p.amount is None and g.amount is None) or (
        p.amount is not None and g.amount is not None and Decimal(p.amount) == Decimal(g.amount)
    )
    return (
        p.donor == g.donor
        and same_amount
        and p.currency == g.currency
        and dates_compatible(p.date, g.date)
    )


def role_matches(p: PersonRoleCandidate, g: GoldRole) -> bool:
    return normalized(p.person.name) == normalized(g.name) and normalized(p.title) == normalized(
        g.role
    )


def match(
    predicted: Sequence[P], gold: Sequence[G], same: Callable[[P, G], bool]
) -> tuple[list[P], list[G]]:
    """Greedy one-to-one matching; returns the unmatched predictions (FP) and gold facts (FN)."""
    free = list(predicted)
    missed: list[G] = []
    for g in gold:
        hit = next((p for p in free if same(p, g)), None)
        if hit is None:
            missed.append(g)
        else:
            free.remove(hit)
    return free, missed


def load_seeds(data_dir: pathlib.Path) -> list[GoldArticle]:
    """The shipped articles with the curated facts that have evidence in each."""
    from ingest.verify import read_bodies

    with (data_dir / "facts.yaml").open(encoding="utf-8") as handle:
        facts = yaml.safe_load(handle)
    bodies = read_bodies(facts, data_dir)
    people = {p["key"]: p for p in facts.get("people") or []}
    orgs = {o["key"] for o in facts.get("organizations") or []}

    def cited(fact: dict[str, Any], article: str) -> bool:
        return any(e["article"] == article for e in fact.get("evidence") or [])

    found = []
    for article in facts["articles"]:
        key = article["key"]
        decisions = [
            GoldDecision(
                d["country"] or f"org:{d['organization']}", d["action"], _date(d.get("date"))
            )
            for d in facts.get("policy_decisions") or []
            if cited(d, key) and (d["country"] or d["organization"] in orgs)
        ]
        aid = [
            GoldAid(
                a["donor"],
                Decimal(str(a["amount"])) if a.get("amount") is not None else None,
                a.get("currency"),
                _date(a.get("date")),
            )
            for a in facts.get("aid_packages") or []
            if cited(a, key)
        ]
        roles = [
            GoldRole(person["name"], role["title"])
            for person in people.values()
            for role in person.get("roles") or []
            if cited(role, key)
        ]
        found.append(
            GoldArticle(
                key,
                bodies[key],
                _date(article.get("published")),
                article.get("language"),
                decisions,
                aid,
                roles,
            )
        )
    return found


def load_corpus(directory: pathlib.Path) -> list[GoldArticle]:
    """Articles `<name>.txt` with their annotations `<name>.yaml`."""
    found = []
    for path in sorted(directory.glob("*.yaml")):
        text_path = path.with_suffix(".txt")
        if not text_path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            meta = yaml.safe_load(handle) or {}
        with text_path.open(encoding="utf-8", newline="") as handle:
            body = handle.read()
        decisions = [
            GoldDecision(
                str(d.get("country") or f"org:{d.get('organization')}"),
                str(d["action"]),
                _date(d.get("date")),
            )
            for d in meta.get("policy_decisions") or []
        ]
        aid = [
            GoldAid(
                str(a["donor"]),
                Decimal(str(a["amount"])) if a.get("amount") is not None else None,
                a.get("currency"),
                _date(a.get("date")),
            )
            for a in meta.get("aid_packages") or []
        ]
        roles = [
            GoldRole(str(p["name"]), str(p["role"]))
            for p in meta.get("people") or []
            if p.get("role")
        ]
        found.append(
            GoldArticle(
                path.stem,
                body,
                _date(meta.get("published")),
                meta.get("language"),
                decisions,
                aid,
                roles,
            )
        )
    return found


def load_split(split: str, corpus_dir: pathlib.Path = CORPUS_DIR) -> list[GoldArticle]:
    if split == "seeds":
        from ingest.curated import DATA_DIR

        return load_seeds(DATA_DIR)
    return load_corpus(corpus_dir / split)


def _describe_decision(d: PolicyDecisionCandidate | GoldDecision) -> str:
    if isinstance(d, GoldDecision):
        return f"{d.actor} {d.action} {d.date.value if d.date else '-'}"
    actor = d.country or f"org:{d.organization}"
    return f"{actor} {d.action.value} {d.date.value if d.date else '-'}"


def _describe_aid(a: AidPackageCandidate | GoldAid) -> str:
    return f"{a.donor} {a.amount} {a.currency} {a.date.value if a.date else '-'}"


def _describe_role(r: PersonRoleCandidate | GoldRole) -> str:
    if isinstance(r, GoldRole):
        return f"{r.name} / {r.role}"
    return f"{r.person.name} / {r.title}"


def evaluate(split: str, articles: Iterable[GoldArticle]) -> SplitReport:
    """Run the extractor blind on each article (body, publication date, language) and score it."""
    gazetteer = Gazetteer.builtin()
    report = SplitReport(split)
    for article in articles:
        report.articles += 1
        result = extract(
            article.body,
            published=article.published,
            language=article.language,
            gazetteer=gazetteer,
        )
        lines: list[str] = []
        for kind, predicted, gold, same, describe in (
            (
                "policy_decisions",
                result.policy_decisions,
                article.decisions,
                decision_matches,
                _describe_decision,
            ),
            ("aid_packages", result.aid_packages, article.aid, aid_matches, _describe_aid),
            ("people", result.person_roles, article.people, role_matches, _describe_role),
        ):
            fp, fn = match(predicted, gold, same)  # type: ignore[arg-type]
            tally = report.tallies[kind]
            tally.fp += len(fp)
            tally.fn += len(fn)
            tally.tp += len(gold) - len(fn)
            lines += [f"FP {kind}: {describe(p)}" for p in fp]  # type: ignore[arg-type]
            lines += [f"FN {kind}: {describe(g)}" for g in fn]  # type: ignore[arg-type]
        if lines:
            report.errors[article.key] = lines
    return report


def table(reports: Iterable[SplitReport]) -> str:
    """The measured table, one row per split and fact type."""
    rows = [
        f"{'split':<8} {'articles':>8}  {'fact type':<17} {'TP':>4} {'FP':>4} {'FN':>4} "
        f"{'precision':>9} {'recall':>7} {'F1':>6}"
    ]
    for report in reports:
        for kind, t in report.tallies.items():
            rows.append(
                f"{report.split:<8} {report.articles:>8}  {kind:<17} {t.tp:>4} {t.fp:>4} {t.fn:>4} "
                f"{t.precision:>9.3f} {t.recall:>7.3f} {t.f1:>6.3f}"
            )
    return "\n".join(rows)
