"""An optional `.env` file: KEY=VALUE lines that fill in what the real environment leaves unset."""

import os
import re
from collections.abc import MutableMapping

_LINE = re.compile(r"^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$")


class EnvFileError(ValueError):
    """The file cannot be read as KEY=VALUE lines; the message names the file and line."""


def _value(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in {"'", '"'}:
        inner = raw[1:-1]
        # Double quotes take the usual escapes; single quotes are literal, as in a shell.
        if raw[0] == '"':
            inner = inner.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")
        return inner
    # An unquoted value ends at a comment that follows whitespace.
    return re.split(r"\s+#", raw, maxsplit=1)[0].strip()


def parse(text: str, path: str = ".env") -> dict[str, str]:
    """KEY=VALUE lines; blank lines and `#` comments are skipped, `export ` is allowed."""
    values: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _LINE.match(stripped)
        if match is None:
            raise EnvFileError(f"{path}, line {number}: expected KEY=VALUE, got {stripped[:40]!r}")
        values[match.group(1)] = _value(match.group(2))
    return values


def load_env_file(environ: MutableMapping[str, str] | None = None) -> str | None:
    """Fill `environ` (os.environ by default) from FRONTLINE_ENV_FILE, or ./.env when it exists.

    The real environment wins: a variable already set is never overwritten. Values go into
    the process environment so that libraries and worker processes see them too.
    Returns the path read, if any.
    """
    environ = os.environ if environ is None else environ
    named = environ.get("FRONTLINE_ENV_FILE")
    path = named or ".env"
    if not os.path.isfile(path):
        if named:
            raise EnvFileError(f"FRONTLINE_ENV_FILE names {named!r}, which is not a file")
        return None
    with open(path, encoding="utf-8") as handle:
        values = parse(handle.read(), path)
    for key, value in values.items():
        environ.setdefault(key, value)
    return path
