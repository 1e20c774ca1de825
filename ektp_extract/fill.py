"""Pydantic records filled without validation, the way the stages make them.

:func:`filled` lives apart from :mod:`ektp_extract.models` (which defines the records and
is never compiled) so that the compiled build compiles it with the stages: there a call
of it from a stage is a native call, not an interpreted function per record.
"""

from __future__ import annotations

from typing import Any, Final, TypeVar

from pydantic import BaseModel

_M = TypeVar("_M", bound=BaseModel)

_object_new: Final = object.__new__
# the setters of BaseModel's slots, called directly: what ``object.__setattr__(obj, name, v)``
# finds by name on every call (a third of the record's cost)
_set_dict: Final = vars(BaseModel)["__dict__"].__set__
_set_fields_set: Final = vars(BaseModel)["__pydantic_fields_set__"].__set__
_set_extra: Final = vars(BaseModel)["__pydantic_extra__"].__set__
_set_private: Final = vars(BaseModel)["__pydantic_private__"].__set__


def filled(cls: type[_M], data: dict[str, Any], fields_set: set[str]) -> _M:
    """An instance of ``cls`` filled as ``model_construct`` fills it, without validation.

    ``data`` holds every field in declaration order; callers check their values with
    plain type tests first (a few µs saved per record), and each caller's tests check
    the result equals the validated record.
    """
    obj: _M = _object_new(cls)
    _set_dict(obj, data)
    _set_fields_set(obj, fields_set)
    _set_extra(obj, None)
    _set_private(obj, None)
    return obj


__all__ = ["filled"]
