"""Articles for the intake tests: the dev corpus, posting one, and what a post leaves behind."""

import pathlib
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from db import models as m
from db.queries.dataset_version import get_data_version
from tests.conftest import with_session
from tests.contract import ContractClient

CORPUS = pathlib.Path(__file__).parent / "corpus" / "dev"
TABLES = [
    m.Article, m.ArticleAuthor, m.Outlet, m.Person, m.PersonAlias, m.PersonRole,
    m.PolicyDecision, m.AidPackage, m.AidPackageItem, m.Statement, m.Evidence, m.FactReview,
]  # fmt: skip


def dev_article(name: str) -> str:
    """The text of tests/corpus/dev/<name>."""
    return (CORPUS / name).read_text(encoding="utf-8")


BERLIN = dev_article("a01_wire_berlin_kharkiv.txt")


def counts(url: str) -> dict[str, int]:
    """Rows per table, and the data version."""

    async def count(session: AsyncSession) -> dict[str, int]:
        found = {
            t.__tablename__: int(await session.scalar(select(func.count()).select_from(t)) or 0)
            for t in TABLES
        }
        found["data_version"] = await get_data_version(session)
        return found

    return with_session(url, count)


def post_article(api: ContractClient, headers: dict[str, str], **fields: Any) -> Any:
    """POST /v1/articles with these fields as its JSON body."""
    return api.post("/v1/articles", json=fields, headers=headers)


def every_quote_is_exact(article: dict[str, Any]) -> None:
    """Every quote of a posted article's facts is its body between the quote's offsets."""
    body = article["body"]
    facts = article["facts"]
    for kind in ("policy_decisions", "aid_packages", "person_roles"):
        for fact in facts[kind]:
            assert fact["evidence"], fact
            for e in fact["evidence"]:
                assert body[e["start"] : e["end"]] == e["quote"]
                assert e["extractor"] and e["extractor_version"]
                assert 0 <= e["confidence"] <= 1
    for s in facts["statements"]:
        assert body[s["start"] : s["end"]] == s["quote"]
