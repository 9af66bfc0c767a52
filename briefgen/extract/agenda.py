"""Stage 7: agenda topics, one item per issue, labels trimmed from the source.

Reads ``norm``, ``text``, ``sentences``, ``candidates``; sets ``agenda``.

Looks for a topic cue ("discuss", "raise", "on the agenda", "focus on",
"topics include", "talks on", "issues including", "such as") and takes what
follows: a coordination "A, B, C and D" becomes four items, a dash list
"- A, B, C -" becomes items too, and each label is trimmed of determiners and
trailing clauses ("the conflict in Ukraine" -> "conflict in Ukraine").
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Item, Span
from .lexicon import CITIES, COUNTRIES
from .state import State

_GROUP_BEFORE = re.compile(r"(?:countries|nations|states|members|leaders|companies|firms|groups|"
                           r"governments|cities|namely)\W*$", re.I)


def _is_place_list(norm: str, parts: list[tuple[int, int]]) -> bool:
    """"Senegal, Malaysia, Italy and France": members of a group, not topics."""
    places = sum(1 for a, b in parts
                 if re.sub(r"^(?:the|and)\s+", "", norm[a:b].strip(), flags=re.I).lower() in COUNTRIES | CITIES)
    return len(parts) >= 2 and places * 2 >= len(parts)

_TRIGGER = re.compile(
    r"\b(?:including|such as|ranging from|range from|on the agenda (?:are|is|were|was)|"
    r"(?:topics?|issues?|agenda) (?:will |would )?(?:include|includes|included|are|were|range from)|"
    r"(?:to |will |would )?discuss(?:ed|es|ing)?(?: \w+ly)?|discussions? (?:on|of|about)|"
    r"talks (?:on|about|covering)|negotiations (?:on|over)|raise[sd]?|raising|focus(?:ed|es|ing)? on|"
    r"focus will be on|concerns? (?:about|over|on)|to address|addressed|cover(?:ing|ed)?|dominate|"
    r"centred on|centered on|issues? of|question of|deals? (?:on|in)|cooperation (?:in|on)|"
    r"ways to|agreed to|agreed on)\s+", re.I)
_DASH_LIST = re.compile(r"\s-{1,2}\s(?P<body>[^-\n]{8,200}?)\s-{1,2}\s")
_STOP_AT = re.compile(
    r"\s+(?:which|where|that|who|when|while|because|as well as the|so that|in order|to (?:the|a)\s+|"
    r"with the\b|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"(?:last|next|this) (?:week|month|year)|according|said|says)\b|[.;:\"()]|\s-{1,2}\s")
_LEAD_TRIM = re.compile(r"(?:the|a|an|its|their|his|her|our|some|such|ways to|how to|both|"
                        r"bilateral issues such as|issues such as|also|further|more|other|various|"
                        r"several|new|possible|greater)\s+", re.I)
_SPLIT = re.compile(r",\s+and\s+|,\s+or\s+|,\s+|\s+and\s+|\s+or\s+|\s+as well as\s+|\s+to\s+(?=such\s)")
_MAX_WORDS = 7
_WEAK = re.compile(r"^(?:it|this|that|them|they|things?|ways?|matters?|issues?|a range|range|"
                   r"relations|ties|the issue|other issues|each other|one another|anything|"
                   r"something|reporters|officials?|him|her|us|we)$", re.I)


def _trim(norm: str, s: int, e: int) -> tuple[int, int] | None:
    m = _STOP_AT.search(norm, s, e)
    if m:
        e = m.start()
    while True:
        lm = _LEAD_TRIM.match(norm, s, e)
        if not lm:
            break
        s = lm.end()
    while e > s and (norm[e - 1] in " ,.;:'\"" or norm[e - 1].isspace()):
        e -= 1
    while s < e and (norm[s] in " ,.;:'\"" or norm[s].isspace()):
        s += 1
    words = norm[s:e].split()
    if not words or len(words) > _MAX_WORDS or _WEAK.match(norm[s:e]) or _VAGUE.search(norm[s:e]):
        return None
    if not any(len(w) > 3 for w in words):
        return None
    return s, e


def _split_list(norm: str, s: int, e: int) -> list[tuple[int, int]]:
    """Items of a coordination in [s, e)."""
    out = []
    pos = s
    for m in _SPLIT.finditer(norm, s, e):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, e))
    return out


_SUBLIST = re.compile(r",?\s+(?:including|such as|ranging from|notably|especially)\s")
_VAGUE = re.compile(r"\b(?:range|number|variety|series|host|list) of\b|^(?:issues|concerns|matters|topics)$", re.I)


def _list_end(norm: str, s: int, limit: int) -> int:
    """End of the coordination: a clause break, or where a nested list starts."""
    m = _STOP_AT.search(norm, s, limit)
    end = m.start() if m else limit
    sub = _SUBLIST.search(norm, s, end)
    return sub.start() if sub else end


def run(state: State) -> State:
    """Sets agenda."""
    norm, text = state.norm, state.text
    items: list[tuple[float, int, int, int]] = []  # (score, start, end, sentence)
    seen: set[str] = set()

    def add(s: int, e: int, sent: int, w: float) -> None:
        t = _trim(norm, s, e)
        if t is None:
            return
        key = re.sub(r"\W+", " ", norm[t[0]:t[1]].lower()).strip()
        if key in seen:
            return
        seen.add(key)
        items.append((w, t[0], t[1], sent))

    body = [s for s in state.sentences if not s.caption]
    n = max(len(body), 1)
    for rank, sent in enumerate(body):
        position = 1.0 - 0.4 * rank / n
        for m in _TRIGGER.finditer(norm, sent.start, sent.end):
            if norm.count('"', sent.start, m.start()) % 2 and m.group().lower().startswith(("raise", "cover")):
                continue
            if _GROUP_BEFORE.search(norm, max(sent.start, m.start() - 25), m.start()):
                continue
            end = _list_end(norm, m.end(), sent.end)
            parts = _split_list(norm, m.end(), end)
            if _is_place_list(norm, parts):
                continue
            trig = m.group().lower()
            strong = any(k in trig for k in ("including", "such as", "agenda", "topic", "discuss",
                                             "focus", "raise", "talks", "range", "issues"))
            w = (0.9 if strong else 0.6) * position
            if len(parts) > 1:
                w += 0.1
            for a, b in parts[:8]:
                add(a, b, sent.index, w)
        for m in _DASH_LIST.finditer(norm, sent.start, sent.end):
            body_s = m.start("body")
            parts = _split_list(norm, body_s, m.end("body"))
            if len(parts) >= 2 and not _is_place_list(norm, parts):
                for a, b in parts[:8]:
                    add(a, b, sent.index, 0.8 * position)
    out = tuple(Item(text=text[s:e], evidence=(Span(s, e),), score=round(min(w, 1.0), 3))
                for w, s, e, _ in sorted(items, key=lambda x: x[1]))
    return replace(state, agenda=out)
