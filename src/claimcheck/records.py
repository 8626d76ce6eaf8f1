"""The base of every record claimcheck returns: frozen, strict, and quick to build."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, PlainSerializer

from claimcheck.names import shown

# A file's name: in JSON, a byte that is not UTF-8 is written \xNN (see claimcheck.names).
FileName = Annotated[str, PlainSerializer(shown, return_type=str, when_used="json")]
Modality = Literal["actual", "estimate", "forecast", "target", "guidance"]


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    # Fields the JSON leaves out when they are null (exclude_if): so that the JSON of records
    # without them stays as it was before they were added.
    absent_when_none: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def trusted(cls, **values):
        """A record from values the pipeline has already checked, every field given.

        What model_construct does, without its per-field default handling: the engine
        builds thousands of records a second and that handling was a fifth of the time.
        A field left out of the JSON counts as unset, as in a record read back from it.
        """
        fields_set = set(values)
        for name in cls.absent_when_none:
            if values[name] is None:
                fields_set.discard(name)
        record = cls.__new__(cls)
        object.__setattr__(record, "__dict__", values)
        object.__setattr__(record, "__pydantic_fields_set__", fields_set)
        object.__setattr__(record, "__pydantic_extra__", None)
        object.__setattr__(record, "__pydantic_private__", None)
        return record
