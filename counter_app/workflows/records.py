"""Typed business records: frozen dataclasses in, plain JSON out, and back.

Every counter business keeps its data in a small tree of frozen dataclasses (its *record*).
Drafts are stored as JSON; this module turns a record into JSON-able values and rebuilds it
from them using the dataclasses' own type hints, so a record's fields are declared once.

Supported field types: ``str``, ``int``, ``float``, ``bool``, string enums, nested frozen
dataclasses, ``X | None``, ``tuple[X, ...]`` and ``dict[str, Any]`` (kept as JSON).
Unknown keys in stored data are ignored (a field removed in a later version); a missing key
takes the field's default, so adding a field with a default needs no migration.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

T = TypeVar("T")


class RecordError(ValueError):
    """Stored data does not fit the record type (a corrupt or foreign draft)."""


def to_json(value: Any) -> Any:
    """A record (or any supported value) as JSON-able dicts, lists and scalars."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [to_json(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    return value


def from_json(cls: type[T], data: Any) -> T:
    """Rebuild a record of type ``cls`` from what :func:`to_json` made."""
    return typing.cast(T, _build(cls, data, cls.__name__))


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _build(tp: Any, data: Any, where: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        if data is None:
            return None
        if len(options) != 1:
            raise RecordError(f"{where}: unsupported union {tp}")
        return _build(options[0], data, where)
    if origin is tuple:
        args = typing.get_args(tp)
        if not isinstance(data, list | tuple):
            raise RecordError(f"{where}: expected a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], v, f"{where}[{i}]") for i, v in enumerate(data))
        return tuple(_build(a, v, f"{where}[{i}]") for i, (a, v) in enumerate(zip(args, data, strict=True)))
    if origin is dict or tp is dict:
        if not isinstance(data, Mapping):
            raise RecordError(f"{where}: expected an object")
        return dict(data)
    if tp is Any:
        return data
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(data, Mapping):
            raise RecordError(f"{where}: expected an object")
        hints = _hints(tp)
        kwargs = {f.name: _build(hints[f.name], data[f.name], f"{where}.{f.name}")
                  for f in dataclasses.fields(tp) if f.init and f.name in data}
        try:
            return tp(**kwargs)
        except TypeError as exc:  # a required field is missing
            raise RecordError(f"{where}: {exc}") from exc
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        try:
            return tp(data)
        except ValueError as exc:
            raise RecordError(f"{where}: {exc}") from exc
    if tp is float and isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    if tp in (str, int, bool):
        if not isinstance(data, tp) or (tp is int and isinstance(data, bool)):
            raise RecordError(f"{where}: expected {tp.__name__}, got {type(data).__name__}")
        return data
    raise RecordError(f"{where}: unsupported field type {tp}")
