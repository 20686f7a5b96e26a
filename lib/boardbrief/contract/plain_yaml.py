"""Reading YAML written by people: safe, dates left as text, errors with line numbers."""

from __future__ import annotations

import unicodedata
from typing import Any

import yaml

from boardbrief.contract.problems import DataError, Problem

# libyaml's parser when PyYAML was built with it (every wheel is): the same documents, marks and
# errors' lines, ten times faster than the pure-Python parser.
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _PlainLoader(_SafeBase):  # type: ignore[misc,valid-type]
    """Safe YAML that leaves dates as text and refuses a key given twice in one mapping."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        first_line: dict[object, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                repeated = key in first_line
            except TypeError:  # an unhashable key: let PyYAML report it
                break
            if repeated:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"each key once, but {key!r} is also on line {first_line[key]}",
                    key_node.start_mark,
                )
            first_line[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


_PlainLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


def load_plain_yaml(text: str, name: str, first_line: int = 1) -> tuple[Any, yaml.Node | None]:
    """The data in `text` and its node tree (for line numbers), or a DataError naming the line.

    Only plain YAML is read: tags that would construct Python objects are refused, never run.
    `first_line` is the line of the file where `text` starts (for front matter).
    """
    text = unicodedata.normalize("NFC", text)
    try:
        root, data = _parse_once(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + first_line if mark is not None else None
        reason = getattr(error, "problem", None) or "valid YAML"
        if reason.startswith("each key once"):
            raise DataError([Problem(name, line, None, None, reason)]) from None
        raise DataError([Problem(name, line, None, None, f"plain YAML ({reason})")]) from None
    return data, root


def _parse_once(text: str) -> tuple[yaml.Node | None, Any]:
    """The node tree and the data built from it, parsing the text once."""
    loader = _PlainLoader(text)
    try:
        root = loader.get_single_node()
        return root, None if root is None else loader.construct_document(root)
    finally:
        loader.dispose()


def line_of(node: yaml.Node | None, location: tuple[Any, ...], first_line: int = 1) -> int | None:
    """The line that a path of keys and indexes points at in a YAML node tree, if found."""
    line = None
    for part in location:
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if k.value == str(part)), None)
            if pair is None:
                break
            line, node = pair[0].start_mark.line + first_line, pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            node = node.value[part]
            line = node.start_mark.line + first_line
        else:
            break
    return line
