"""Intake: validation names the field, normalization keeps offsets, the header is read."""

import pathlib

import pytest

from db.enums import Precision
from ingest.intake import (
    ArticleInput,
    IntakeError,
    decode_body,
    input_from_json,
    normalize_body,
    validate,
)
from ingest.normalize import content_hash
from ingest.reading import read

SEEDS = pathlib.Path(__file__).resolve().parents[1] / "data" / "seeds"


def seed(name: str) -> str:
    with (SEEDS / name).open(encoding="utf-8", newline="") as handle:
        return normalize_body(handle.read())


@pytest.mark.parametrize(
    ("article", "field", "words"),
    [
        (ArticleInput(body=""), "body", "empty"),
        (ArticleInput(body=" \n\t "), "body", "empty"),
        (ArticleInput(body="text\x00more"), "body", "U+0000"),
        (ArticleInput(body="bell\x07"), "body", "control"),
        (ArticleInput(body="x" * 101), "body", "limit is 100"),
        (ArticleInput(body="ok", published_at="31 May 2024"), "published_at", "YYYY"),
        (ArticleInput(body="ok", published_at="2024-02-30"), "published_at", "YYYY"),
        (ArticleInput(body="ok", language="english please"), "language", "language code"),
        (ArticleInput(body="ok", url="not a url"), "url", "http"),
        (ArticleInput(body="ok", title="two\nlines"), "title", "one line"),
        (ArticleInput(body="ok", outlet="o" * 201), "outlet", "at most 200"),
        (ArticleInput(body="lone \ud800 surrogate"), "body", "Unicode"),
    ],
)
def test_bad_input_names_the_field(article: ArticleInput, field: str, words: str) -> None:
    with pytest.raises(IntakeError) as caught:
        validate(article, max_chars=100)
    assert caught.value.field == field
    assert words in caught.value.detail


def test_json_input_must_hold_strings_in_known_fields() -> None:
    for value, field in [
        ([], "body"),
        ({}, "body"),
        ({"body": None}, "body"),
        ({"body": 12}, "body"),
        ({"body": "x", "title": ["a"]}, "title"),
        ({"body": "x", "author": "me"}, "author"),
    ]:
        with pytest.raises(IntakeError) as caught:
            input_from_json(value)
        assert caught.value.field == field
    assert input_from_json({"body": "x", "language": None}).body == "x"


def test_bytes_must_be_utf8_text() -> None:
    assert decode_body("\ufeffKyiv".encode()) == "Kyiv"
    with pytest.raises(IntakeError, match="UTF-8"):
        decode_body("Kyiv".encode("utf-16-le")[1:] + b"\xff")
    with pytest.raises(IntakeError, match="binary"):
        decode_body(b"\x89PNG\r\n\x1a\n\x00\x00")


def test_published_at_keeps_its_precision_and_language_is_normalized() -> None:
    for value, precision in [("2024", "YEAR"), ("2024-05", "MONTH"), ("2024-05-30", "DAY")]:
        valid = validate(ArticleInput(body="x", published_at=value, language="EN-gb"))
        assert valid.published is not None and valid.published.precision == precision
        assert valid.language == "en-gb"


def test_normalization_is_nfc_with_one_line_end() -> None:
    assert normalize_body("Sa\u0301nchez\r\nsaid\rthis") == "Sánchez\nsaid\nthis"


def test_the_seed_header_is_read_and_masked_in_place() -> None:
    body = seed("004_16a2e1bdd797cca7.txt")
    reading = read(body)
    assert reading.title == "Biden quietly approves Ukraine strikes near Russian-occupied Kharkiv"
    assert reading.authors == ("Maciej Zubel",)
    assert reading.published is not None
    assert (reading.published.value, reading.published.precision) == ("2024-05-31", Precision.DAY)
    reasons = {m.reason for m in reading.masked}
    assert reasons == {"title", "byline", "date", "duplicate", "image-credit", "related"}
    # Offsets never move: same length, masked characters become spaces, the rest is untouched.
    assert len(reading.masked_text) == len(body)
    for index, (kept, original) in enumerate(zip(reading.masked_text, body, strict=True)):
        hidden = any(m.start <= index < m.end for m in reading.masked)
        assert kept == (" " if hidden and original != "\n" else original)
    assert "Images source" not in reading.masked_text
    assert "Related content" not in reading.masked_text
    assert "Joe Biden secretly permitted Ukraine" in reading.masked_text


def test_a_dateline_glued_to_the_text_and_a_title_line() -> None:
    dated = read(seed("001_dd261ed79f1c11d9.txt"))
    assert dated.published is not None and dated.published.value == "2024-05-31"
    assert dated.masked_text.startswith(" " * 17 + "Citing three unnamed US officials")
    titled = read(seed("002_3927557de837501e.txt"))
    assert titled.title == "Joe Biden allows Ukraine to use US weapons to attack Russian territory"
    assert read(seed("000_d3a3478c532dfe38.txt")).title is None  # starts with a paragraph


def test_bylines_and_datelines() -> None:
    body = (
        "Kyiv gets more air defence\n"
        "By Jane Doe and John Smith | Reuters\n"
        "May 30, 2024, 10:15 AM EDT\n\n"
        "Germany said on Thursday it would send another Patriot system to Ukraine soon.\n"
        "Photo: Jane Doe\n"
        "Read more: Earlier coverage\n"
    )
    reading = read(body)
    assert reading.title == "Kyiv gets more air defence"
    assert reading.authors == ("Jane Doe", "John Smith")
    assert reading.published is not None and reading.published.value == "2024-05-30"
    assert {m.reason for m in reading.masked} >= {"image-credit", "related", "byline", "date"}


def test_the_hash_ignores_boilerplate_but_not_the_story() -> None:
    story = "Kyiv, 30 May.\nGermany will send a Patriot system.\nIt arrives in June."
    noisy = (
        "Kyiv, 30 May.\nGermany will send a Patriot system.\nPhoto: AP\n"
        "Germany will send a Patriot system.\nRelated content\nIt arrives in June.\n"
    )
    assert read(story).content_hash == read(noisy).content_hash
    assert read(story).content_hash == content_hash(story)
    assert read(story).content_hash != read(story.replace("June", "July")).content_hash


def test_weekday_datelines_that_open_a_line_and_section_labels() -> None:
    body = (
        "IN BRIEF | Belgium keeps F-16s on Ukrainian soil\n"
        "Monday 6 May 2024. All times Kyiv (EEST). This page is no longer being updated.\n\n"
        "Belgium will send Ukraine 30 F-16 fighter jets by 2028, the government said on Tuesday.\n"
    )
    reading = read(body)
    assert reading.title == "Belgium keeps F-16s on Ukrainian soil"
    assert reading.published is not None and reading.published.value == "2024-05-06"
    dated = next(m for m in reading.masked if m.reason == "date")
    assert body[dated.start : dated.end] == "Monday 6 May 2024"
    assert "All times Kyiv" in reading.masked_text
