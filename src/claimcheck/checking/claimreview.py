"""The `[claimreview]` table of the config: who publishes the fact checks, where, and the
rating scale a verdict becomes (a name and a number for sourced, mismatch and unsourced).
`verify --format claimreview` reads it; its flags (--author, --review-url, --date-published)
win over it. The published guidelines need an author and the page's URL: without them the
run stops with one line."""

from __future__ import annotations

import datetime
import math
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from claimcheck.errors import ClaimcheckError
from claimcheck.verdicts import Status


class ReviewError(ClaimcheckError):
    """What `--format claimreview` needs is missing or malformed."""


def web_address(value: str, *, fragment: bool = True) -> str:
    """`value` when it is an absolute http(s) URL, else ValueError (a message for the user)."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        raise ValueError(f"{value!r} is not a web address: write it as https://…")
    if not fragment and parts.fragment:
        raise ValueError(f"{value!r}: leave out the #…, each review adds its own")
    return value


def a_number(value: object) -> object:
    """A rating's number as TOML gives it: an integer or a finite float, not a string or a boolean."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{value!r} is not a number: write 1, 3 or 0.5")
    return value


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Rating(_Table):
    """What one status is published as: its name (alternateName) and its number (ratingValue)."""

    name: str = Field(min_length=1)
    value: int | float

    _number = field_validator("value", mode="before")(a_number)

    @field_validator("name")
    @classmethod
    def _named(cls, name: str) -> str:
        if not name.strip():
            raise ValueError("a rating's name is empty")
        return name.strip()


class Ratings(_Table):
    sourced: Rating = Rating(name="Matches its source", value=3)
    unsourced: Rating = Rating(name="No source found", value=2)
    mismatch: Rating = Rating(name="Differs from its source", value=1)

    def of(self, status: Status) -> Rating:
        return getattr(self, status)


class ReviewConfig(_Table):
    """The `[claimreview]` table, as written."""

    author: str | None = None
    author_url: str | None = Field(default=None, alias="author-url")
    url: str | None = None
    date_published: datetime.date | None = Field(default=None, alias="date-published")
    drafts_url: str | None = Field(default=None, alias="drafts-url")
    ratings: Ratings = Ratings()
    best_rating: int | float | None = Field(default=None, alias="best-rating")
    worst_rating: int | float | None = Field(default=None, alias="worst-rating")

    @field_validator("best_rating", "worst_rating", mode="before")
    @classmethod
    def _number(cls, value: object) -> object:
        return None if value is None else a_number(value)

    @field_validator("author_url", "drafts_url")
    @classmethod
    def _address(cls, value: str | None) -> str | None:
        return None if value is None else web_address(value)

    @field_validator("url")
    @classmethod
    def _page(cls, value: str | None) -> str | None:
        return None if value is None else web_address(value, fragment=False)

    @model_validator(mode="after")
    def _scale(self) -> ReviewConfig:
        best, worst = self.best, self.worst
        if worst >= best:
            raise ValueError(f"worst-rating {worst} is not below best-rating {best}")
        for status in ("sourced", "mismatch", "unsourced"):
            value = self.ratings.of(status).value
            if not worst <= value <= best:
                raise ValueError(f"ratings.{status}.value {value} is outside the scale {worst} to {best}")
        return self

    @property
    def values(self) -> list[int | float]:
        return [self.ratings.of(status).value for status in ("sourced", "mismatch", "unsourced")]

    @property
    def best(self) -> int | float:
        return max(self.values) if self.best_rating is None else self.best_rating

    @property
    def worst(self) -> int | float:
        return min(self.values) if self.worst_rating is None else self.worst_rating


class ReviewSettings(BaseModel):
    """What the renderer is given: the table with the flags applied and nothing missing."""

    model_config = ConfigDict(frozen=True)

    author: str
    author_url: str | None
    url: str
    date_published: datetime.date
    drafts_url: str | None
    ratings: Ratings
    best: int | float
    worst: int | float


def review_settings(
    config: ReviewConfig,
    *,
    author: str | None = None,
    url: str | None = None,
    date_published: str | None = None,
    today: datetime.date | None = None,
) -> ReviewSettings:
    """The config's table with the flags over it; ReviewError (one line) when a flag is bad
    or the author or the page's URL is given nowhere. The date defaults to today."""
    if author is not None and not author.strip():
        raise ReviewError("--author: the name is empty")
    if url is not None:
        try:
            web_address(url, fragment=False)
        except ValueError as exc:
            raise ReviewError(f"--review-url: {exc}") from None
    published = config.date_published
    if date_published is not None:
        try:
            published = datetime.date.fromisoformat(date_published)
        except ValueError:
            raise ReviewError(f"--date-published: {date_published!r} is not a date: write it as YYYY-MM-DD") from None
    author, url = (author or config.author), (url or config.url)
    if author is None:
        raise ReviewError("--format claimreview needs the publisher: give --author NAME or author under [claimreview]")
    if url is None:
        raise ReviewError(
            "--format claimreview needs the page that publishes the reviews: give --review-url URL "
            "or url under [claimreview]"
        )
    return ReviewSettings(
        author=author.strip(),
        author_url=config.author_url,
        url=url,
        date_published=published or today or datetime.date.today(),
        drafts_url=config.drafts_url,
        ratings=config.ratings,
        best=config.best,
        worst=config.worst,
    )
