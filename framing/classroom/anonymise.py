"""Anonymising outlets: their names, short forms and domains become "Outlet A", "Outlet B" ...,
and the bylines, datelines and credits that betray them are removed."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from framing.classroom.furniture import strip_furniture

__all__ = ["SHORT_FORMS", "Anonymiser", "domain_of", "site_name"]

#: Short forms of large outlets that no rule derives from the name ("AP" from "Associated Press"
#: is two letters, too few to take from any name; "Fox" is the first word of two). Keyed by the
#: name in lower case without a leading "the"; matched as written (case-sensitive).
SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "associated press": ("AP",),
    "agence france-presse": ("AFP",),
    "agence france presse": ("AFP",),
    "fox news": ("Fox News Channel", "Fox"),
    "guardian": ("Guardian",),
    "new york times": ("NYT", "NY Times"),
    "washington post": ("WaPo",),
    "wall street journal": ("WSJ",),
    "los angeles times": ("LA Times",),
    "bloomberg news": ("Bloomberg",),
    "national public radio": ("NPR",),
}


class Anonymiser:
    """Remove bylines, datelines, promotions and photo credits
    (:func:`~framing.classroom.furniture.strip_furniture`), then replace outlet names, their
    variants and domains with labels ("Outlet A").

    For each outlet: the name (any case, spaces or hyphens between its words; a one-word name only
    as written or in capitals, so that an outlet called "Time" leaves the word "time" alone) with
    a following "Digital" ("Fox News Digital has reached out"), the name without a leading "The"
    when two or more words remain, "the" and its last word for a name of three or more words that
    starts with "The" ("the Times", "the Ledger"; the word as written), the initials of a name of
    three or more words in capitals ("NYT"), the outlet's :data:`SHORT_FORMS`, the name written as
    one word (``redledger``) with anything that makes it a domain, handle or URL, and the domain of
    each article's URL with its name part (``bbc.co.uk``, ``bbc.com``, ``BBC``). So the outlet's
    references to itself ("told CNN", "the Guardian understands") name the label.
    """

    def __init__(self, labels: dict[str, str], domains: Mapping[str, Iterable[str]] | None = None) -> None:
        self.labels = dict(labels)
        pats: list[tuple[int, str, str]] = []
        domains = domains or {}
        for name, label in self.labels.items():
            words = re.findall(r"[^\W_]+", name)
            if not words:
                continue
            variants = [words]
            if len(words) >= 3 and words[0].lower() == "the":
                variants.append(words[1:])
            for ws in variants:
                body = r"[\s\-_]*".join(re.escape(w) for w in ws)
                if len(ws) == 1:  # "Time", "Fortune": only as written (or in capitals), not the common word
                    body = f"(?-i:{re.escape(ws[0])}|{re.escape(ws[0].upper())})"
                pats.append((len(" ".join(ws)), r"(?<![\w.@/])" + body + r"(?:\s+Digital)?(?![\w-])", label))
            # short forms, matched as written: "the Times", "NYT", "AP"
            core = words[1:] if words[0].lower() == "the" else words
            shorts = list(SHORT_FORMS.get(" ".join(core).lower(), ()))
            if len(words) >= 3 and words[0].lower() == "the" and words[-1][:1].isupper():
                shorts.append(f"the {words[-1]}")
            if len(core) >= 3:
                shorts.append("".join(w[0] for w in core).upper())
            for short in shorts:
                first, rest = (r"[Tt]he\s+", short[4:]) if short.startswith("the ") else ("", short)
                body = first + r"\s+".join(re.escape(w) for w in rest.split())
                pats.append((len(short), r"(?<![\w.@/])(?-i:" + body + r")(?:\s+Digital)?(?![\w-])", label))
            # the name as one word ("redledger"), bare only when it joins two or more words
            compact = {"".join(w.lower() for w in ws): len(ws) > 1 for ws in variants}
            path = r"(?:/(?:[^\s\"'”)]*[^\s\"'”).,;:!?])?)?"
            for dom in domains.get(name, ()):
                # the article's own site (edition.cnn.com), and its name part as below (cnn)
                pats.append((200 + len(dom), r"(?<![\w.@#/])(?:https?://)?(?:www\.)?" + re.escape(dom) + path + r"(?![\w])", label))
                site = site_name(dom)
                if len(site) >= 3:
                    compact.setdefault(site, False)
                    # an acronym site name in capitals is the outlet's short name: BBC, NPR
                    pats.append((len(site), r"(?<![\w.@/])(?-i:" + re.escape(site.upper()) + r")(?![\w-])", label))
            for c, bare in compact.items():
                # a domain, URL, handle or hashtag built on the name: redledger.example, @RedLedger
                forms = [r"(?:https?://)?(?:[\w-]+\.)*" + re.escape(c) + r"(?:\.[a-z0-9-]+)+" + path, r"[@#]" + re.escape(c)]
                if bare:
                    forms.append(re.escape(c))
                pats.append((100 + len(c), r"(?<![\w.@#/])(?:" + "|".join(forms) + r")(?![\w])", label))
        pats.sort(key=lambda p: -p[0])
        self._patterns = [(re.compile(p, re.IGNORECASE), label) for _, p, label in pats]

    def __call__(self, text: str | None) -> str:
        if not text:
            return text or ""
        text = strip_furniture(text)
        for pat, label in self._patterns:
            text = pat.sub(label, text)
        return text

    def changes(self, text: str) -> bool:
        """Whether anonymising changes ``text`` (it names an outlet)."""
        return self(text) != text


def site_name(domain: str) -> str:
    """The name part of a domain: ``cnn`` for edition.cnn.com, ``bbc`` for www.bbc.co.uk."""
    parts = [p for p in domain.lower().split(".") if p and p != "www"]
    if len(parts) >= 3 and parts[-2] in ("co", "com", "org", "net", "gov", "ac", "edu"):
        return parts[-3]
    return parts[-2] if len(parts) >= 2 else (parts[0] if parts else "")


def domain_of(url: str | None) -> str | None:
    """The host of a URL, lower-cased and without ``www.`` (None without a URL)."""
    if not url:
        return None
    m = re.match(r"(?:[a-z]+://)?(?:www\.)?([^/\s:]+)", url.strip(), re.IGNORECASE)
    return m.group(1).lower() if m else None
