"""Stage 2: split the article into body paragraphs and sentences, offsets kept.

Reads ``text``, ``norm``, ``article.metadata_spans``; sets ``metadata``,
``dateline``, ``dateline_place``, ``dateline_date``, ``paragraphs``,
``sentences``.

Handles what wire copy throws at a naive splitter: a title on the first line,
bylines, datelines ("TOKYO, March 2 -", "SEOUL, Dec. 30 (Yonhap) --"), slugs
("(2nd LD)") and desk junk before the dateline, hard-wrapped lines with
indented paragraphs (Reuters), abbreviations ("U.S.", "Corp.", "Gen."), photo
captions and repeated paragraphs (kept once), and page furniture: "Related:" and "Read
more" lines, media captions, list bullets ("• • ..."), agency tags glued to the next word
("(Yonhap)The leaders"), tweet signatures ("— Name (@handle) December 3, 2018"). Furniture
becomes metadata, so no memo line and no name in it comes from there; spans stay exact.
"""
from __future__ import annotations

import re

from briefgen.model.briefing import Span
from briefgen.extract.lexicon import ABBREVIATIONS
from briefgen.extract.location import is_city, is_place
from briefgen.extract.state import Paragraph, Sentence, State
from briefgen.extract.wordre import LazyPattern, find_word, first_word, fold, holds_any

_INDENTED = re.compile(r"^[ \t]{2,}\S", re.M)
_BYLINE = re.compile(r"^\s*(?:By|BY|From)\s+[A-Z][^\n]{0,80}$")
_UPDATED = LazyPattern(r"^\s*(?:[-\u2022|]\s*)?(?:Updated|Published|Posted|Last updated)\s*:?[^\n]{0,60}$", re.I)
# Header fields and page furniture of saved web pages before the story: "keywords: ...",
# "authors: ...", "publish date: ...", a bare image or link in Markdown, a bullet with a date.
_HEADER_FIELD = LazyPattern(r"^\s*(?:keywords|tags|authors?|publish(?:ed)?\s+date|date|source|section)\s*:", re.I)
_MD_LINK_LINE = re.compile(r"^\s*!?\[[^\]\n]*\]\([^)\n]*\)\s*$")
_DATE_LINE = LazyPattern(r"^\s*(?:[-\u2022|]\s*)+(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}\s*-?\s*)?$")
_ISO_OR_DAY_DATE = LazyPattern(r"(?:19|20)\d\d-\d\d-\d\d|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+(?:19|20)\d\d")
_LONE_NAME = LazyPattern(r"^\s*[A-Z][a-z\u00c0-\u017f'-]+(?:\s+[A-Z][a-z\u00c0-\u017f'-]+){1,3}\s*$")
_SLUG = LazyPattern(r"\s*(?:\((?:LEAD|URGENT|\d+(?:st|nd|rd|th)\s+LD|[A-Z]+)\)\s*)+")
_TRAILER = LazyPattern(
    r"(?:\s*(?:\S+@\S+\.\w+)?\s*\((?:END|MORE|ENDS)\)\s*|\s+REUTER\s*|\s*-{2,}\s*end\s*-{2,}\s*)$", re.I)
_CREDIT = re.compile(r"^\s*[-\u2013\u2014]\s*[A-Z][^\n]{0,80}$")

_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_ORD = r"(?:st|nd|rd|th)?"  # "ABU DHABI, 13th February, 2024 (WAM) --"
_PLACE = r"[A-Z][A-Za-z.'\u00c0-\u017f-]*(?:\s+[A-Z][A-Za-z.'\u00c0-\u017f-]*){0,3}"
# "TOKYO, April 27 - ", "SEOUL, Dec. 30 (Yonhap) -- ", "CUZCO, Peru (Reuters) - ", "BEIJING - "
DATELINE = LazyPattern(
    rf"(?P<place>{_PLACE})(?:,\s*(?P<region>[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?))??"
    rf"(?:,?\s*(?P<date>{_MON}\s+\d{{1,2}}{_ORD}|\d{{1,2}}{_ORD}\s+{_MON})(?:,?\s+\d{{4}})?)?"
    r"(?:\s*\((?P<agency>[A-Za-z][A-Za-z ./]{1,20})\))?\s*(?P<dash>\.?--?)\s+(?=\S)")
# Inside wire junk only an upper-case city with a date or agency counts.
STRICT_DATELINE = LazyPattern(
    rf"(?<![A-Za-z])(?P<place>[A-Z][A-Z'-]{{2,}}(?:\s+[A-Z][A-Z'-]{{2,}})?)(?:,\s*(?P<region>[A-Z][a-z]+))?"
    rf"(?:,?\s*(?P<date>{_MON}\s+\d{{1,2}}{_ORD}|\d{{1,2}}{_ORD}\s+{_MON})(?:,?\s+\d{{4}})?)?"
    r"(?:\s*\((?P<agency>[A-Za-z][A-Za-z ./]{1,20})\))?\s*(?P<dash>\.?--?)\s+(?=\S)")

_SENT_END = re.compile(r"[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])|[.!?]+[\"')\]]*(?=\s*$)")
_NON_WORD = re.compile(r"\W+")
_INITIALISM = re.compile(r"(?:\b[A-Za-z]\.){2,}$|\b[A-Z]\.$")
_STARTERS = frozenset("""The He She It They We But In A An This That These Those Its His Her Their
Our There Some Many Most Meanwhile However Mr Mrs Ms On At As After""".split())
_CAPTION = LazyPattern(
    r"\((?:L|R|C|left|right|centre|center|front|rear)\)|\[(?:Reuters|AFP|AP|Xinhua|EPA|Getty|"
    r"Yonhap|Photo|File)[^\]]*\]|^\s*(?:Photo|Picture|File photo|Image)\s*:", re.I)
# A photo caption ends on its credit: "... on Tuesday. Photo: A. Name/Agency".
_PHOTO_CREDIT = LazyPattern(r"\b(?:Photo|Photograph|Picture|Image|Credit)s?\s*:\s*[^.:\n]{2,80}$")

# ... or on a photographer and an agency: "LUDOVIC MARIN / AFP", "(Photo by Jane Roe/AFP via Getty Images)".
_AGENCY_CREDIT = LazyPattern(r"(?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]*\s*/\s*(?:AFP|AP|Reuters|REUTERS|EPA|Getty Images|Bloomberg|"
                            r"Xinhua|XINHUA|Pool|POOL|Anadolu|Yonhap|Kyodo|SPA|WAM|TASS|Sputnik|dpa|DPA)\b[^.\n]{0,40}\)?\s*$"
                            r"|\((?:Photo|Image|Picture) by [^()\n]{3,80}\)\s*$"
                            r"|(?:REUTERS|Reuters|AFP|AP|EPA|XINHUA|Xinhua)/[\w .'-]{2,40}(?:/[\w .'-]{2,30})?\s*$")
# Page furniture: a paragraph opening on one of these is no part of the story.
_FURNITURE = LazyPattern(
    r"\s*(?:RELATED\b|Related\s*:|(?:Keywords|keywords|KEYWORDS|Tags|TAGS|Topics)\s*:|Related (?:Stories|Story|Articles?|Coverage|Content|News|Links?)\b|"
    r"(?:READ|Read) (?:MORE|[Mm]ore|[Aa]lso)\b|(?:SEE|See) [Aa]lso\b|Media playback is unsupported|"
    r"Media caption\b|Image (?:copyright|caption)\b|(?:ADVERTISEMENT|Advertisement)\s*$|"
    r"(?:Sign up|Subscribe|Click here|Follow us)\b|(?:WATCH|LISTEN|Watch|Listen)\s*:|"
    # rights lines, notices and link lists of a pasted web page
    r"(?:Copyright|COPYRIGHT)\s*(?:\u00a9|\([cC]\))?\s*(?:19|20)\d\d\b|\u00a9|All rights reserved\b|"
    r"This (?:material|article|content) may not be (?:published|reproduced)\b|Privacy (?:Notice|Policy)\b|"
    r"(?:Photo|Image|Picture|Video) (?:caption|credit)s?\s*:|(?:Also [Rr]ead|ALSO READ|Explore more on)\b|"
    r"(?:Related|More on this) (?:[Tt]opics|[Ss]tory|[Ss]tories)\b|Reuse this content\b|"
    r"This (?:article|story) (?:is|was) (?:also )?available in\b|This (?:article|story) (?:has been|was) (?:updated|corrected|amended)\b|"
    r"For (?:more|further) information\b|"
    r"(?:Key (?:points|takeaways|facts)|At a glance|In brief|Highlights|Quick read|KEY POINTS)\s*:?\s*$|Authori[sz]ed by\b|(?:Media|Press) (?:contact|enquiries|inquiries)\b|"
    r"Share (?:this|on)\b|Go deeper\s*:|Suggested [Tt]opics\b|Our Standards\s*:|"
    r"(?:Most (?:[Rr]ead|[Pp]opular|[Vv]iewed)|MOST (?:READ|POPULAR)|Trending(?: [Nn]ow)?|TRENDING|Top [Ss]tories|"
    r"Recommended|More (?:from|stories)|You (?:may|might) also like|Latest [Nn]ews)\s*:?\s*$)")
# The literal text every alternative of _FURNITURE opens with: a paragraph opening on none of
# these (most of them) is told apart by one ``str.startswith``, and the pattern is compiled only
# for a page that has furniture. Keep the two in step.
_FURNITURE_OPENINGS = (
    "RELATED", "Related", "Keywords", "keywords", "KEYWORDS", "Tags", "TAGS", "Topics", "READ ", "Read ",
    "SEE ", "See ", "Media playback", "Media caption", "Image copyright", "Image caption", "ADVERTISEMENT",
    "Advertisement", "Sign up", "Subscribe", "Click here", "Follow us", "WATCH", "LISTEN", "Watch", "Listen",
    "Copyright", "COPYRIGHT", "\u00a9", "All rights reserved", "This material ", "This article ", "This content ",
    "This story ", "Privacy ", "Photo ", "Image ", "Picture ", "Video ", "Also ", "ALSO READ", "Explore more on",
    "More on this ", "Reuse this content", "For more information", "For further information", "Key ",
    "At a glance", "In brief", "Highlights", "Quick read", "KEY POINTS", "Authorised by", "Authorized by",
    "Media ", "Press ", "Share ", "Go deeper", "Suggested ", "Our Standards", "Most ", "MOST ", "Trending",
    "TRENDING", "Top ", "Recommended", "More from", "More stories", "You may also like", "You might also like",
    "Latest ")


def _furniture_opening(norm: str, s: int, e: int) -> bool:
    """``_FURNITURE.match(norm, s, e)`` as a truth value."""
    return norm[s:e].lstrip().startswith(_FURNITURE_OPENINGS) and _FURNITURE.match(norm, s, e) is not None
# Furniture that heads a list of tags or linked headlines, each a short line of its own.
_LINK_LIST = LazyPattern(r"\s*(?:Explore more|Related|RELATED|More on this|Also [Rr]ead|ALSO READ|Read more|READ MORE|"
                        r"Tags|TAGS|Topics|Suggested [Tt]opics|Most (?:[Rr]ead|[Pp]opular|[Vv]iewed)|MOST (?:READ|POPULAR)|"
                        r"Trending|TRENDING|Top [Ss]tories|Recommended|More (?:from|stories)|You (?:may|might) also like|"
                        r"Latest [Nn]ews)\b[^.!?\n]{0,40}$")
# A credit line at the story's end: "Jane Roe in Hanoi contributed to this report.", "(Reporting by
# ...; Editing by ...)". A paragraph that is one such sentence is no part of the story.
_CONTRIBUTED = LazyPattern(r"[^.\n]{0,120}\bcontributed (?:to this (?:report|story|article)|reporting)\b[^.\n]{0,40}\.?\s*$"
                          r"|\(?(?:Additional )?(?:[Rr]eporting|Writing|Editing) by\b[^\n]{0,200}$")
# List bullets, alone or doubled, where a list was run into the paragraph.
_BULLET = LazyPattern(r"(?:\s*[•●▪◦‣∙]\s*)+|\s*[-*\u2013](?:\s+)(?=\S)(?!-)")  # at a paragraph start
_BULLET_INSIDE = LazyPattern(r"\s*(?:[•●▪◦‣∙]\s*)+")
# A news agency's tag glued to the next word: "(Yonhap)The leaders ...".
_TAG_AGENCIES = ("Yonhap", "AFP", "AP", "Reuters", "Xinhua", "EFE", "dpa", "DPA", "ANI", "PTI", "IANS", "Bernama",
                 "Kyodo", "UPI", "TASS", "IRNA", "Anadolu", "ANSA", "KCNA", "WAM", "SPA", "APA", "CNA")
_AGENCY_TAGS = tuple(f"({a})" for a in _TAG_AGENCIES)
_GLUED_AGENCY = LazyPattern(r"[^\n]{0,60}?\((?:" + "|".join(_TAG_AGENCIES) + r")\)(?=[A-Z\"“])")
# An embedded tweet's signature at a paragraph's end.
_TWEET_SIGN = LazyPattern(r"\s*(?:[—–-]{1,2}\s*)?[^\n()—–]{2,60}\(@\w{1,30}\)\s+[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*$"
                         r"|\s*pic\.twitter\.com/\w+\s*$")
# Most paragraphs and sentences have none of the marks these patterns need (a bullet, a slash, a
# bracket, "(@", "contributed", "Updated"): the checks below spare running the patterns, and compiling them.
_BULLETS = "•●▪◦‣∙"
# A live blog's time stamp opening an entry: "10:05 Macron has arrived ...", "14.20 GMT - ...".
# Furniture, like a dateline: a memo line opening on "10:05" reads as a clock, not a statement.
_CLOCK = LazyPattern(r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*(?:[ap]\.?m\.?|GMT|BST|CET|CEST|EST|EDT|ET|UTC|"
                     r"local time)\b)?\s*(?:[:\-\u2013\u2014|]\s*)?(?=[A-Z][a-z]|[\"\u201c])")
# What _CAPTION needs (case folded): a credit in brackets, a label opening the chunk, a position in brackets.
_CAPTION_BRACKETS = ("[reuters", "[afp", "[ap", "[xinhua", "[epa", "[getty", "[yonhap", "[photo", "[file")
_CAPTION_LABELS = ("photo", "picture", "file photo", "image")
_CAPTION_MARKS = ("(l)", "(r)", "(c)", "(left)", "(right)", "(centre)", "(center)", "(front)", "(rear)")
_CREDIT_WORDS = ("Photo", "Picture", "Image", "Credit")
_CONTRIBUTED_WORDS = ("contributed", "eporting by", "Writing by", "Editing by")
_HEADER_FIELDS = frozenset("keywords tags author authors publish published date source section".split())
_PHOTO_BY = ("(Photo by ", "(Image by ", "(Picture by ")


def _opens_on(norm: str, s: int, e: int, marks: str) -> bool:
    """Whether norm[s:e] opens on one of ``marks`` after any white space."""
    first = norm[s:e].lstrip()[:1]
    return first != "" and first in marks


def _header_field(chunk: str) -> re.Match | None:
    return _HEADER_FIELD.match(chunk) if first_word(chunk.lstrip()) in _HEADER_FIELDS else None


def _updated(chunk: str) -> re.Match | None:
    return _UPDATED.match(chunk) if holds_any(fold(chunk), ("updated", "published", "posted")) else None


def _slug(norm: str, s: int, e: int) -> re.Match | None:
    return _SLUG.match(norm, s, e) if _opens_on(norm, s, e, "(") else None


def _trailer(norm: str, s: int, e: int) -> re.Match | None:
    window = norm[s:e]
    marked = "(" in window or "--" in window or "reuter" in fold(window)
    return _TRAILER.search(norm, s, e) if marked else None


def _bullet(norm: str, s: int, e: int) -> re.Match | None:
    return _BULLET.match(norm, s, e) if _opens_on(norm, s, e, _BULLETS + "-*\u2013") else None


def _has_bullet(norm: str, s: int, e: int) -> bool:
    return holds_any(norm[s:e], _BULLETS)


def _glued_agency(norm: str, s: int, e: int) -> re.Match | None:
    return _GLUED_AGENCY.match(norm, s, e) if holds_any(norm[s:e], _AGENCY_TAGS) else None


def _tweet_sign(norm: str, s: int, e: int) -> re.Match | None:
    window = norm[s:e]
    return _TWEET_SIGN.search(norm, s, e) if "(@" in window or "pic.twitter.com/" in window else None


def _contributed(norm: str, s: int, e: int) -> bool:
    return holds_any(norm[s:e], _CONTRIBUTED_WORDS) and _CONTRIBUTED.match(norm, s, e) is not None


def _photo_credit(chunk: str) -> bool:
    return ":" in chunk and holds_any(chunk, _CREDIT_WORDS) and _PHOTO_CREDIT.search(chunk) is not None


def _agency_credit(norm: str, s: int, e: int) -> bool:
    window = norm[s:e]
    return ("/" in window or holds_any(window, _PHOTO_BY)) and _AGENCY_CREDIT.search(norm, s, e) is not None


def _caption(chunk: str) -> bool:
    if not ("[" in chunk or ":" in chunk or "(" in chunk):
        return False
    folded = fold(chunk)
    marked = holds_any(folded, _CAPTION_BRACKETS) or (":" in chunk and folded.lstrip().startswith(_CAPTION_LABELS)) \
        or holds_any(folded, _CAPTION_MARKS)
    return marked and _CAPTION.search(chunk) is not None


# A crosshead in quotation marks between paragraphs: "'No substantial disagreement'".
_CROSSHEAD = re.compile(r"(['\"])[^.!?'\"\n]{2,60}\1")
_LETTERS = re.compile(r"[A-Za-z\u00c0-\u017f]{2,}")


# A transcript's speaker label: "PRESIDENT RUTO:", "MR. KIRBY:", "Q:" (two labelled paragraphs at
# least make a transcript; a lone "ANALYSIS:" does not).
_SPEAKER_LABEL = LazyPattern(r"(?P<who>Q|(?:[A-Z][A-Z.'-]*\s+){0,3}[A-Z][A-Z.'-]+)\s*:\s+(?=\S)")
# A signpost of an outlet's format: "Why it matters:", "Driving the news:", "The big picture:",
# "What's next:" (two such paragraphs at least, as with speaker labels).
_SIGNPOST = LazyPattern(r"(?P<who>[A-Z][\w'\u2019]*(?:,?\s+[a-z][\w'\u2019]*){0,3})\s*:\s+(?=\S)")
# ... but "He said: ..." introduces a quotation.
_SAID = frozenset("said says added adds told wrote writes warned noted stated declared explained insisted "
                  "tweeted posted argued".split())


def _label(norm: str, s: int, e: int) -> re.Match | None:
    if ":" not in "".join(norm[s:e].split(None, 5)[:5]):
        return None  # both labels end on a colon within their first four words: most paragraphs have none
    m = _SPEAKER_LABEL.match(norm, s, e) or _SIGNPOST.match(norm, s, e)
    if m is None or m.group("who").split()[-1].lower() in _SAID:
        return None
    return m


_TRANSCRIPT_LABELS = 2
_DEK_BLOCKS = 2  # a standfirst is a block or two ...
_DEK_WORDS = 45  # ... of a sentence or two each


def _furniture(norm: str, s: int, e: int, item: bool = False) -> bool:
    """Page furniture, or nothing left of a paragraph but dates and marks ("• |", "• 13 Sep. 2018 -").
    A list item may be one word ("• Migration"), but not one with a date's digits."""
    words = len(_LETTERS.findall(norm, s, e))
    lone_item = item and words == 1 and not any(c.isdigit() for c in norm[s:e])
    return _furniture_opening(norm, s, e) or (words < 2 and not lone_item) or \
        _contributed(norm, s, e)

# A dateline run into the lead by a dash with no spaces: "NEW DELHI—The U.S. and India ...",
# "LAUSANNE, Switzerland—Nuclear talks ..." (upper-case city only, so "US-China" is no dateline).
DASH_DATELINE = LazyPattern(
    rf"(?P<place>[A-Z][A-Z'.-]{{2,}}(?:\s+[A-Z][A-Z'.-]{{2,}}){{0,2}})(?:,\s*(?P<region>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))?"
    rf"(?:,?\s*(?P<date>{_MON}\s+\d{{1,2}}))?(?:\s*\((?P<agency>[A-Za-z][A-Za-z ./]{{1,20}})\))?"
    r"(?P<dash>\s*[\u2014\u2013-]{1,2}\s*)(?=[A-Z\"\u201c])")


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def _raw_paragraphs(text: str) -> list[tuple[int, int]]:
    """Blocks of text: blank lines always split; indented lines split wrapped copy."""
    indented = len(_INDENTED.findall(text)) >= 2
    out: list[tuple[int, int]] = []
    cur: list[int] | None = None
    for s, e, line in _lines(text):
        if not line.strip():
            if cur:
                out.append((cur[0], cur[1]))
            cur = None
            continue
        new_para = (not indented) or line[:1] in (" ", "\t")
        if cur is None or new_para:
            if cur:
                out.append((cur[0], cur[1]))
            cur = [s, e]
        else:
            cur[1] = e
    if cur:
        out.append((cur[0], cur[1]))
    return [_strip(text, s, e) for s, e in out if text[s:e].strip()]


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _is_heading(norm: str, s: int, e: int, most: int = 14) -> bool:
    chunk = norm[s:e]
    words = chunk.split()
    return len(words) <= most and not re.search(r"[.!?:\"']\s*$", chunk)


# "NEW DELHI-The U.S. and India ...", "LAUSANNE, Switzerland-Nuclear talks ...": an upper-case
# city glued to the first word by a hyphen (the Wall Street Journal's style).
GLUED_DATELINE = LazyPattern(
    r"(?P<place>[A-Z][A-Z.'-]{2,}(?:\s+[A-Z][A-Z.'-]{2,}){0,2})(?:,\s*(?P<region>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))?"
    r"(?P<date>)(?P<agency>)(?P<dash>-)(?=[A-Z][a-z]|[A-Z]\.)")


# "NEW DELHI: Prime Minister ...", "RIYADH: The crown prince ...": a known place in capitals and a
# colon (South Asian and Gulf outlets); a capitalised word that is no place ("UPDATE:") is no dateline.
COLON_DATELINE = LazyPattern(
    r"(?P<place>[A-Z][A-Z.'-]{2,}(?:\s+[A-Z][A-Z.'-]{2,}){0,2})(?P<region>)(?P<date>)(?P<agency>)(?P<dash>:)\s+(?=[A-Z\"\u201c])")
# The same in a city's own case, "New Delhi: Prime Minister ...", "Islamabad: The ...": only a known
# city makes it a dateline ("Taiwan: ..." or "Update: ..." may be a label).
CITY_COLON_DATELINE = LazyPattern(
    r"(?P<place>[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){0,2})(?P<region>)(?P<date>)(?P<agency>)(?P<dash>:)\s+(?=[A-Z\"\u201c])")
# An agency named without brackets: "MOSCOW, April 5. /TASS/. ...", "TOKYO, March 16 Kyodo - ...".
_WIRE_AGENCIES = ("Kyodo", "Xinhua", "Yonhap", "AFP", "AP", "Reuters", "TASS", "Interfax", "Bernama", "Antara", "ANTARA",
                  "PTI", "ANI", "IANS", "KUNA", "WAM", "SPA", "IRNA", "Anadolu", "VNA", "PNA")
AGENCY_DATELINE = LazyPattern(
    rf"(?P<place>{_PLACE}),\s*(?P<region>)(?P<date>{_MON}\s+\d{{1,2}})(?:,?\s+\d{{4}})?"
    r"(?:\.?\s*/(?P<agency>[A-Za-z][A-Za-z-]{1,19})/\.?(?P<dash>)"
    r"|\s+(?:" + "|".join(_WIRE_AGENCIES) + r")\s*(?:--?|[\u2014\u2013]))\s+(?=\S)")


# "MALE, July 25 (PTI) Prime Minister ...": a city in capitals, a date and an agency, no dash.
BRACKET_DATELINE = LazyPattern(
    rf"(?P<place>[A-Z][A-Z.'-]{{2,}}(?:\s+[A-Z][A-Z.'-]{{2,}}){{0,2}}),\s*(?P<region>)(?P<date>{_MON}\s+\d{{1,2}})"
    r"(?:,?\s+\d{4})?\s*\((?P<agency>[A-Za-z][A-Za-z ./]{1,20})\)(?P<dash>)\s+(?=[A-Z\"\u201c])")


# What a dateline needs before its pattern is worth running (and compiling): DATELINE and
# STRICT_DATELINE end on a hyphen and a space; GLUED, BRACKET, COLON and DASH_DATELINE open on a
# city in capitals; AGENCY_DATELINE names its agency between slashes or from _WIRE_AGENCIES.
# Most paragraphs have none of these, and most articles never compile some of the patterns.
_HYPHEN_SPACE = re.compile(r"-\s")
_CAPS_START = re.compile(r"[A-Z][A-Z.'-]{2}")


# "Riyadh, Sep 11 (PTI) External Affairs Minister ...": the same in a city's own case, where a
# wire agency in brackets and a known place make it a dateline.
WIRE_BRACKET_DATELINE = LazyPattern(
    rf"(?P<place>[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){{0,2}}),\s*(?P<region>)(?P<date>{_MON}\s+\d{{1,2}})"
    r"(?:,?\s+\d{4})?\s*\((?P<agency>" + "|".join(_WIRE_AGENCIES) + r")\)(?P<dash>)\s+(?=[A-Z\"\u201c])")
_BRACKETED_AGENCIES = tuple(f"({a})" for a in _WIRE_AGENCIES)


def _agency_bracketed(head: str) -> bool:
    return holds_any(head, _BRACKETED_AGENCIES)


def _agency_named(head: str) -> bool:
    return "/" in head or holds_any(head, _WIRE_AGENCIES)


def _dateline_shape(head: str) -> bool:
    """Whether DATELINE can match at the start of ``head``, read in one pass without compiling it:
    a capital first; up to a hyphen before a space, only characters DATELINE holds (letters, digits,
    spaces, ".,'-()/"), and, outside brackets, every word after a space opening on a capital, a
    digit, "(" or the hyphen. A paragraph with a dash further on ("... challenges - global ...")
    stops at its first word in small letters."""
    if not ("A" <= head[:1] <= "Z"):
        return False
    bracket = after_space = False
    for i, ch in enumerate(head):
        if ch.isspace():
            after_space = True
            continue
        if after_space and not bracket and not ("A" <= ch <= "Z" or ch.isdecimal() or ch in "(-"):
            return False
        after_space = False
        if ch == "-" and head[i + 1:i + 2].isspace():
            return True
        if ch == "(":
            bracket = True
        elif ch == ")":
            bracket = False
        elif not ((ch.isascii() and (ch.isalpha() or ch in ".,'-/")) or "\u00c0" <= ch <= "\u017f"
                  or ch.isdecimal()):
            return False
    return False


def _named_again(norm: str, m: re.Match, s: int, e: int) -> bool:
    """"JEDDAH: ... received the minister in Jeddah": a place the lexicon does not know is a
    dateline when its paragraph names it again in its own case (a label, "UPDATE:", is not)."""
    place = m.group("place").title()
    return find_word(norm[s + m.end():e], place) >= 0


def find_dateline(norm: str, s: int, e: int, *, anywhere: bool = False) -> re.Match | None:
    """A dateline at the paragraph start (or, for wire junk, anywhere in its head)."""
    head = norm[s:min(e, s + 400)]
    hyphen = _HYPHEN_SPACE.search(head) is not None
    if not anywhere:
        m = DATELINE.match(head) if hyphen and _dateline_shape(head) else None
        if m and _dateline_ok(m):
            return m
        caps = _CAPS_START.match(head) is not None
        g = GLUED_DATELINE.match(head) if caps else None
        if g and not g.group("place").endswith("-"):
            return g
        b = BRACKET_DATELINE.match(head) if caps else None
        if b:
            return b
        b = WIRE_BRACKET_DATELINE.match(head) if not caps and _agency_bracketed(head[:60]) else None
        if b and is_place(b.group("place")):
            return b
        c = COLON_DATELINE.match(head) if caps else None
        if c and (is_place(c.group("place")) or _named_again(norm, c, s, e)):
            return c
        c = CITY_COLON_DATELINE.match(head) if not caps and ":" in head[:30] else None
        if c and is_city(c.group("place")):
            return c
        return AGENCY_DATELINE.match(head) if _agency_named(head) else None
    if not hyphen:
        return None
    for m in STRICT_DATELINE.finditer(head):
        if m.group("date") or m.group("agency"):
            return m
    return None


def _dateline_ok(m: re.Match, strict: bool = False) -> bool:
    place = m.group("place")
    upper = place.isupper() and len(place.replace(".", "")) >= 3
    signals = bool(m.group("date")) + bool(m.group("agency")) + upper
    if strict:
        return upper and (m.group("date") is not None or m.group("agency") is not None)
    if m.group("dash") == "-" and not (m.group("date") or m.group("agency")) and not upper:
        return False
    return signals >= 1 and len(place.split()) <= 4


def _place_suffix(place: str) -> str:
    """Desk junk run into an upper-case dateline ("FTA SEOUL") leaves the known place at its end."""
    words = place.split()
    if len(words) > 1 and not is_place(place):
        for k in range(1, len(words)):
            if is_place(" ".join(words[k:])):
                return " ".join(words[k:])
    return place


_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"
_PULL_QUOTE_WORDS = 40


def _drop_pull_quotes(norm: str, paragraphs: list[tuple[int, int]], meta: list[Span]) -> list[tuple[int, int]]:
    """A paragraph that is nothing but a quotation repeated from another paragraph is a pull
    quote (page design): it goes to metadata, so the quotation is briefed once, where it is said."""
    keys = [" " + _NON_WORD.sub(" ", norm[s:e]).strip().lower() + " " for s, e in paragraphs]
    out = []
    for k, (s, e) in enumerate(paragraphs):
        chunk = norm[s:e].rstrip(".!?,;: ")
        pulled = (len(chunk) > 2 and chunk[0] in _QUOTE_MARKS and chunk[-1] in _QUOTE_MARKS
                  and len(chunk.split()) <= _PULL_QUOTE_WORDS
                  and any(keys[k] in other for j, other in enumerate(keys) if j != k))
        if pulled:
            meta.append(Span(s, e))
        else:
            out.append((s, e))
    return out


def split_sentences(norm: str, s: int, e: int) -> list[tuple[int, int]]:
    """Sentence ranges inside [s, e); periods after abbreviations and initials do not end one."""
    out: list[tuple[int, int]] = []
    if _has_bullet(norm, s, e) and _BULLET_INSIDE.search(norm, s, e):
        # a list run into the paragraph: each bullet starts a sentence, the marks belong to none
        at = s
        for m in _BULLET_INSIDE.finditer(norm, s, e):
            if m.start() > at:
                out += split_sentences(norm, at, m.start())
            at = m.end()
        if at < e:
            out += split_sentences(norm, at, e)
        return [x for x in out if x[1] > x[0]]
    start = s
    chunk = norm[s:e]
    for m in _SENT_END.finditer(chunk):
        end = s + m.end()
        if m.group().startswith(".") and m.group().rstrip("\"')]") == ".":
            before = norm[start:s + m.start()]
            word = re.search(r"[\w.]+$", before)
            w = (word.group() if word else "") + "."
            nxt = re.match(r"\s*[\"'(\[]?(\w+)", norm[end:e])
            nxt_word = nxt.group(1) if nxt else ""
            if w[:-1].lower() in ABBREVIATIONS:
                continue
            if _INITIALISM.search(w) and nxt_word not in _STARTERS:
                continue
        if norm[start:end].strip():
            out.append(_strip(norm, start, end))
        start = end
    if norm[start:e].strip():
        out.append(_strip(norm, start, e))
    return out


def run(state: State) -> State:
    """Sets metadata, dateline*, paragraphs, sentences."""
    norm = state.norm
    meta: list[Span] = list(state.article.metadata_spans)
    blocks = _raw_paragraphs(norm)

    def covered(s: int, e: int) -> bool:
        return any(m.start <= s and e <= m.end for m in meta)

    # Title: first block when it reads as a headline (no closing punctuation, short).
    if blocks and not any(m.start <= blocks[0][0] < m.end for m in meta):
        s, e = blocks[0]
        first_line_end = norm.find("\n", s)
        if first_line_end == -1 or first_line_end > e:
            first_line_end = e
        if len(blocks) > 1 and _is_heading(norm, s, first_line_end, 30):
            meta.append(Span(s, first_line_end))
            if first_line_end < e:
                blocks[0] = _strip(norm, first_line_end, e)
    # Bylines, "Updated:" lines, lone author names before the lead.
    kept = []
    header_date = None

    def standfirst() -> None:
        """Short blocks between the title and a byline or date stamp are the standfirst ("The
        premier wants relief from tariffs. Trump wants more defense spending."), not the story."""
        if 0 < len(kept) <= _DEK_BLOCKS and all(len(norm[a:b].split()) <= _DEK_WORDS for a, b in kept) and \
                find_dateline(norm, *kept[0]) is None:
            meta.extend(Span(a, b) for a, b in kept)
            kept.clear()

    for i, (s, e) in enumerate(blocks):
        chunk = norm[s:e]
        if covered(s, e):
            if 0 < i < _DEK_BLOCKS + 3:
                standfirst()
            continue
        header = not kept and i < 12 and (_header_field(chunk) or _MD_LINK_LINE.match(chunk)
                                          or (_opens_on(chunk, 0, len(chunk), "-\u2022|") and _DATE_LINE.match(chunk)))
        if header or (i < 4 and (_BYLINE.match(chunk) or _updated(chunk) or
                                 (i < 2 and len(chunk.split()) <= 3 and _LONE_NAME.match(chunk)))):
            standfirst()
            meta.append(Span(s, e))
            d = _ISO_OR_DAY_DATE.search(norm, s, e)
            if d and header_date is None:
                header_date = Span(d.start(), d.end())  # the page's own date: the anchor of time
            continue
        kept.append((s, e))
    blocks = kept

    dateline = None
    place = None
    dl_date = None
    paragraphs: list[tuple[int, int]] = []
    questions: set[int] = set()  # a reporter's question in a transcript: no statement to brief
    transcript = sum(1 for s, e in blocks if _label(norm, s, e)) >= _TRANSCRIPT_LABELS
    link_list = False  # after "Explore more on these topics", "Related Topics": tags and links
    seen: set[str] = set()
    for i, (s, e) in enumerate(blocks):
        # Wire junk before the dateline in the first body blocks ("(2nd LD) ... SEOUL, Dec. 30 (Yonhap) --").
        m = find_dateline(norm, s, e) if dateline is None else None
        if m is None and dateline is None and i < 3:
            m = find_dateline(norm, s, e, anywhere=True)
        if m is None and dateline is None and i < 3:
            head = norm[s:min(e, s + 120)]
            m = DASH_DATELINE.match(head) if _CAPS_START.match(head) else None
            if m and not any(c in "\u2014\u2013 " for c in state.text[s + m.start("dash"):s + m.end("dash")]):
                m = None  # a hyphen ("NATO-Russia") joins words; only a dash ends a dateline
        if m is not None and dateline is None:
            if m.start() > 0:
                meta.append(Span(s, s + m.start()))
            dateline = Span(s + m.start(), s + m.end())
            meta.append(dateline)
            place = _place_suffix(m.group("place").strip())
            if m.group("date"):
                dl_date = Span(s + m.start("date"), s + m.end("date"))
            s = s + m.end()
        else:
            slug = _slug(norm, s, e)
            if slug and slug.end() > s:
                meta.append(Span(s, slug.end()))
                s = slug.end()
        clock = _CLOCK.match(norm, s, e) if norm[s:s + 1].isdigit() else None
        if clock:
            meta.append(Span(s, clock.end()))
            s = clock.end()
        bullet = _bullet(norm, s, e)
        item = bool(bullet and bullet.end() > s and bullet.group().strip())
        if item:
            meta.append(Span(s, bullet.end()))
            s = bullet.end()
        glued = _glued_agency(norm, s, e)
        if glued:
            meta.append(Span(s, glued.end()))
            s = glued.end()
        tweet = _tweet_sign(norm, max(s, e - 120), e)
        if tweet and tweet.start() > s:
            meta.append(Span(tweet.start(), e))
            e = _strip(norm, s, tweet.start())[1]
        if s < e and (_furniture(norm, s, e, item) or _updated(norm[s:e])):
            meta.append(Span(s, e))
            link_list = link_list or bool(_LINK_LIST.match(norm, s, e))
            continue
        if link_list and _is_heading(norm, s, e):
            meta.append(Span(s, e))  # a tag or a linked headline under "Related Topics"
            continue
        link_list = False
        label = _label(norm, s, e) if transcript else None
        if label and not is_place(label.group("who")):
            meta.append(Span(s, s + len(label.group().rstrip())))  # "PRESIDENT RUTO: Thank you ..."
            if label.group("who") in ("Q", "QUESTION"):
                questions.add(len(paragraphs))
            s = label.end()
        tm = _trailer(norm, max(s, e - 60), e)
        if tm and tm.start() < e:
            if tm.start() > s:
                meta.append(Span(tm.start(), e))
            e = _strip(norm, s, tm.start())[1]
        if e <= s:
            continue
        # A repeated paragraph (a lead repeated with a dateline, a pasted duplicate) is kept once;
        # the key is taken after the dateline is cut, so the two copies compare equal.
        key = _NON_WORD.sub(" ", norm[s:e]).strip().lower()
        if key in seen:
            meta.append(Span(s, e))
            continue
        seen.add(key)
        paragraphs.append((s, e))

    paragraphs = _drop_pull_quotes(norm, paragraphs, meta)
    paras: list[Paragraph] = []
    sents: list[Sentence] = []
    for pi, (s, e) in enumerate(paragraphs):
        paras.append(Paragraph(s, e, pi))
        heading = (pi in questions or _is_heading(norm, s, e) or bool(_CREDIT.match(norm[s:e])) or bool(_CROSSHEAD.fullmatch(norm, s, e))
                   or _photo_credit(norm[s:e]) or _agency_credit(norm, max(s, e - 120), e))
        for ss, se in split_sentences(norm, s, e):
            cap = heading or _caption(norm[ss:se])
            sents.append(Sentence(ss, se, pi, len(sents), caption=cap))
    meta.sort()
    if place and place.isupper():
        place = place.title()
    return state.replace(metadata=tuple(meta), dateline=dateline, dateline_place=place,
                         dateline_date=dl_date or header_date, paragraphs=tuple(paras), sentences=tuple(sents))
