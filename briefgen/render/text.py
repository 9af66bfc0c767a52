"""The memo as plain text: the lines every renderer must show, and a readable tree dump.

``memo_lines`` is the reference the parity test holds the PDF and DOCX text
against, and what the Markdown/HTML writers build their lines from, so all
formats agree on wording, order and the form of the paragraph marks.
``block_tree_text`` is the golden-file view of a Memo (reviewed in diffs).
"""
from __future__ import annotations

from briefgen.model.blocks import (
    Banner, Bullets, Entry, Footer, HeaderFields, Memo, Para, Quotes, Rule, Run, Section,
)


def runs_text(runs: tuple[Run, ...]) -> str:
    return "".join(r.text for r in runs)


def entry_line(entry: Entry) -> str:
    """One entry as a single line: its runs (which end with the ¶ mark run), then,
    for quotes, one space and the attribution, as every renderer draws it."""
    text = entry.text
    if entry.attribution:
        text += " " + runs_text(entry.attribution)
    return text


def field_line(label: str, value: str) -> str:
    return f"{label}: {value}"


def _entry_lines(entry: Entry) -> list[str]:
    out = [entry_line(entry)]
    for child in entry.children:
        out.extend(_entry_lines(child))
    return out


def section_lines(section: Section) -> list[str]:
    """Entry lines of a section in reading order (children after their parent)."""
    out: list[str] = []
    for part in section.body:
        match part:
            case Para(entry=e):
                out.extend(_entry_lines(e))
            case Bullets(entries=es) | Quotes(entries=es):
                for e in es:
                    out.extend(_entry_lines(e))
            case _:
                raise TypeError(f"unknown section part {type(part).__name__}")
    return out


def is_empty(section: Section) -> bool:
    """True when fitting left the section without entries: renderers skip it."""
    return not section_lines(section)


def memo_lines(memo: Memo) -> list[str]:
    """Every line a reader sees, in order: banners, header, labels, entries, footer.

    Sections whose body is empty are skipped (renderers do not draw them).
    """
    out: list[str] = []
    for block in memo.blocks:
        match block:
            case Banner(text=t):
                out.append(t)
            case HeaderFields(title=title, fields=fields):
                out.append(title)
                out.extend(field_line(f.label, f.value) for f in fields)
            case Section(label=label) as s:
                lines = section_lines(s)
                if lines:
                    out.append(label)
                    out.extend(lines)
            case Rule():
                pass
            case Footer(lines=lines, page_label=page):
                out.extend(runs_text(line) for line in lines)
                if page:
                    out.append(page)
            case _:
                raise TypeError(f"unknown block {type(block).__name__}")
    return out


def _dump_entry(e: Entry, depth: int, out: list[str]) -> None:
    pad = "  " * depth
    tags = [f"{e.section}#{e.index}" if e.section else f"#{e.index}", f"score={e.score:.2f}"]
    if e.marks:
        tags.append("marks=" + ",".join(map(str, e.marks)))
    if not e.droppable:
        tags.append("keep")
    styled = "".join(f"<supplied>{r.text}</supplied>" if r.supplied else
                     r.text if r.style == "plain" else f"<{r.style}>{r.text}</{r.style}>"
                     for r in e.runs)
    out.append(f"{pad}- [{' '.join(tags)}] {styled}")
    if e.attribution:
        out.append(f"{pad}    by: {runs_text(e.attribution)}")
    for c in e.children:
        _dump_entry(c, depth + 1, out)


def block_tree_text(memo: Memo) -> str:
    """A readable, stable, indented dump of the block tree (for golden files)."""
    m = memo.meta
    out = [
        "memo",
        f"  title: {m.title}",
        f"  author: {m.author}",
        f"  subject: {m.subject}",
        f"  keywords: {', '.join(m.keywords)}",
        f"  language: {m.language}",
        f"  created: {m.created}",
    ]
    for block in memo.blocks:
        match block:
            case Banner(text=t, colour=c):
                out.append(f"banner {t!r}" + (f" colour={c}" if c else ""))
            case HeaderFields(title=title, fields=fields):
                out.append(f"header {title!r}")
                out.extend(f"  {f.label}: {f.value}" for f in fields)
            case Section(key=key, label=label, body=body):
                out.append(f"section {key} {label!r}")
                for part in body:
                    match part:
                        case Para(entry=e):
                            out.append("  para")
                            _dump_entry(e, 2, out)
                        case Bullets(entries=es):
                            out.append("  bullets")
                            for e in es:
                                _dump_entry(e, 2, out)
                        case Quotes(entries=es):
                            out.append("  quotes")
                            for e in es:
                                _dump_entry(e, 2, out)
                        case _:
                            raise TypeError(f"unknown section part {type(part).__name__}")
            case Rule():
                out.append("rule")
            case Footer(lines=lines, page_label=page):
                out.append("footer")
                out.extend(f"  {runs_text(line)}" for line in lines)
                out.append(f"  page: {page}")
            case _:
                raise TypeError(f"unknown block {type(block).__name__}")
    return "\n".join(out) + "\n"
