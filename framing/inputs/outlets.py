"""Outlet names: a readable name for a domain, and a key under which spellings of one outlet agree."""

from __future__ import annotations

import re

__all__ = ["outlet_from_domain", "outlet_key"]

#: Domains whose outlet name is not simply the capitalised domain label. Facts, not opinions.
_KNOWN_OUTLETS = {
    "cnn": "CNN",
    "bbc": "BBC",
    "nytimes": "The New York Times",
    "washingtonpost": "The Washington Post",
    "wsj": "The Wall Street Journal",
    "apnews": "Associated Press",
    "ap": "Associated Press",
    "reuters": "Reuters",
    "foxnews": "Fox News",
    "nbcnews": "NBC News",
    "cbsnews": "CBS News",
    "abcnews": "ABC News",
    "npr": "NPR",
    "theguardian": "The Guardian",
    "ft": "Financial Times",
    "bloomberg": "Bloomberg",
    "aljazeera": "Al Jazeera",
    "politico": "Politico",
    "thehill": "The Hill",
    "usatoday": "USA Today",
    "latimes": "Los Angeles Times",
    "nypost": "New York Post",
    "breitbart": "Breitbart",
    "dailymail": "Daily Mail",
    "xinhuanet": "Xinhua",
    "news.cn": "Xinhua",
    "chinadaily": "China Daily",
    "globaltimes": "Global Times",
    "rt": "RT",
    "cbc": "CBC",
    "theglobeandmail": "The Globe and Mail",
    "economist": "The Economist",
    "politsturm": "Politsturm",
    "washingtontimes": "The Washington Times",
    "csmonitor": "The Christian Science Monitor",
    "nationalreview": "National Review",
    "townhall": "Townhall",
    "vox": "Vox",
    "huffpost": "HuffPost",
    "huffingtonpost": "HuffPost",
    "msnbc": "MSNBC",
    "axios": "Axios",
}

_MULTI_SUFFIXES = ("co.uk", "org.uk", "ac.uk", "com.au", "net.au", "co.nz", "co.jp", "com.cn", "co.in", "co.za", "com.br", "com.mx")
_SUBDOMAINS = {"www", "us", "uk", "en", "edition", "m", "mobile", "amp", "news", "eu", "int", "global", "english"}


def _domain_label(host: str) -> str:
    host = host.lower().strip().strip(".")
    host = re.sub(r"^[a-z]+://", "", host).split("/")[0].split(":")[0]
    parts = host.split(".")
    for suf in _MULTI_SUFFIXES:
        if host.endswith("." + suf):
            parts = host[: -len(suf) - 1].split(".")
            break
    else:
        parts = parts[:-1] if len(parts) > 1 else parts
    parts = [p for p in parts if p not in _SUBDOMAINS] or parts
    return parts[-1] if parts else host


def outlet_from_domain(host: str) -> str:
    """A readable outlet name for a URL or domain.

    >>> outlet_from_domain("https://us.politsturm.com/2026/02/x")
    'Politsturm'
    >>> outlet_from_domain("edition.cnn.com")
    'CNN'
    """
    host_l = host.lower()
    for key, name in _KNOWN_OUTLETS.items():
        if "." in key and key in host_l:
            return name
    label = _domain_label(host)
    return _KNOWN_OUTLETS.get(label, label[:1].upper() + label[1:])


def outlet_key(name: str) -> str:
    """A key under which spellings of one outlet agree ("The Meridian Wire", "meridianwire.example").

    >>> outlet_key("The Meridian Wire") == outlet_key("Meridianwire")
    True
    """
    n = name.lower().strip()
    if re.fullmatch(r"(?:[a-z]+://)?[\w.-]+\.[a-z]{2,}(?:/\S*)?", n):
        n = _domain_label(n)
    n = re.sub(r"^the\s+", "", n)
    return re.sub(r"[^0-9a-z]+", "", n)
