"""`frontline ingest PATH...`: articles from files and folders, one transaction per file."""

import json
import pathlib
import sys
from collections.abc import Iterable, Sequence
from typing import TextIO

from ingest.intake import ArticleInput, IntakeError, decode_body, input_from_json

SUFFIXES = (".txt", ".json")


def article_files(paths: Iterable[str]) -> list[pathlib.Path]:
    """The files named, and every *.txt / *.json below the folders named, in a stable order."""
    found: list[pathlib.Path] = []
    for raw in paths:
        path = pathlib.Path(raw)
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def read_article(path: pathlib.Path, outlet: str | None, language: str | None) -> ArticleInput:
    """A .txt file is the body; a .json file has the fields of POST /v1/articles.

    --outlet and --language fill in what a file does not say."""
    if path.suffix.lower() not in SUFFIXES:
        raise IntakeError("path", "is not a .txt or .json file")
    raw = path.read_bytes()
    if path.suffix.lower() == ".txt":
        return ArticleInput(body=decode_body(raw), outlet=outlet, language=language)
    try:
        value = json.loads(decode_body(raw))
    except json.JSONDecodeError as error:
        raise IntakeError("json", f"is not valid JSON ({error.msg}, line {error.lineno})") from None
    article = input_from_json(value)
    return ArticleInput(
        body=article.body,
        title=article.title,
        url=article.url,
        outlet=article.outlet or outlet,
        published_at=article.published_at,
        language=article.language or language,
    )


class Progress:
    """A plain-text progress bar on stderr: redrawn in place on a terminal, one line per file
    otherwise (logs and CI)."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.done = 0

    def step(self, path: pathlib.Path, outcome: str) -> None:
        self.done += 1
        width = 24
        filled = width * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (width - filled)
        line = f"[{bar}] {self.done}/{self.total} {path.name}: {outcome}"
        if self.tty:
            self.stream.write("\r\x1b[2K" + line[:200])
            if self.done == self.total:
                self.stream.write("\n")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


async def run(
    database_url: str,
    paths: Sequence[str],
    outlet: str | None,
    language: str | None,
    max_chars: int,
    out: TextIO | None = None,
) -> int:
    """Ingest every file; print a summary; 1 when any file failed, else 0."""
    from db.engine import create_engine, session_factory
    from ingest.outcome import Counters
    from ingest.pipeline import ingest_and_commit

    out = out or sys.stdout
    files = article_files(paths)
    if not files:
        print("no .txt or .json files found", file=sys.stderr)
        return 1
    totals = Counters()
    errors: list[str] = []
    progress = Progress(len(files))
    engine = create_engine(database_url)
    try:
        sessions = session_factory(engine)
        for path in files:
            try:
                article = read_article(path, outlet, language)
                async with sessions() as session:
                    result = await ingest_and_commit(
                        session, article, actor="cli", max_chars=max_chars
                    )
            except IntakeError as error:
                errors.append(f"{path}: {error.field} {error.detail}")
                progress.step(path, "error")
                continue
            except OSError as error:
                errors.append(f"{path}: {error.strerror or error}")
                progress.step(path, "error")
                continue
            totals.add(result.counters)
            c = result.counters
            outcome = (
                f"new, {c.facts_proposed} facts proposed, {c.facts_merged} merged"
                if result.created
                else "already stored"
            )
            progress.step(path, outcome)
    finally:
        await engine.dispose()
    for line in errors:
        print(f"error: {line}", file=sys.stderr)
    print(
        f"articles: {totals.articles_new} new, {totals.articles_existing} existing; "
        f"facts: {totals.facts_proposed} proposed, {totals.facts_merged} merged; "
        f"evidence: {totals.evidence_added} added; statements: {totals.statements_added}; "
        f"people: {totals.people_created} new; errors: {len(errors)}",
        file=out,
    )
    return 1 if errors else 0
