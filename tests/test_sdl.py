"""The committed SDL is the contract: this fails when schema/schema.graphql is stale."""

from api.cli import main
from schema.schema import SDL_PATH, schema, sdl


def test_committed_sdl_matches_the_schema() -> None:
    assert SDL_PATH.read_text(encoding="utf-8") == sdl(), "run `frontline schema --write`"


def test_cli_check_agrees() -> None:
    assert main(["schema", "--check"]) == 0


def test_every_field_and_type_has_a_description() -> None:
    missing = []
    for type_ in schema._schema.type_map.values():
        if type_.name.startswith("__") or type_.name in {
            "String",
            "Int",
            "Boolean",
            "ID",
            "Float",
            "Date",
            "Decimal",
        }:
            continue
        if not type_.description:
            missing.append(type_.name)
        for name, field in (getattr(type_, "fields", None) or {}).items():
            if not field.description:
                missing.append(f"{type_.name}.{name}")
    assert missing == []
