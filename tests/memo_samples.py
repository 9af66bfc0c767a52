"""Hand-built Briefings for the memo tests (compose, layout, pdf): no extractor involved.

``sample()`` is the Blinken article as a careful analyst would extract it;
``long_briefing()`` a synthetic 1,400-word article with 40 items; ``sparse()`` three
short paragraphs. Every span is a verbatim slice of the text it indexes.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from briefgen.model.briefing import Briefing, Event, Item, Participant, Phrase, Quote, SourceInfo, Span, Supplied

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "source" / "blinken-beijing-2023.txt"


def _source(name: str, text: str, **kw) -> SourceInfo:
    starts, pos = [], 0
    for para in text.split("\n"):
        if para.strip():
            starts.append(pos)
        pos += len(para) + 1
    return SourceInfo(name=name, sha256=hashlib.sha256(text.encode()).hexdigest(),
                      paragraphs=len(starts), words=len(text.split()),
                      paragraph_starts=tuple(starts), **kw)


class _Finder:
    def __init__(self, text: str) -> None:
        self.text = text

    def span(self, needle: str) -> Span:
        i = self.text.find(needle)
        assert i >= 0, needle
        return Span(i, i + len(needle))

    def item(self, needle: str, label: str | None = None, score: float = 0.5,
             children: tuple[Item, ...] = ()) -> Item:
        return Item(text=label or needle, evidence=(self.span(needle),), score=score, children=children)


def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def sample(text: str | None = None) -> Briefing:
    t = text if text is not None else sample_text()
    f = _Finder(t)
    return Briefing(
        source=_source("blinken-beijing-2023.txt", t, title=t.split("\n")[0][:0] or None),
        subject="Secretary of State Antony Blinken's visit to Beijing",
        event=Event(principal="Antony Blinken", principal_role="US Secretary of State", location="Beijing",
                    kind="visit", status="ongoing"),
        # two sentences: the article's lead, then a supplied name for its opening "He"
        bottom_line=(
            Phrase("US Secretary of State Antony Blinken arrived in Beijing on Sunday morning",
                   (f.span("US Secretary of State Antony Blinken arrived in Beijing on Sunday morning"),)),
            Supplied("."),
            Supplied("Blinken", f.span("He")),
            Phrase("is the first US top diplomat to visit the Asian nation in five years",
                   (f.span("is the first US top diplomat to visit the Asian nation in five years"),)),
            Supplied("."),
        ),
        purpose=(
            f.item("high-stakes visit meant to steer relations between the United States and China back on "
                   "course after months of inflamed tensions between the two nations", score=0.9),
            f.item("to really carry forward what President Biden and President Xi agreed to in Bali at the end "
                   "of last year", score=0.8),
        ),
        participants=(
            Participant("Antony Blinken", "US Secretary of State", (f.span("Antony Blinken"),), score=1.0),
            Participant("Qin Gang", "Chinese Foreign Minister", (f.span("Qin Gang"),), score=0.9),
            Participant("Wang Yi", "director of the Chinese Communist Party Central Committee Foreign Affairs "
                        "Commission Office", (f.span("Wang Yi"),), score=0.8),
            Participant("Xi Jinping", "Chinese President", (f.span("Xi Jinping"),), score=0.8),
        ),
        agenda=(
            f.item("the fentanyl crisis", "Fentanyl crisis", 0.9, children=(
                f.item("stemming the flow of precursor chemicals from China to labs in South America",
                       "Stemming the flow of precursor chemicals from China to labs in South America", 0.6),)),
            f.item("Taiwan", score=0.8),
            f.item("the conflict in Ukraine", "Conflict in Ukraine", 0.8),
            f.item("China’s detention of American citizens", score=0.8),
            f.item("global economic stability, illicit synthetic drugs, climate, global health",
                   "Cooperation on transnational challenges: global economic stability, illicit synthetic "
                   "drugs, climate, global health"[:0] or None, 0.6),
            f.item("better lines of communication", "Better lines of communication", 0.5),
        ),
        expectations=(
            f.item("officials from both governments reportedly signaled low expectations for the Blinken visit",
                   score=0.9),
            f.item("he does not expect “a long list of deliverables.”", score=0.8),
            f.item("we’re not going to Beijing with the intent of having some sort of breakthrough or "
                   "transformation in the way that we deal with one another", score=0.7),
        ),
        context=(
            f.item("which was postponed in February after the shoot-down of what Washington called a Chinese "
                   "surveillance balloon in US airspace", score=0.8),
            f.item("He is the first US top diplomat to visit the Asian nation in five years, and the first Biden "
                   "administration official to do so", score=0.7),
            f.item("Blinken’s visit comes amid a major cooling in relations between the economic superpowers, "
                   "which American Ambassador to China Nicholas Burns described as the “lowest moment” since "
                   "then-US President Richard Nixon’s trip to China in 1972 to establish ties", score=0.7),
            f.item("Xi, for his part, hinted during his meeting with Microsoft Corp. co-founder Bill Gates on "
                   "Friday that Beijing is ready to reduce bilateral tensions", score=0.5),
        ),
        quotes=(
            Quote("What we’re working to do on this trip is to really carry forward what President Biden and "
                  "President Xi agreed to in Bali at the end of last year, which was to establish sustained, "
                  "regular lines of communication at senior levels across our governments precisely so that we "
                  "can make sure that we are communicating as clearly as possible to avoid, as best possible, "
                  "misunderstandings and miscommunications,", "Antony Blinken",
                  (f.span("What we’re working to do on this trip"),), "US Secretary of State", 0.9),
            Quote("I believe that the foundation of Sino-US relations lies in the people,", "Xi Jinping",
                  (f.span("I believe that the foundation"),), "Chinese President", 0.6),
        ),
        gaps=(),
    )


SPARSE_TEXT = ("Foreign Minister Ana Silva will visit Oslo on Tuesday.\n"
               "She will discuss fisheries with her Norwegian counterpart.\n"
               "The trip is her first abroad since taking office.")


def sparse() -> Briefing:
    t = SPARSE_TEXT
    f = _Finder(t)
    return Briefing(
        source=_source("sparse.txt", t),
        subject="Foreign Minister Ana Silva's visit to Oslo",
        event=Event(principal="Ana Silva", location="Oslo", kind="visit", status="upcoming"),
        bottom_line=(Phrase("Foreign Minister Ana Silva will visit Oslo on Tuesday",
                            (f.span("Foreign Minister Ana Silva will visit Oslo"),)),),
        participants=(Participant("Ana Silva", "Foreign Minister", (f.span("Ana Silva"),), score=1.0),),
        agenda=(f.item("fisheries", "Fisheries", 0.8),),
        context=(f.item("The trip is her first abroad since taking office", score=0.6),),
        gaps=("purpose", "expectations", "quotes"),
    )


NO_EVENT_TEXT = ("The central bank kept its benchmark rate at 4.5 percent on Thursday.\n"
                 "\"The job is not done,\" Governor Maria Okafor told reporters.\n"
                 "The bank raised rates eleven times between 2022 and 2024.")


def no_event() -> Briefing:
    """An article that reports no visit, summit or talks: the extractor leaves the event empty."""
    t = NO_EVENT_TEXT
    f = _Finder(t)
    return Briefing(
        source=_source("rates.txt", t),
        subject="The central bank holds its rate",
        event=Event(kind=None),
        context=(f.item("The bank raised rates eleven times between 2022 and 2024", score=0.6),),
        gaps=("purpose", "agenda", "participants"),
        warnings=("no visit, summit or talks found (no visit, meeting or talks named in the headline or the lead)",),
    )


_WORDS = ("delegation negotiators ministry summit cooperation tariffs security energy climate trade "
          "investment sanctions dialogue agreement framework border maritime fisheries research health "
          "infrastructure visas students pipeline grain").split()


def long_briefing(n_items: int = 40, status: str = "ongoing") -> Briefing:
    """A synthetic article of ~1,400 words whose extraction has ``n_items`` items in all."""
    paras = []
    for i in range(28):
        words = [_WORDS[(i * 7 + j * 3) % len(_WORDS)] for j in range(44)]
        paras.append(f"Paragraph {i + 1} says the " + " ".join(words) + " matter, officials said.")
    t = "\n".join(paras)
    f = _Finder(t)
    per = max(1, n_items // 6)

    def items(sec: int, k: int, kids: int = 0) -> tuple[Item, ...]:
        out = []
        for j in range(k):
            p = paras[(sec * 5 + j) % len(paras)]
            needle = p[: 60 + (j * 37) % 150].rsplit(" ", 1)[0]
            children = tuple(f.item(p[:25 + c * 3].rsplit(" ", 1)[0], score=0.1 * c) for c in range(kids))
            out.append(f.item(needle, score=round(1.0 - j * 0.07, 2), children=children))
        return tuple(out)

    quotes = tuple(Quote(paras[q][:180].rsplit(" ", 1)[0], f"Speaker {q}", (f.span(paras[q][:180].rsplit(" ", 1)[0]),),
                         "Deputy Minister", round(0.9 - q * 0.1, 2)) for q in range(per))
    return Briefing(
        source=_source("long.txt", t, title="A very long article", outlet="Wire", date="2024-05-01"),
        subject="Talks between two delegations on many matters",
        event=Event(principal="Speaker 0", location="Geneva", kind="talks", status=status),
        # paragraphs no section item comes from: the memo does not repeat its bottom line
        bottom_line=(Phrase(paras[25][:120], (f.span(paras[25][:120]),)),
                     Phrase(paras[26][:90], (f.span(paras[26][:90]),))),
        purpose=items(0, 2),
        participants=tuple(Participant(f"Person {i}", "Deputy Minister of Things", (f.span(f"Paragraph {i + 1} "),),
                                       score=1 - i / 10) for i in range(5)),
        agenda=items(1, per + 4, kids=2),
        expectations=items(2, per),
        context=items(3, per + 2),
        quotes=quotes,
    )
