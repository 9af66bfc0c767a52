"""The memo's prose, read as a chief of staff reads it: a true subject, a bottom line that is
one or two sentences, whole statements that name their people, nothing from page furniture,
and the memo's own words kept apart from the article's. Short texts of our own, plus the
sample. The checks here are independent of the rules that produce the prose (their own word
lists), so a rule that goes wrong is caught rather than agreed with."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from briefgen.compose.context import MemoOptions, compose, load_template
from briefgen.extract import extract
from briefgen.extract.summary import possessive, subject
from briefgen.model.blocks import Bullets, Para, Quotes, Section
from briefgen.model.briefing import DateMention, Event, Phrase, Span, Supplied
from briefgen.sources.read import read_article
from tests.extract.conftest import article

SAMPLE = Path(__file__).resolve().parents[2] / "source" / "blinken-beijing-2023.txt"
OPTS = MemoOptions(date=date(2026, 1, 1))

# The reader's lists, kept apart from briefgen's own.
ENDS_TORN = set("""the a an of to and or but in on at for with by from as that which who his her their its
is are was were be been has have had will would could should can may might must not this these
those between among against amid during before after including such""".split())
OPENS_UNNAMED = {"he", "she", "they", "his", "her", "their", "him", "them", "we", "our"}
FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|does|did|"
                    r"said|says|met|meets|held|holds|[a-z]+ed|arrives|visits|opens|plans|wants|hopes)\b")


def memo_lines(b) -> dict[str, list[str]]:
    """Section key -> its lines as the reader sees them (without the ¶ marks)."""
    memo = compose(b, load_template("default"), OPTS)
    out: dict[str, list[str]] = {}
    for block in memo.blocks:
        if not isinstance(block, Section):
            continue
        for part in block.body:
            entries = (part.entry,) if isinstance(part, Para) else part.entries
            for e in entries:
                text = "".join(r.text for r in e.runs if r.style != "mark").strip()
                out.setdefault(block.key, []).append(text.replace("\u00a0", " ").strip())
    return out


def check_prose(b) -> None:
    """What memo_lint and a reader strike, checked on one memo."""
    lines = memo_lines(b)
    bullets = [t for k, ts in lines.items() if k not in ("bottom_line", "quotes", "participants", "gaps",
                                                         "source_text") for t in ts]
    for t in bullets:
        words = re.findall(r"[A-Za-z’']+", t)
        assert words, t
        assert words[0].lower() not in OPENS_UNNAMED, f"unnamed pronoun opens: {t}"
        if not t.endswith("…"):
            assert words[-1].lower() not in ENDS_TORN, f"torn end: {t}"
        assert "•" not in t, t
    assert len(bullets) == len(set(bullets)), "a line said twice"
    for blf in lines.get("bottom_line", []):
        assert ";" not in blf.replace("&amp;", ""), f"a glued bottom line: {blf}"
        assert FINITE.search(blf), f"no finite verb: {blf}"
        sentences = re.split(r"(?<=[.!?\"”]) (?=[\[\"“A-Z])", blf)
        assert len(sentences) <= 2 or len(blf.split()) < 70, f"more than a two-sentence bottom line: {blf}"
        for sent in sentences:
            first = re.findall(r"[A-Za-z’']+", sent)[0].lower()
            assert first not in OPENS_UNNAMED, f"a bottom-line sentence opens on a pronoun: {sent}"
        for t in bullets:
            if len(t.split()) >= 6:
                assert t.rstrip(".…") not in blf, f"the bottom line repeats a bullet: {t}"


# --- whole memos --------------------------------------------------------------------------------

VISIT = ("Minister to visit Lima\n\n"
         "Foreign Minister Ana Ruiz will arrive in Lima on Monday for talks meant to repair ties between "
         "the two countries. Ruiz will meet President Luis Vega on Tuesday. He is expected to raise the "
         "dispute over fishing rights. They were strained last year by a quarrel over quotas. "
         "Officials expect a joint statement on fisheries at the end of the visit. "
         "Ruiz told reporters that the visit was overdue. She said the two sides would also discuss "
         "trade and migration.")


def test_sample_prose():
    check_prose(extract(read_article(SAMPLE)))


def test_synthetic_visit_prose():
    b = extract(article(VISIT))
    check_prose(b)
    lines = memo_lines(b)
    text = " ".join(t for ts in lines.values() for t in ts)
    assert "They were strained" not in text  # its antecedent is no person: the line cannot stand alone
    assert lines["bottom_line"][0].startswith("Foreign Minister Ana Ruiz will arrive in Lima on Monday")


def test_a_leading_pronoun_becomes_the_name_in_brackets_and_keeps_its_evidence():
    b = extract(article(VISIT))
    named = [it for it in b.purpose + b.expectations + b.context if it.supplied]
    assert named, "no pronoun was resolved"
    for it in named:
        sup = it.supplied[0]
        assert sup.stands_for.start == it.evidence[0].start  # it replaces the opening pronoun ...
        assert VISIT[sup.stands_for.start:sup.stands_for.end] in ("He", "She")
        assert VISIT[it.evidence[0].start:it.evidence[0].end] == it.text  # ... the span is the article's
    she = next(it for it in named if it.text.startswith("She said"))
    assert she.supplied[0].text == "Ruiz"  # the subject of the sentence before
    memo = compose(b, load_template("default"), OPTS)
    runs = [r for e in memo.entries() for r in e.runs if r.supplied]
    assert runs and all(r.text.startswith("[") and r.text.endswith("]") for r in runs)


def test_an_unsure_pronoun_gets_no_name():
    text = ("Talks in Oslo\n\nThe weather in Oslo was cold on Monday as the talks opened. "
            "He said the talks would last two days.")
    b = extract(article(text))
    assert not any(it.supplied for it in b.purpose + b.expectations + b.context)
    check_prose(b)


FURNITURE = ("Leaders meet in Seoul\n\n"
             "SEOUL, Dec. 30 (Yonhap)The leaders of the two countries met in Seoul on Monday for talks on "
             "trade, President Lee Jae-won's office said.\n\n"
             "Related: Leaders to meet next week\n\n"
             "Media playback is unsupported on your device Media caption The leaders shake hands\n\n"
             "The talks covered: • • Tariffs on steel. • Visas for students.\n\n"
             "Lee said the talks were a success. — Lee Jae-won (@leejaewon) December 30, 2025\n\n"
             "Read more: Trade talks stall")


def test_page_furniture_reaches_no_line():
    b = extract(article(FURNITURE))
    lines = memo_lines(b)
    text = " ".join(t for ts in lines.values() for t in ts)
    for junk in ("(Yonhap)", "Related", "Media caption", "•", "@leejaewon", "Read more"):
        assert junk not in text, junk
    assert not any(t.startswith("The talks covered") for ts in lines.values() for t in ts)  # a lead-in
    for it in b.purpose + b.agenda + b.expectations + b.context:  # spans stay exact
        assert all(FURNITURE[s.start:s.end] for s in it.evidence)
    check_prose(b)


# --- subject ------------------------------------------------------------------------------------

def _dates(*iso):
    return tuple(DateMention(text=d, iso=d, span=Span(i * 10, i * 10 + 5)) for i, d in enumerate(iso))


@pytest.mark.parametrize("event, kw, expected", [
    (Event("Antony Blinken", "Secretary of State", "Beijing", "visit", dates=_dates("2023-06-18", "2023-06-19")),
     {"dated": True}, "Visit of Secretary of State Antony Blinken to Beijing, 18-19 June 2023"),
    (Event("Antony Blinken", "Secretary of State", "Beijing", "visit", dates=_dates("2023-06-18")),
     {}, "Visit of Secretary of State Antony Blinken to Beijing"),  # undated article: no guessed day
    (Event("G7 finance ministers", None, "London", "other"), {}, "G7 finance ministers' meeting, London"),
    (Event("Raul Castro", None, "Vatican", "talks"), {}, "Raul Castro's talks, Vatican"),
    (Event("United Nations", None, "Geneva", "talks"), {}, "United Nations talks, Geneva"),
    (Event("India and Russia", None, None, "talks"), {}, "Talks between India and Russia"),
    # a group named by the sides it comes from: the sides
    (Event("Negotiators from Peru and Chile", None, "Lima", "trade-talks"), {},
     "Trade talks between Peru and Chile, Lima"),
    (Event("Open", None, "Havana", "visit"), {"named": False}, "Visit to Havana"),
    (Event("South American", None, "Peru", "other"), {"named": False}, "Meeting in Peru"),
    (Event(None, None, "Camp David", "summit"), {}, "Summit in Camp David"),
    (Event(), {"title": "Russia to fuel Iranian reactor"}, "Russia to fuel Iranian reactor"),
])
def test_subject(event, kw, expected):
    assert subject(event, **kw) == expected


@pytest.mark.parametrize("who, expected", [
    ("Antony Blinken", "Antony Blinken's"), ("G7 finance ministers", "G7 finance ministers'"),
    ("North Korea's", "North Korea's"), ("Wilbur Ross", "Wilbur Ross's"),
])
def test_possessive(who, expected):
    assert possessive(who) == expected


# --- bottom line --------------------------------------------------------------------------------

def test_bottom_line_is_sentences_of_the_article_or_supplied_words(stages):
    st = stages(VISIT, until="summary")
    assert st.bottom_line
    for p in st.bottom_line:
        if isinstance(p, Phrase):
            assert VISIT[p.evidence[0].start:p.evidence[0].end] == p.text
        else:
            assert isinstance(p, Supplied)


def test_bottom_line_keeps_a_coined_phrase_and_its_attribution(stages):
    st = stages("Headline\n\nPrime Minister Ola Berg arrived in Oslo on Friday. According to the Post, the "
                'leader wants to end the quarrel with a "fish for gas" agreement on quotas.', until="summary")
    texts = [p.text for p in st.bottom_line if isinstance(p, Phrase)]
    assert texts[0] == "Prime Minister Ola Berg arrived in Oslo on Friday."
    assert any('"fish for gas"' in t for t in texts)


def test_no_event_bottom_line_is_what_the_article_reports_first(stages):
    st = stages("Weather\n\nThe weather in the capital was fine on Monday. Farmers expect rain.", until="summary")
    if not (st.event.principal or st.event.location or st.event.evidence):
        assert [p.text for p in st.bottom_line if isinstance(p, Phrase)] == \
            ["The weather in the capital was fine on Monday."]


# --- section heading follows the status ---------------------------------------------------------

@pytest.mark.parametrize("status, labels", [
    ("concluded", ["OUTCOMES"]), ("upcoming", ["EXPECTATIONS"]), (None, ["EXPECTATIONS"]),
    ("ongoing", ["OUTCOMES", "EXPECTATIONS"]),
])
def test_heading_follows_status(status, labels):
    import dataclasses
    from tests import memo_samples as ms
    b = ms.sample()
    done = dataclasses.replace(b.expectations[-1], text="The two sides signed a deal on fisheries quotas")
    ahead = dataclasses.replace(b.expectations[-2], text="Officials expect a joint statement on quotas")
    b = dataclasses.replace(b, event=dataclasses.replace(b.event, status=status), expectations=(ahead, done))
    memo = compose(b, load_template("default"), OPTS)
    got = [s.label for s in memo.blocks if isinstance(s, Section) and s.label in ("OUTCOMES", "EXPECTATIONS")]
    assert got == labels


# --- the rules a line must pass, one by one -------------------------------------------------------

@pytest.mark.parametrize("line, kw, whole", [
    ("Blinken arrived in Beijing on Sunday.", {"strict": True}, True),
    ("He said the talks were useful.", {}, False),  # whom?
    ("He said the talks were useful.", {"supplied_lead": True}, True),  # [Straw] said ...
    ("high-stakes visit meant to steer relations back on course", {"phrase_ok": True}, True),
    ("high-stakes visit meant to steer relations back on course", {"strict": True}, False),
    ("postponed in February after the shoot-down", {"phrase_ok": True}, False),  # its subject torn off
    ("represents an important step toward the goal", {"phrase_ok": True}, False),
    ("Saying his country is bent on the plan", {"phrase_ok": True}, False),
    ("After his own visit with the Vatican's secretary of state", {"phrase_ok": True}, False),
    ("After the talks, Kerry flew to Rome", {"phrase_ok": True}, True),
    ("Negotiate in a", {"phrase_ok": True}, False),  # torn end
    ("European Union President Donald Tusk said that", {}, False),
    ("To establish lines of communication across our governments", {"phrase_ok": True}, False),  # speech unmarked
    ('He told reporters "we are ready to talk"', {"supplied_lead": True}, True),  # first person quoted
    ("It also called for an immediate end to violence.", {}, False),
    ("It is unclear whether the talks will resume.", {}, True),
    ("At the time, the two countries agreed to a limited opening.", {"strict": True}, False),
    ('Mr Chirac told reporters: "One can only have a balance.', {"strict": True}, False),  # torn quotation
    ("US officials met their Chinese counterparts.", {}, True),  # "US" is no pronoun
    ("Despite the long war, provided the government cooperates", {"phrase_ok": True}, False),  # no main clause
    ("Despite the long war, if the rebels agree, unless talks fail", {"phrase_ok": True}, False),
    ("Despite the long war, provided the government cooperates, the plan will go ahead",
     {"phrase_ok": True}, True),
    ("If the talks succeed, the two sides will sign a deal", {"phrase_ok": True}, True),
    ("Despite its wealth, has no plan to meet the goal", {"phrase_ok": True}, False),  # subject lost
    ("Despite its wealth, Ruritania has no plan to meet the goal", {"phrase_ok": True}, True),
    ("Of which Ruritania is a strong advocate", {"phrase_ok": True}, False),
    ("In which case the talks would end", {"phrase_ok": True}, False),
    ("Of the ten ministers, three attended", {"phrase_ok": True}, True),
    ("Both of which Ruritania would expect to be scaled down.", {"phrase_ok": True}, False),
    ("Both of the ministers attended.", {"phrase_ok": True}, True),
    ("\u201cseek to redraw borders by force and divide the free nations\u201d.", {"phrase_ok": True}, False),
    ('"We are ready," Bo Kay said.', {"phrase_ok": True}, True),
    ("What happened at the previous summit?", {"phrase_ok": True}, False),  # a subheading
    ("While Bo Kay hit out at Ruritania, in their meetings with their counterparts.", {}, False),
    ("While Bo Kay hit out at Ruritania, Ann Roe kept silent.", {}, True),
    ("Since then, successive governments have held talks.", {}, False),  # when is "then"?
    ("Since 2007, successive governments have held talks.", {}, True),
    ("To four days a week.", {"phrase_ok": True}, False),  # the tail of "from three to four ..."
    ("To strengthen supply chains between the two countries", {"phrase_ok": True}, True),  # a purpose
    ("Attracting trade barriers on its exports until it gains market status.", {"phrase_ok": True}, False),
    ("Namely Ruritania, Freedonia and Sylvania", {"phrase_ok": True}, False),
    ("With the minister also recommending an accord with the fund", {"phrase_ok": True}, False),
    ("With the minister's backing, the two sides signed an accord", {"phrase_ok": True}, True),
    ("Building on the accord, the two sides signed a treaty", {"phrase_ok": True}, True),
    ("Restoring diplomatic ties", {"phrase_ok": True, "label": True}, True),  # an agenda topic
    ("Timeline How the two leaders changed their tone What happened next?", {}, False),
    ('"Why now?" Bo Kay asked.', {}, True),  # a question someone asked is reported speech
])
def test_whole_statement_rules(line, kw, whole):
    from briefgen.extract.statements import whole_statement
    assert whole_statement(line, **kw) is whole


@pytest.mark.parametrize("text, finite", [
    ("The visit marks a shift in ties", True), ("Officials expect a deal", True),
    ("Berg plans to visit Oslo", True), ("Prime Minister Ola Berg, the visit to Oslo: agenda and notes", False),
    ("high-stakes visit meant to steer relations", False), ("The talks were held in Geneva", True),
])
def test_finite_verb(text, finite):
    from briefgen.extract.statements import has_finite_verb
    assert has_finite_verb(text) is finite


def test_crosshead_and_list_lead_in_are_no_lines():
    text = ("Summit talks\n\nLeaders of the two countries met in Oslo on Monday for talks on fishing quotas.\n\n"
            "'No substantial disagreement'\n\nThe talks covered:\n\n- Quotas for cod\n\n- Licences for boats\n\n"
            "Officials said the talks would continue in June.")
    lines = memo_lines(extract(article(text)))
    flat = [t for ts in lines.values() for t in ts]
    assert not any("No substantial disagreement" in t for t in flat)
    assert not any(t.startswith("The talks covered") for t in flat)


def test_no_name_when_the_sentence_before_has_a_second_speaker():
    text = ("Talks in Anhui\n\nSpecial envoy Yue Xiaoyong will host the meeting in Anhui on Wednesday, said "
            "Wang Wenbin, a spokesman for the foreign ministry. He also announced that a US official would "
            "attend the meeting.")
    b = extract(article(text))
    assert not any(it.supplied for it in b.purpose + b.expectations + b.context)
    check_prose(b)


@pytest.mark.parametrize("line, whole", [
    ("“It is impossible to judge how long it will take,”", False),  # cut from its attribution
    ("“A deal is close,” Kudlow told reporters.", True),
    ("“We expect a deal,” Kudlow told reporters.", False),  # read first, "We" names nobody yet
    ("“We expect a deal.”", False),  # nobody says it
    ("Officials met; they agreed; they left.", False),  # a list, not a sentence
])
def test_bottom_line_sentence_rules(line, whole):
    from briefgen.extract.statements import whole_statement
    assert whole_statement(line, strict=True) is whole


def test_a_quotation_said_by_a_pronoun_opens_no_bottom_line():
    from briefgen.extract.statements import whole_statement
    assert whole_statement('"We expect China to help," he said.', strict=True) is False
    assert whole_statement('"China must help," Westerwelle said.', strict=True) is True
    assert whole_statement('"We expect China to help," Westerwelle said.') is True  # as a bullet


@pytest.mark.parametrize("event, title, expected", [
    (Event(kind="talks", evidence=(Span(0, 5),)), "Ministers meet on fish", "Ministers meet on fish"),
    (Event(kind="talks", evidence=(Span(0, 5),)), "• • •", "Talks"),
    (Event(), None, "Untitled article"),
])
def test_subject_falls_back_to_the_headline(event, title, expected):
    assert subject(event, title) == expected


def test_a_summit_is_nobodys():
    assert subject(Event("Jack Straw", None, None, "summit"), "UK will stand firm on EU rebate") == \
        "UK will stand firm on EU rebate"


def test_a_bottom_line_opens_on_no_quoted_pronoun():
    from briefgen.extract.statements import whole_statement
    assert whole_statement('"We had always foreseen it," the secretary general said.', strict=True) is False


def test_a_principal_that_names_the_event_is_the_head():
    ev = Event("Nuclear talks between Iran and six world powers", None, "Lausanne", "talks")
    assert subject(ev) == "Nuclear talks between Iran and six world powers, Lausanne"


@pytest.mark.parametrize("text, start, stop, shown", [
    # a quotation that runs past the item's end closes with the item (the span is extended) ...
    ('Ann Roe added, "There are consequences. And we are ready." Then she left.', "Ann", "consequences.",
     'Ann Roe added, "There are consequences. And we are ready."'),
    # ... a whole quotation stays as it is ...
    ('Ann Roe said the talks were "useful." Then she left.', "Ann", '"useful."',
     'Ann Roe said the talks were "useful."'),
    # ... a span that starts inside a quotation is dropped (its opening mark is cut off) ...
    ('"We came with a will to work together," said Bo Kay. Then she left.', "with", "Kay.", None),
    # ... and so is one whose quotation does not close in its paragraph.
    ('Ann Roe added, "There are consequences.\n\nThen she left.', "Ann", "consequences.", None),
])
def test_items_hold_whole_quotations(stages, text, start, stop, shown):
    from briefgen.extract.statements import balanced
    from briefgen.model.briefing import Item, Span
    st = stages("Headline\n\n" + text, until="people")
    span = Span(st.text.index(start), st.text.index(stop) + len(stop))
    got = balanced(st, Item(text=st.text[span.start:span.end], evidence=(span,)))
    assert (got.text if got else None) == shown
    if got:
        assert got.text == st.text[got.evidence[0].start:got.evidence[0].end]


@pytest.mark.parametrize("text, first, whole", [
    ("He said the talks were useful.", "He", True),  # "[Roe] said ...": the name opens the line
    ('"He is ready," she said.', "He", True),  # after an opening quotation mark
    ("said he hoped to encourage more investors.", "he", False),  # the line still opens on "said"
])
def test_a_supplied_name_counts_as_the_opening_only_where_it_stands(text, first, whole):
    from briefgen.extract.summary import supplied_first
    from briefgen.model.briefing import Item, Span, Supplied
    at = text.index(first)
    it = Item(text=text, evidence=(Span(100, 100 + len(text)),),
              supplied=(Supplied(text="Roe", stands_for=Span(100 + at, 100 + at + len(first))),))
    assert supplied_first(it) is whole
