"""A readable plain-text outline of a Briefing (``briefgen extract --format text``)."""
from __future__ import annotations

from briefgen.model.briefing import Briefing

_SECTIONS = (("purpose", "Purpose"), ("agenda", "Agenda"), ("expectations", "Expectations"),
             ("context", "Context"))


def outline(briefing: Briefing) -> str:
    ev = briefing.event
    marks = lambda spans: " ".join(f"¶{briefing.paragraph_of(s.start)}" for s in spans[:3])  # noqa: E731
    lines = [f"Subject: {briefing.subject}"]
    status = f", {ev.status}" if ev.status else ""
    lines.append(f"Event: {ev.kind}{status}; principal {ev.principal or '?'}; "
                 f"location {ev.location or '?'}")
    for d in ev.dates:
        lines.append(f"  date: {d.text}" + (f" = {d.iso}" if d.iso else ""))
    if briefing.bottom_line:
        lines.append("Bottom line: " + " … ".join(p.text for p in briefing.bottom_line))
    if briefing.participants:
        lines.append("Participants:")
        for p in briefing.participants:
            role = f", {p.role}" if p.role else ""
            lines.append(f"  - {p.name}{role}  {marks(p.evidence)}")
    for key, label in _SECTIONS:
        items = getattr(briefing, key)
        if not items:
            continue
        lines.append(f"{label}:")
        for item in items:
            lines.append(f"  - {item.text}  {marks(item.evidence)}  (score {item.score:.2f})")
            for child in item.children:
                lines.append(f"      - {child.text}  {marks(child.evidence)}")
    if briefing.quotes:
        lines.append("Quotes:")
        for q in briefing.quotes:
            lines.append(f"  - \u201c{q.text}\u201d - {q.speaker or 'unattributed'}  {marks(q.evidence)}")
    if briefing.gaps:
        lines.append("Not stated in the source: " + ", ".join(briefing.gaps))
    src = briefing.source
    lines.append(f"Source: {src.name}, sha256 {src.sha256[:12]}, {src.paragraphs} paragraphs, "
                 f"{src.words} words")
    return "\n".join(lines) + "\n"
