"""The words the bot says, from a Fluent catalogue (content/<language>/messages.ftl).

Each message becomes a `Phrase`: as a str it is its template with {name} placeholders (the text
itself for the many messages without any); `.format(name=value)` renders it with Fluent, so
plurals, selectors and numbers follow the language's rules. A message's id is its path in the
schema joined by "-" (`checkin-ask_stress`); a number stands for a place in a list."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fluent.runtime import FluentBundle, FluentResource
from fluent.runtime.types import fluent_number
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor
from pydantic import PlainValidator


class CatalogueError(ValueError):
    """A catalogue that cannot be used: start-up refuses it."""


class Phrase(str):
    """A catalogue message; see the module's docstring."""

    bundle: FluentBundle
    pattern: Any
    variables: frozenset[str]

    def __new__(cls, bundle: FluentBundle, pattern: Any, variables: frozenset[str]) -> Phrase:
        template, _ = bundle.format_pattern(pattern, {name: "{" + name + "}" for name in variables})
        phrase = super().__new__(cls, template)
        phrase.bundle, phrase.pattern, phrase.variables = bundle, pattern, variables
        return phrase

    def __reduce__(self) -> tuple[type[str], tuple[str]]:
        """Sent to another process (a chart, the PDF) as its template: str.format reads it the same."""
        return str, (str(self),)

    def format(self, *args: object, **values: object) -> str:
        if args:
            raise TypeError("a catalogue message takes named values only")
        text, errors = self.bundle.format_pattern(self.pattern, {k: _value(v) for k, v in values.items()})
        if errors:
            raise CatalogueError(f"{errors[0]}")
        return str(text)


def _value(value: object) -> object:
    """Whole numbers without grouping (a year, a dose: 2026, not 2,026); plural rules still apply."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return fluent_number(value, useGrouping=False)
    if isinstance(value, float | str):
        return value
    return str(value)


def _keep(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("a text is expected")
    return value


# A schema field holding a text: a Phrase stays a Phrase (pydantic would make it a plain str).
Text = Annotated[str, PlainValidator(_keep)]


class _Variables(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.names.add(node.id.name)


def read_catalogue(path: Path, locale: str) -> dict[str, Any]:
    """The catalogue as nested sections of Phrases, ready for the schema to check."""
    source = path.read_text(encoding="utf-8")
    parsed = FluentParser(with_spans=False).parse(source)
    for entry in parsed.body:
        if isinstance(entry, ast.Junk):
            unreadable = (entry.content or "").strip()[:80]
            raise CatalogueError(f"{path.name}: cannot read {unreadable!r}")
    bundle = FluentBundle([locale], use_isolating=False)
    bundle.add_resource(FluentResource(source))
    tree: dict[str, Any] = {}
    for entry in parsed.body:
        if not isinstance(entry, ast.Message) or entry.value is None:
            continue
        found = _Variables()
        found.visit(entry.value)
        message = bundle.get_message(entry.id.name)
        _put(tree, entry.id.name.split("-"), Phrase(bundle, message.value, frozenset(found.names)))
    return _lists(tree)


def _put(tree: dict[str, Any], path: list[str], phrase: Phrase) -> None:
    for key in path[:-1]:
        tree = tree.setdefault(key, {})
        if not isinstance(tree, dict):
            raise CatalogueError(f"{'-'.join(path)}: clashes with a message of the same name")
    if path[-1] in tree:
        raise CatalogueError(f"{'-'.join(path)}: given twice")
    tree[path[-1]] = phrase


def _lists(tree: dict[str, Any]) -> dict[str, Any]:
    """Sections whose keys are 0, 1, 2... are lists."""
    for key, value in tree.items():
        if isinstance(value, dict):
            value = _lists(value)
            if value and set(value) == {str(i) for i in range(len(value))}:
                value = [value[str(i)] for i in range(len(value))]
            tree[key] = value
    return tree
