"""`frontline keys`: create, list, revoke and rotate API keys."""

import argparse
import asyncio
import sys

from api.settings import Settings


async def _keys(settings: Settings, args: argparse.Namespace) -> tuple[int, str]:
    from api import key_admin
    from db.engine import create_engine, session_factory
    from db.queries import api_keys

    engine = create_engine(settings.database_url)
    try:
        async with session_factory(engine)() as session, session.begin():
            if args.action == "create":
                request = key_admin.KeyRequest(
                    name=args.name,
                    scopes=tuple(args.scopes.split(",")),
                    kind=args.kind,
                    rate=args.rate,
                    origins=tuple(args.origin or ()),
                    expires=args.expires,
                )
                row, plaintext = await key_admin.create(session, request, settings.default_key_rate)
                described = key_admin.describe(row)
                return 0, (
                    f"{plaintext}\n\nThis is the only time the key is shown; store it now.\n"
                    f"id {described['id']}, {row.kind}, scopes {' '.join(described['scopes'])}, "
                    f"rate {described['rate']}, expires {described['expires_at'] or 'never'}"
                )
            if args.action == "list":
                rows = await api_keys.list_api_keys(session)
                lines = [
                    f"{d['id']}  {d['kind']:<11} {' '.join(d['scopes']):<22} {d['rate']:<12} "
                    f"{'revoked' if d['revoked_at'] else 'active':<8} {d['name']}"
                    for d in map(key_admin.describe, rows)
                ]
                return 0, "\n".join(lines) or "no keys"
            found = await api_keys.get_api_key(session, args.id or "")
            if found is None:
                return 1, f"no key with id {args.id!r}"
            if args.action == "revoke":
                await api_keys.revoke_api_key(session, found)
                return 0, f"revoked {found.public_id}"
            _, plaintext = await key_admin.rotate(session, found)
            return 0, (
                f"{plaintext}\n\nReplaces {found.public_id} (now revoked); shown only this once."
            )
    finally:
        await engine.dispose()


def run(settings: Settings, args: argparse.Namespace) -> int:
    if args.action == "create" and not args.name:
        print("error: keys create needs --name", file=sys.stderr)
        return 2
    if args.action in {"revoke", "rotate"} and not args.id:
        print(f"error: keys {args.action} needs the key id", file=sys.stderr)
        return 2
    try:
        code, text = asyncio.run(_keys(settings, args))
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(text, file=sys.stdout if code == 0 else sys.stderr)
    return code
