"""Reading an author's file: UTF-8 (optional BOM, any line ending), strict YAML.

A file saved on Windows (UTF-8 BOM, CRLF) reads the same as one saved elsewhere. Bytes that
are not UTF-8 and NUL bytes are an error naming the file and line, not a traceback. YAML
aliases (``*name``, which let a few hundred bytes expand without bound) and duplicate keys
(YAML keeps the last one silently) are errors naming the line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode

from .errors import ContentError

BOM = b"\xef\xbb\xbf"
# libyaml's parser when PyYAML has it (its wheels do): parsing is most of the validation cost.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def decode_source(display: str, data: bytes) -> str:
    """``data`` as text with ``\\n`` line endings; ContentError at ``display:line`` for bytes
    that are not UTF-8 or a NUL byte."""
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ContentError(
            f"{display}:{line}",
            None,
            f"byte 0x{data[exc.start]:02x} is not UTF-8 (the file was saved in another "
            "encoding, e.g. Latin-1 or Windows-1252); save it as UTF-8",
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ContentError(
            f"{display}:{line}",
            None,
            "NUL byte (U+0000) in the text (the file may be binary or UTF-16); remove it or "
            "save the file as UTF-8",
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_source(path: Path, display: str) -> str:
    """Read an author's file (a page, a data file) as ``decode_source`` does."""
    return decode_source(display, path.read_bytes())


class StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe YAML without aliases and with duplicate keys refused."""

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise ConstructorError(
                None,
                None,
                "YAML anchors and aliases (&name, *name) are not allowed; write the value out",
                node.start_mark,
            )
        return super().construct_object(node, deep)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[str] = set()
        for key, _ in node.value:
            if isinstance(key, ScalarNode):
                if key.value in seen:
                    raise ConstructorError(
                        None, None, f"duplicate key '{key.value[:40]}'; keep one", key.start_mark
                    )
                seen.add(key.value)
        return super().construct_mapping(node, deep)
