"""Reading YAML content files safely, keeping line numbers for error messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from jdbuilder.errors import ContentError
from jdbuilder.safeio import ReadProblem, read_limited

MAX_CONTENT_BYTES = 8 * 1024 * 1024


class LineDict(dict[str, Any]):
    """A mapping that remembers the line it started on (1-based)."""

    line: int = 0


_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """A safe loader (LibYAML's parser where available) whose mappings are `LineDict`s;
    no tags beyond plain YAML are accepted."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be plain text", key_node.start_mark
                )
            mapping[str(key) if not isinstance(key, str) else key] = self.construct_object(
                value_node, deep=deep
            )
        return mapping


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _LineLoader.construct_mapping,
)


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    """A date as a date; an impossible one (2026-13-45) stays text, so the schema names the
    entry and field and only that entry is skipped, not the whole file."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def parse_yaml(text: str, path: str | Path) -> Any:
    """Parse YAML text; syntax errors become a `ContentError` naming the file and line."""
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise ContentError(path, f"YAML syntax error: {problem}", line=line) from None
    except yaml.YAMLError as exc:
        raise ContentError(path, f"YAML error: {exc}") from None
    except RecursionError:
        raise ContentError(path, "YAML nested too deeply") from None


def read_text_file(path: str | Path, limit: int = MAX_CONTENT_BYTES) -> str:
    """Read a UTF-8 text file with a size bound; errors name the file."""
    p = Path(path)
    try:
        data = read_limited(p, limit)
    except ReadProblem as exc:
        raise ContentError(p, exc.reason) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ContentError(p, f"is not valid UTF-8 (byte {exc.start})") from None
    if "\x00" in text:
        raise ContentError(p, "contains NUL bytes; not a text file")
    return text


def load_yaml(path: str | Path) -> Any:
    """Read and parse one YAML content file."""
    return parse_yaml(read_text_file(path), path)
