"""The extraction pipeline: the ordered list of stages, and ``extract``.

Every stage is a pure function ``run(State) -> State`` in its own module; its
docstring names the fields it reads and sets. The order lives here only.
"""
from __future__ import annotations

from datetime import date
from typing import Callable

from briefgen.model.briefing import Briefing
from briefgen.model.article import Article
from briefgen.extract import (agenda, assemble, classify, event, marks, narrow, normalize, participants, people,
                              quotes, rank, segment, statements, summary)
from briefgen.extract.state import State

Stage = Callable[[State], State]

STAGES: tuple[tuple[str, Stage], ...] = (
    ("normalize", normalize.run),
    ("segment", segment.run),
    ("marks", marks.run),
    ("people", people.run),
    ("quotes", quotes.run),
    ("event", event.run),
    ("participants", participants.run),
    ("classify", classify.run),
    ("agenda", agenda.run),
    ("rank", rank.run),
    ("narrow", narrow.run),
    ("statements", statements.run),
    ("summary", summary.run),
    ("assemble", assemble.run),
)


def run_stages(article: Article, *, today: date | None = None, until: str | None = None,
               model: object | None = None) -> State:
    """Run the stages in order (up to and including ``until``); for tests and debugging.
    ``model`` replaces the shipped ranker weights (training and leave-one-group-out runs)."""
    state = State(article=article, today=today, model=model)
    for name, stage in STAGES:
        state = stage(state)
        if name == until:
            break
    return state


def extract(article: Article, *, today: date | None = None, model: object | None = None) -> Briefing:
    """Article -> Briefing. Pure and deterministic: no I/O (the ranker's weights are read once,
    as package data), no globals touched."""
    state = run_stages(article, today=today, model=model)
    assert state.briefing is not None
    return state.briefing
