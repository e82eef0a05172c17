"""quanteda-style YAML dictionaries: nested mappings whose leaves are lists of terms."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Unpack

from framing.errors import MissingResourceError
from framing.markers.importers.builder import DictionaryBuilder, ImportKeywords, ImportOptions, PathLike
from framing.markers.lexicons import Lexicon

__all__ = ["import_yaml"]


def import_yaml(path: PathLike, **options: Unpack[ImportKeywords]) -> Lexicon:
    """Import a quanteda-style YAML dictionary.

    The file is a mapping whose leaves are lists of terms (or a single term)::

        weather:
          sunny: [sun, "clear sk*"]
          rainy: [rain*, drizzle]

    Nested keys are joined with ``_`` (``weather_sunny``; quanteda joins them with ``.``), and
    ``.`` and spaces in keys become ``_``. ``*`` globs are kept; quanteda's one-character wildcard
    ``?`` is not supported by our matcher and is refused. The file is read with
    ``yaml.safe_load``, so tags such as ``!!python/object`` are refused; terms are then taken as
    written (``no``, ``yes``, ``on`` and ``2020`` stay words, not booleans or numbers).

    ``options`` (``name``, ``version``, ``license``, ``language``, ``encoding``) are those of
    :class:`~framing.markers.importers.builder.ImportOptions`.
    """
    # PyYAML is imported here, not at the top: framing.markers imports this module, and every run
    # and every CLI command would otherwise pay for loading a library only this importer uses.
    try:
        import yaml
    except ImportError as exc:  # pragma: no cover - pyyaml is a declared dependency
        raise MissingResourceError("importing YAML dictionaries needs PyYAML: pip install pyyaml") from exc

    b = DictionaryBuilder(Path(path), "quanteda YAML dictionary", options=ImportOptions(**options))
    text = b.read()
    try:
        # The safety gate: safe_load refuses tags that would construct Python objects.
        if yaml.safe_load(text) is None:
            raise b.fail(None, "the file is empty; expected a mapping of category names to lists of terms")
        # The structure is then read from the node tree, which keeps every scalar as written and
        # its line; composing builds no Python objects.
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        line = mark.line + 1 if mark is not None else None
        refused = " (only plain YAML is read: tags such as !!python/object are refused)" if isinstance(exc, yaml.constructor.ConstructorError) else ""
        raise b.fail(line, f"not a valid YAML dictionary: {problem}{refused}") from None

    def line_of(node: Any) -> int:
        return int(node.start_mark.line) + 1

    if not isinstance(root, yaml.MappingNode):
        raise b.fail(line_of(root), "expected a mapping of category names to lists of terms at the top level")

    def scalar_term(node: Any, label: str) -> str:
        if not isinstance(node, yaml.ScalarNode):
            raise b.fail(line_of(node), f"the terms of category {label!r} must be plain text, not a nested list or mapping")
        term = str(node.value)
        if "?" in term:
            raise b.fail(
                line_of(node),
                f"term {term!r} in category {label!r} uses '?', quanteda's one-character wildcard, which framing's "
                "matcher does not support; write the words out or use '*'",
            )
        return term

    visited: set[int] = set()

    def walk(node: Any, keys: list[str]) -> None:
        if id(node) in visited:
            raise b.fail(line_of(node), "a YAML alias repeats a mapping of categories; write the categories out")
        visited.add(id(node))
        seen: dict[str, int] = {}
        for knode, vnode in node.value:
            if not isinstance(knode, yaml.ScalarNode) or knode.tag == "tag:yaml.org,2002:merge":
                raise b.fail(line_of(knode), "category names must be plain text (merge keys and complex keys are not supported)")
            key = str(knode.value).strip()
            if not key:
                raise b.fail(line_of(knode), "empty category name")
            if key in seen:
                raise b.fail(line_of(knode), f"category {key!r} appears twice in the same mapping (first on line {seen[key]})")
            seen[key] = line_of(knode)
            path_keys = [*keys, key]
            if isinstance(vnode, yaml.MappingNode):
                walk(vnode, path_keys)
                continue
            label = ".".join(path_keys)
            name = b.declare(label, line_of(knode), fallback=None)
            if isinstance(vnode, yaml.SequenceNode):
                for item in vnode.value:
                    b.add(name, scalar_term(item, label), line_of(item))
            elif vnode.tag != "tag:yaml.org,2002:null":
                b.add(name, scalar_term(vnode, label), line_of(vnode))

    walk(root, [])
    return b.build()

