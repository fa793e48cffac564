"""Load content files: safe YAML with a source position for every value.

PyYAML (libyaml where available) composes a node tree; we construct the data from it ourselves,
so that duplicate keys are errors, tags and aliases are refused before anything is constructed,
and dates stay strings. Positions are looked up only when a diagnostic needs one, by composing
the file's text again: keeping every node of every file alive costs more than the rare second
parse. One bad file yields diagnostics and never stops the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kb.diagnostics import Diagnostic, KbError, Loc

ENTRY_SUFFIXES = (".yml", ".yaml")

# A path into the data: mapping keys and list indexes; a trailing KEY marks the key itself.
DataPath = tuple[str | int, ...]
KEY = "<key>"

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """A content file read as plain data, with the YAML node tree that knows every position."""

    path: str
    stem: str
    text: str
    data: dict[str, Any]

    def loc(self, at: DataPath) -> Loc:
        """The position of `at`, or of its nearest enclosing value that has one."""
        mark = _find(_compose(self.text), at).start_mark
        return Loc(self.path, mark.line + 1, mark.column + 1)

    def raw(self, at: DataPath) -> str:
        """The scalar at `at` as written in the file (`no`, `2024`), or "" if it is no scalar."""
        node = _find(_compose(self.text), at)
        return node.value if isinstance(node, yaml.ScalarNode) else ""


def _compose(text: str) -> yaml.Node:
    loader = _Loader(text)
    try:
        return loader.get_single_node()  # type: ignore[no-any-return]
    finally:
        loader.dispose()


def _find(node: yaml.Node, at: DataPath) -> yaml.Node:
    for index, part in enumerate(at):
        if isinstance(node, yaml.MappingNode):
            pair = next((kv for kv in node.value if kv[0].value == part), None)
            if pair is None:
                break
            key_node, value_node = pair
            if index + 1 < len(at) and at[index + 1] == KEY:
                return key_node  # type: ignore[no-any-return]
            node = value_node
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            node = node.value[part]
        else:
            break
    return node


# libyaml composes the node tree in C (an alias there is the same node object again, so nothing
# expands); the pure-Python loader is the fallback where PyYAML was built without it.
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    """The safe loader, with dates kept as strings."""

    # No path-dependent resolvers are registered, so tracking the path per node is wasted work
    # (measured: 4% of the parse time).
    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        # PyYAML's general resolver, minus path resolvers and list building: libyaml calls this
        # for every node, and it was a fifth of the load time.
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in _SCALAR_RESOLVERS.get(value[:1], ()):
                    if regexp.match(value):
                        return tag  # type: ignore[no-any-return]
            return _STR
        return _MAP if kind is yaml.MappingNode else _SEQ


# Without the timestamp resolver `2024-06-01` is read as text.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


_SCALAR_RESOLVERS = {first or "": rules for first, rules in _Loader.yaml_implicit_resolvers.items()}


class _RefusedError(Exception):
    def __init__(self, code: str, mark: yaml.Mark, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.code, self.mark, self.message, self.hint = code, mark, message, hint


def load_file(path: Path, rel: str) -> Document | list[Diagnostic]:
    """Read one content file; a `Document`, or the diagnostics that stop it from being read."""
    stem = Path(rel).stem
    try:
        text = decode(path.read_bytes())
    except KbError as error:
        line, column = _position_of(error)
        return [Diagnostic(loc=Loc(rel, line, column), code=error.code, message=error.message)]
    return parse(text, rel, stem)


def decode(data: bytes) -> str:
    """UTF-8 text; a BOM is accepted and dropped. Raises `KbError` with the byte position."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        bad = data[error.start : error.start + 1].hex()
        raise KbError(
            "kb.encoding",
            f"the file is not valid UTF-8: byte 0x{bad} at line {line}, column {column}",
        ) from None


def _position_of(error: KbError) -> tuple[int, int]:
    match = re.search(r"line (\d+), column (\d+)", error.message)
    return (int(match[1]), int(match[2])) if match else (1, 1)


def parse(text: str, rel: str, stem: str = "") -> Document | list[Diagnostic]:
    """Parse YAML text into a `Document`, or diagnostics located in `rel`."""
    loader = _Loader(text)
    loader.name = rel
    try:
        root = loader.get_single_node()
        if root is None:
            return [_empty(rel)]
        data = _Builder(loader).build(root)
    except _RefusedError as refused:
        return [_at(rel, refused.mark, refused.code, refused.message, refused.hint)]
    except yaml.MarkedYAMLError as error:
        return [_syntax_error(rel, error, text)]
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        found = "a list" if isinstance(data, list) else f"a single value ({_describe(data)})"
        return [
            _at(
                rel,
                root.start_mark,
                "kb.not-a-mapping",
                f"an entry must be a mapping of fields, found {found}",
                "start the file with `title: ...` and write each field as `key: value`",
            )
        ]
    return Document(
        path=rel,
        stem=stem,
        text=text,
        data=data,
    )


class _Builder:
    """Constructs plain data from nodes, refusing what a content file must not hold."""

    def __init__(self, loader: _Loader) -> None:
        self.loader = loader
        self.seen: set[int] = set()

    def build(self, node: yaml.Node) -> Any:
        if id(node) in self.seen:  # an alias: the composer hands out the same node again
            raise _RefusedError(
                "kb.yaml-alias",
                node.start_mark,
                "YAML anchors and aliases (`&name`, `*name`) are not supported",
                "write the value out in full where it is needed",
            )
        self.seen.add(id(node))
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag == _MAP:
            return self._mapping(node)
        if tag == _SEQ:
            return [self.build(item) for item in node.value]
        if tag in _PLAIN_TAGS:
            return self.loader.construct_object(node)
        raise _RefusedError(
            "kb.yaml-tag",
            node.start_mark,
            f"YAML tag `{_short_tag(tag)}` is not allowed; tags are never constructed",
            "remove the tag and write the value as plain text, a list or a mapping",
        )

    def _mapping(self, node: yaml.Node) -> dict[Any, Any]:
        data: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _PLAIN_TAGS:
                raise _RefusedError(
                    "kb.yaml-syntax",
                    key_node.start_mark,
                    "a mapping key must be a plain name",
                    "write keys as `name: value`",
                )
            key = key_node.value if key_node.tag == _STR else self.loader.construct_object(key_node)
            if key in data:
                first = next(k for k, _ in node.value if k.value == key_node.value).start_mark
                raise _RefusedError(
                    "kb.yaml-duplicate-key",
                    key_node.start_mark,
                    f"duplicate key `{key}` (first at line {first.line + 1}, "
                    f"column {first.column + 1})",
                    "remove or rename one of the two keys",
                )
            data[key] = self.build(value_node)
        return data


def _at(rel: str, mark: yaml.Mark | None, code: str, message: str, hint: str = "") -> Diagnostic:
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Diagnostic(loc=Loc(rel, line, column), code=code, message=message, hint=hint)


def _empty(rel: str) -> Diagnostic:
    return Diagnostic(
        loc=Loc(rel),
        code="kb.empty-file",
        message="the file is empty",
        hint="write the entry's fields (at least `title` and `summary`), or delete the file",
    )


def _syntax_error(rel: str, error: yaml.MarkedYAMLError, text: str) -> Diagnostic:
    mark = error.problem_mark or error.context_mark
    problem = error.problem or "invalid YAML"
    if mark and _char_at(text, mark) == "\t":
        return _at(
            rel,
            mark,
            "kb.yaml-syntax",
            "tab character used for indentation; YAML allows only spaces",
            "replace the tabs with spaces (two per level)",
        )
    context = f" {error.context}" if error.context else ""
    started = error.context_mark
    if started and mark and started.line != mark.line:
        context += f" (started at line {started.line + 1}, column {started.column + 1})"
    return _at(
        rel,
        mark,
        "kb.yaml-syntax",
        f"invalid YAML:{context}: {problem}".replace("  ", " "),
        "check the quotes, colons and indentation just before this position",
    )


def _char_at(text: str, mark: yaml.Mark) -> str:
    lines = text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column : mark.column + 1]


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def path_name(at: DataPath) -> str:
    """A data path as maintainers write it: `steps[2].uses[0]`."""
    name = ""
    for part in at:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"yes/no value {str(value).lower()}"
    if value is None:
        return "null"
    return f"{type(value).__name__} {value!r}"
