"""The import rules of docs/architecture.md, checked on the source: a new violation fails with the
importing file and the import named."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
IO = ("sqlalchemy", "sqlmodel", "alembic", "asyncpg", "aiosqlite", "httpx", "aiohttp", "telegram",
      "bot.storage", "bot.runtime", "bot.services", "handlers", "socket", "urllib", "requests")  # fmt: skip
MAX_LINES = 300

# (package, imports it must never make, why)
RULES = [
    ("bot/domain", (*IO, "bot.language", "bot.content", "bot.render"), "pure rules: no I/O"),
    ("bot/language", (*IO, "bot.render"), "reading text: no I/O"),
    ("bot/content", (*IO, "bot.language", "bot.render"), "schemas of the data: no I/O"),
    (
        "bot/storage",
        ("telegram", "handlers", "bot.services", "bot.runtime", "bot.render"),
        "the bottom layer",
    ),
    ("bot/services", ("telegram", "handlers", "bot.runtime"), "use cases: plain values in and out"),
    ("bot/render", ("telegram", "handlers", "bot.storage", "bot.services", "bot.runtime"), "pure drawing"),
    ("bot/runtime", ("handlers",), "the runtime is wired to handlers only by bootstrap"),
    (
        "bot/webapp",
        (*(m for m in IO if m != "urllib"), "urllib.request", "bot.content", "bot.language", "bot.render"),
        "initData: pure checks (urllib.parse only reads a query string)",
    ),
]
# Nothing under bot/ imports handlers, except the composition root.
MAY_IMPORT_HANDLERS = {"bot/bootstrap.py"}


def imports_of(source: str) -> list[tuple[int, str, list[str]]]:
    """Each import statement: its line, how it reads, and the modules it may bring in."""
    found: list[tuple[int, str, list[str]]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, [alias.name]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # "from bot import storage" brings in the package bot.storage
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            found.append((node.lineno, node.module, names))
    return found


def violations(sources: dict[str, str], forbidden: tuple[str, ...]) -> list[str]:
    out = []
    for name, source in sources.items():
        for line, written, modules in imports_of(source):
            if any(m == f or m.startswith(f"{f}.") for m in modules for f in forbidden):
                out.append(f"{name}:{line} imports {written}")
    return out


def sources_in(folder: str) -> dict[str, str]:
    files = sorted(p for p in (ROOT / folder).rglob("*.py") if "versions" not in p.parts)
    return {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in files}


@pytest.mark.parametrize(("package", "forbidden", "why"), RULES, ids=[r[0] for r in RULES])
def test_each_package_imports_only_what_its_layer_may(
    package: str, forbidden: tuple[str, ...], why: str
) -> None:
    sources = sources_in(package)
    assert sources, package
    found = violations(sources, forbidden)
    assert not found, f"{package} ({why}):\n" + "\n".join(found)


def test_only_the_composition_root_imports_handlers() -> None:
    sources = {k: v for k, v in sources_in("bot").items() if k not in MAY_IMPORT_HANDLERS}
    found = violations(sources, ("handlers",))
    assert not found, "only bot/bootstrap.py may import handlers:\n" + "\n".join(found)


def test_no_product_module_is_over_300_lines() -> None:
    long = [
        f"{name} ({n} lines)"
        for name, source in (sources_in("bot") | sources_in("handlers")).items()
        if (n := len(source.splitlines())) > MAX_LINES
    ]
    assert not long, "split these by responsibility:\n" + "\n".join(long)


def test_a_forbidden_import_is_caught_and_named() -> None:
    """The checker itself: a domain module importing the database or Telegram is reported."""
    probe = {"bot/domain/probe.py": "from bot.storage.models import Checkin\nimport telegram\nimport json\n"}
    assert violations(probe, RULES[0][1]) == [
        "bot/domain/probe.py:1 imports bot.storage.models",
        "bot/domain/probe.py:2 imports telegram",
    ]
    assert violations({"bot/runtime/x.py": "from handlers import routes\n"}, ("handlers",)) == [
        "bot/runtime/x.py:1 imports handlers"
    ]
