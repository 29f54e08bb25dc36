"""The field types, one registry: `TYPES[field.type]` is what a type does.

Each family of types is one module (numeric, dates, measures, names) whose
`TYPES` lists its types; a new type is a new `FieldType` subclass in one of
them, or a new module named here. See `base.FieldType` for what a type provides.
"""

from __future__ import annotations

from typing import Literal, get_args

from checker.fieldtypes import dates, measures, names, numeric
from checker.fieldtypes.base import Claim, FieldType, Stated

# The `type:` a rule file may give a field, in the order messages list them.
TypeName = Literal[
    "number", "count", "percent", "money", "duration", "date", "date-range", "text", "set",
    "quantity", "magnitude", "time",
]
_FAMILIES = (numeric, dates, measures, names)
_BY_NAME = {t.name: t for family in _FAMILIES for t in family.TYPES}
TYPES: dict[str, FieldType] = {name: _BY_NAME[name] for name in get_args(TypeName)}

__all__ = ["TYPES", "Claim", "FieldType", "Stated", "TypeName"]
