"""REST /v1: lists, filters, paging, formats, detail lookups and errors, on the seed data."""

import csv
import io
import json
from typing import Any

import pytest
from starlette.testclient import TestClient

PROBLEM = "application/problem+json"


def items(api: TestClient, url: str) -> list[dict[str, Any]]:
    response = api.get(url)
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


def test_a_script_pages_through_every_policy_decision(api: TestClient) -> None:
    seen: list[str] = []
    url: str | None = "/v1/policy-decisions?limit=3"
    while url:
        response = api.get(url)
        body = response.json()
        seen += [d["id"] for d in body["items"]]
        url = body["next"]
        if url:
            assert response.headers["Link"] == f'<{url}>; rel="next"'
    assert len(seen) == len(set(seen)) == 10


def test_policy_decision_embeds_country_decider_and_quotes(api: TestClient) -> None:
    (uk,) = items(api, "/v1/policy-decisions?country=gb&action=LIFTED")
    assert uk["country"]["iso2"] == "GB" and uk["decided_by"]["slug"] == "david-cameron"
    assert uk["date"]["value"] == "2024-05" and uk["date"]["precision"] == "MONTH"
    for evidence in uk["evidence"]:
        article = api.get(f"/v1/articles/{evidence['article']['id']}").json()
        assert article["body"][evidence["start"] : evidence["end"]] == evidence["quote"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("action=LIFTED,EASED", 2),
        ("action=lifted&action=eased", 2),
        ("topic=weapons-use-on-russian-territory", 10),
        ("status=DISPUTED", 1),
        ("country=US", 3),
        ("person=joe-biden", 1),
        ("organization=nato", 1),
        ("date_from=2024-05-30&date_to=2024-05-30", 4),
        ("date_from=2024-06-01", 0),
        ("outlet=nowhere", 0),
    ],
)
def test_policy_decision_filters(api: TestClient, query: str, expected: int) -> None:
    assert len(items(api, f"/v1/policy-decisions?{query}&limit=100")) == expected


def test_sort_desc_puts_unknown_dates_last(api: TestClient) -> None:
    dates = [d["date"] for d in items(api, "/v1/policy-decisions?sort=-date&limit=100")]
    known = [d["latest"] for d in dates if d]
    assert known == sorted(known, reverse=True)
    assert dates[-1] is None


def test_csv_download_is_flat_with_documented_headers(api: TestClient) -> None:
    response = api.get("/v1/policy-decisions?format=csv")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 10
    assert {"id", "country_iso2", "action", "date_value", "date_precision"} <= set(rows[0])
    by_country = {r["country_iso2"]: r for r in rows if r["action"] in {"LIFTED", "EASED"}}
    assert by_country["GB"]["date_value"] == "2024-05"


def test_ndjson_and_accept_negotiation(api: TestClient) -> None:
    response = api.get("/v1/aid-packages", headers={"accept": "application/x-ndjson"})
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert {line["amount"] for line in lines} == {2_000_000_000, 275_000_000}
    csv_by_accept = api.get("/v1/countries", headers={"accept": "text/csv"})
    assert csv_by_accept.text.count("\n") == 250  # header + 249 countries, all streamed
    assert api.get("/v1/countries", headers={"accept": "text/html"}).status_code == 406


def test_limit_applies_to_streams(api: TestClient) -> None:
    response = api.get("/v1/countries?format=ndjson&limit=5")
    assert len(response.text.splitlines()) == 5


def test_detail_lookups_by_code_slug_and_id(api: TestClient) -> None:
    gb = api.get("/v1/countries/GB").json()
    assert api.get("/v1/countries/gbr").json() == gb
    assert api.get(f"/v1/countries/{gb['id']}").json() == gb
    blinken = api.get("/v1/people/antony-blinken").json()
    assert blinken["roles"][0]["title"] == "Secretary of State"
    assert api.get(f"/v1/people/{blinken['id']}").json() == blinken
    for name in ["outlets", "organizations", "places", "aid-packages", "statements", "evidence"]:
        first = items(api, f"/v1/{name}?limit=1")
        if first:
            assert api.get(f"/v1/{name}/{first[0]['id']}").json() == first[0]


@pytest.mark.parametrize(
    ("url", "status", "parameter"),
    [
        ("/v1/policy-decisions?bogus=1", 400, "bogus"),
        ("/v1/policy-decisions?limit=1000", 422, "limit"),
        ("/v1/policy-decisions?limit=0", 422, "limit"),
        ("/v1/policy-decisions?limit=ten", 422, "limit"),
        ("/v1/policy-decisions?limit=1&limit=2", 422, "limit"),
        ("/v1/policy-decisions?date_from=last-week", 422, "date_from"),
        ("/v1/policy-decisions?action=CANCELLED", 422, "action"),
        ("/v1/policy-decisions?country=Britain", 422, "country"),
        ("/v1/policy-decisions?sort=random", 422, "sort"),
        ("/v1/policy-decisions?format=xml", 422, "format"),
        ("/v1/policy-decisions?cursor=garbage", 422, "cursor"),
        ("/v1/countries/GB?expand=all", 400, "expand"),
    ],
)
def test_bad_parameters_name_the_parameter(
    api: TestClient, url: str, status: int, parameter: str
) -> None:
    response = api.get(url)
    assert response.status_code == status
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["status"] == status and body["parameter"] == parameter
    assert parameter in body["detail"]


def test_cursor_of_another_sort_is_rejected(api: TestClient) -> None:
    next_url = api.get("/v1/policy-decisions?limit=1").json()["next"]
    cursor = next_url.split("cursor=")[1]
    response = api.get(f"/v1/policy-decisions?sort=-date&cursor={cursor}")
    assert response.status_code == 422


def test_unknown_ids_are_404_problems(api: TestClient) -> None:
    for url in ["/v1/countries/XX", "/v1/people/nobody", "/v1/articles/Zm9v", "/v1/evidence/%20"]:
        response = api.get(url)
        assert response.status_code == 404, url
        assert response.headers["content-type"] == PROBLEM


def test_etag_and_conditional_get(api: TestClient) -> None:
    first = api.get("/v1/policy-decisions")
    etag = first.headers["ETag"]
    assert "public" in first.headers["Cache-Control"]
    again = api.get("/v1/policy-decisions", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    other = api.get("/v1/policy-decisions?format=csv", headers={"If-None-Match": etag})
    assert other.status_code == 200 and other.headers["ETag"] != etag


def test_full_text_search_over_articles_and_statements(api: TestClient) -> None:
    himers = items(api, "/v1/articles?q=Himers")
    assert [a["key"] for a in himers] == ["3927557de837501e"]
    assert len(items(api, "/v1/articles?q=Stoltenberg")) == 2
    assert items(api, "/v1/articles?q=Stoltenberg%20Himers")[0]["key"] == "3927557de837501e"
    poison = items(api, "/v1/statements?q=poison")
    assert [s["speaker"]["slug"] for s in poison] == ["antony-blinken"]
    for hostile in ['"', "NEAR(", "*", "'; DROP TABLE articles; --"]:
        assert api.get("/v1/articles", params={"q": hostile}).status_code == 200
    too_long = api.get("/v1/articles", params={"q": "x" * 201})
    assert too_long.status_code == 422 and too_long.json()["parameter"] == "q"


def test_if_none_match_star_only_matches_what_exists(api: TestClient) -> None:
    star = {"If-None-Match": "*"}
    assert api.get("/v1/countries/GB", headers=star).status_code == 304
    assert api.get("/v1/countries/XX", headers=star).status_code == 404
    assert api.get("/v1/countries?bogus=1", headers=star).status_code == 400


def test_country_filters_take_alpha3_and_people_filters_take_ids(api: TestClient) -> None:
    assert len(items(api, "/v1/policy-decisions?country=GBR")) == 1
    nato = api.get("/v1/organizations/nato").json()
    by_id = items(api, f"/v1/people?organization={nato['id']}")
    assert [p["slug"] for p in by_id] == [
        p["slug"] for p in items(api, "/v1/people?organization=nato")
    ]
    assert by_id


def test_dates_must_be_yyyy_mm_dd(api: TestClient) -> None:
    assert api.get("/v1/policy-decisions?date_from=20240501").status_code == 422
    assert api.get("/v1/policy-decisions?date_from=2024-W22-1").status_code == 422


def test_nul_characters_are_rejected_not_crashing(api: TestClient) -> None:
    response = api.get("/v1/people", params={"name": "a\x00b"})
    assert response.status_code == 422 and response.json()["parameter"] == "name"
    assert api.get("/v1/people/a%00b").status_code == 404
    assert api.get("/v1/articles", params={"q": "\x00"}).status_code == 422
