"""How inputs are read: :class:`LoadOptions`, the one definition of the loading options.

``framing.load(paths, **options)``, :func:`~framing.inputs.loader.iter_load`, the run engine and
the ``--outlet``, ``--date``, ``--text-col``, ``--max-article-mb`` and ``--no-clean`` options of
the command line all come from the fields below: each field carries its help text (and, where it
differs from the field name, its command-line flag) in its metadata.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from typing import Any

from framing.errors import InputError, OptionError
from framing.inputs.dates import parse_date

__all__ = ["LoadOptions"]


def _option(default: Any, help: str, *, flag: str | None = None, metavar: str | None = None) -> Any:
    """A field of :class:`LoadOptions` with its help text, and its command-line flag and metavar
    when they are not derived from the name (``text_col`` is ``--text-col``; a ``True`` switch
    ``clean`` is ``--no-clean``, whose help then says what turning it off does)."""
    return field(default=default, metadata={"help": help, "flag": flag, "metavar": metavar})


@dataclass(frozen=True, kw_only=True)
class LoadOptions:
    """Settings for reading inputs (the keyword options of ``framing.load`` and ``iter_load``)."""

    outlet: str | None = _option(None, "set the outlet of every article (overrides what the pages say)")
    published: str | None = _option(None, "set the publication date of every article (YYYY-MM-DD)", flag="--date", metavar="DATE")
    text_col: str | None = _option(
        None, "field/column holding the text in JSON, JSONL and CSV inputs (default: text, body, content ...)", metavar="NAME"
    )
    max_article_mb: float = _option(
        1.0,
        "longest article text analysed, in MB: a 0.5 MB text (90,000 words, ten times the longest news article in "
        "Article-Bias-Prediction) took 18 s and 133 MB, and time and memory grow in proportion; an HTML page may be "
        "ten times as large, a JSONL line or CSV row twice plus 64 kB",
        metavar="MB",
    )
    clean: bool = _option(True, "take texts as they are: no debris removal or metadata recovery")

    def __post_init__(self) -> None:
        if self.published and not parse_date(self.published):
            raise InputError(f"published={self.published!r} is not a date this tool understands (use YYYY-MM-DD)")

    @property
    def max_bytes(self) -> int:
        return int(self.max_article_mb * 1024 * 1024)

    @property
    def max_record_bytes(self) -> int:
        """The longest JSONL line or CSV row read: twice :attr:`max_bytes` (room for JSON escapes and
        the other fields of the record) plus 64 kB. A longer one is skipped in bounded chunks and
        reported as too large, so one huge line cannot exhaust memory."""
        return 2 * self.max_bytes + (64 << 10)

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """The option names, in order."""
        return tuple(f.name for f in fields(cls))

    @classmethod
    def from_kwargs(cls, options: Mapping[str, Any]) -> LoadOptions:
        """The options given as keyword arguments; an unknown name is an :class:`OptionError`
        that lists the known ones.

        >>> LoadOptions.from_kwargs({"outlet": "The Daily Example"}).outlet
        'The Daily Example'
        >>> LoadOptions.from_kwargs({"source": "x"})
        Traceback (most recent call last):
        ...
        framing.errors.OptionError: unknown load option 'source'; the options are: outlet, published, text_col, max_article_mb, clean
        """
        unknown = [name for name in options if name not in cls.names()]
        if unknown:
            raise OptionError(
                f"unknown load option{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
                f"the options are: {', '.join(cls.names())}"
            )
        return cls(**options)


def _describe() -> str:
    """The fields of :class:`LoadOptions` with their defaults and help, for its docstring."""
    lines = []
    for f in fields(LoadOptions):
        default = None if f.default is MISSING else f.default
        what = f.metadata["help"]
        if isinstance(default, bool) and default:
            what = f"``{f.name}=False``: {what}"
        lines.append(f"``{f.name}`` (default ``{default!r}``)\n    {what}")
    return "\n".join(lines)


LoadOptions.__doc__ = f"{LoadOptions.__doc__}\n\n{_describe()}\n"
