"""Stage 10: freeze the state into the Briefing contract, with SourceInfo.

Reads every section field, ``article``, ``paragraphs``, ``sentences``;
sets ``briefing``.
"""
from __future__ import annotations

import re

from pathlib import PurePath

from briefgen.model.briefing import Briefing, SourceInfo
from briefgen.extract.state import State

_WORD = re.compile(r"\w+(?:['-]\w+)*")


def source_info(state: State) -> SourceInfo:
    a = state.article
    name = a.origin if a.origin.startswith("<") else PurePath(a.origin).name
    words = sum(len(_WORD.findall(state.norm[p.start:p.end])) for p in state.paragraphs)
    return SourceInfo(name=name, sha256=a.sha256, title=a.title, outlet=a.outlet, author=a.author,
                      date=a.date, url=a.url, paragraphs=len(state.paragraphs), words=words,
                      paragraph_starts=tuple(p.start for p in state.paragraphs))


def run(state: State) -> State:
    """Sets briefing."""
    b = Briefing(source=source_info(state), subject=state.subject, event=state.event,
                 bottom_line=state.bottom_line, purpose=state.purpose, agenda=state.agenda,
                 expectations=state.expectations, context=state.context,
                 participants=state.participants, quotes=state.quote_items, gaps=state.gaps,
                 warnings=tuple(state.article.warnings) + state.warnings)
    return state.replace(briefing=b)
