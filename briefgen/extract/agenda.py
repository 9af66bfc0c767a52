"""Stage 7: agenda topics, one item per issue, labels trimmed from the source.

Reads ``norm``, ``text``, ``sentences``, ``mentions``, ``event``; sets ``agenda``.

Looks for a topic cue and takes the noun phrase it governs:

* after the cue: "discuss", "raise", "on the agenda are", "focus on",
  "topics include", "talks/meeting/deal/agreement on", "issues including",
  "such (bilateral) issues as", "co-operation in", "press X to/for",
  "ask X to", "demanded", "concerning";
* before the cue: "climate change was discussed", "Taiwan is on the agenda", "X and Y are
  likely topics on the agenda", "X topped the agenda", "the rebate is not up for renegotiation";
* readout frames: "exchanged views on", "the sticking points were", "singling out" (after a
  cue), "when it comes to", "On Taiwan, he laid out ...", "Among the issues on the table are",
  "Topping the agenda will be", "one of the priorities ... will be", "dominated by", "a
  dialogue/deal covering".

Senses that name no topic are skipped ("raised $5 million", "raised the prospect of war", "no
discussion of", "address Parliament"), and an article that reports no visit or talks gets none.

A coordination "A, B, C and D" becomes four items, "ranging from A to B"
two, a dash list "- A, B, C -" after a cue several. Each label is trimmed of
determiners, reporting tails (", Mr X said") and trailing clauses, and cut at
a preposition when too long ("accelerate follow-up negotiations for the
second phase of ..." -> "accelerate follow-up negotiations"; a name run counts as one word).
Frame nouns go ("the touchy subject of X", "concerns about X", "the opportunity to chart X").
Labels that are a person or a group of people, a date, a prepositional phrase, a clause (a name
or pronoun as subject, a verb that is never a noun, an unpaired quotation mark), or a bare place
after a list trigger ("states such as A, B") are dropped.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from briefgen.model.briefing import Item, Span
from briefgen.extract.cues import lower
from briefgen.extract.lexicon import ABBREVIATIONS, CITIES, COUNTRIES, MONTHS, REPORTING_VERBS, TITLE_HEADS
from briefgen.extract.location import is_place
from briefgen.extract.state import State
from briefgen.extract.wordre import LazyPattern, Phrases, first_word, fold, holds_any

# What follows "address" when it means speaking to people: a named body or an audience.
# ("the Indian diaspora", "both houses of parliament"; not "the community's concerns"). Capitals
# before a gathering are its name, whose topic may follow: "addressed the Arab Summit on X".
_AUDIENCE = LazyPattern(r"(?:(?:the |a |an |both )?(?:(?-i:[A-Z])[\w-]* ){0,2}(?:nation|reporters|journalists|lawmakers|"
                       r"legislators|students|crowd|delegates|troops|supporters|audience|diaspora|community|houses|"
                       r"business leaders|executives|graduates|workers)\b(?!['\u2019])|"
                       r"(?:the |a |an )?(?:joint |special |plenary )?(?:rally|session|assembly|summit|conference|forum|"
                       r"gathering|parliament|congress|meeting|news conference|press conference|dinner|banquet|"
                       r"luncheon)\b)", re.I)
_NEGATED = re.compile(r"\b(?:no|not|n't|never|declined(?: to)?|refused(?: to)?)\s+(?:[a-z]+\s+)?$")
_AS_BEFORE = re.compile(r"\bas $")
_MONEY = "$\u00a3\u20ac\u00a5"  # a currency sign (or a digit) after "raised": funds, not a topic
# After "raise", what an event stirs up rather than a topic put on the table.
_CAUSED = LazyPattern(r"(?:the |new |fresh |serious )?(?:prospects?|possibility|spectre|specter|risks?|fears?|hopes?|"
                     r"likelihood|stakes|alarm|eyebrows|questions|doubts|concerns? (?:in|among|that|for)\b|"
                     r"tensions?|expectations|"
                     # "raised her glass", "raise its profile", "raise taxes": no topic put on the table
                     r"(?:(?:his|her|their|its|a|the) )?(?:glass(?:es)?|hands?|voice|flag|money|funds|cash|profile|"
                     r"prices|rates|taxes|toast|bar|capital|ceiling|game|children|family)\b)")
# A topic fronted in a readout: "On Taiwan, he laid out ...", "On trade, the two agreed ...".
_FRONTED = re.compile(r"On ([^,.;:\"]{2,40}?),\s")
# ... but not a time, an occasion or a manner: "On Monday,", "On the sidelines of ...,", "On arrival,".
_FRONT_NOT = LazyPattern(r"(?:the )?(?:sidelines|eve|occasion|other hand|one hand|whole|contrary|way|day|"
                        r"morning|evening|night|afternoon|weekend|arrival|behalf|top of|condition|his|her|their|its|"
                        r"next|last|this|friday|monday|tuesday|wednesday|thursday|saturday|sunday|\d)"
                        r"|.*\b(?:side|part|hand|sidelines|behalf)\b")  # "On the business side of the visit,"
# ... and only when the clause states a position on it ("On the border, troops ..." names a place).
_FRONT_STANCE = LazyPattern(r"\b(?:said|says|told|stressed|reiterated|noted|agreed|laid out|expressed|"
                           r"welcomed|urged|called|made clear|emphasi[sz]ed|underscored|raised|discussed)\b")
_QUOTED_TOPIC = 60  # characters: a longer quotation is speech, not a topic's name
_LIST_TRIGGERS = ("including", "such", "rang", "range")
_GROUP_WORDS = ("countries", "nations", "states", "members", "leaders", "companies", "firms", "groups", "governments",
                "cities", "critics", "namely", "like")
_GROUP_BEFORE = LazyPattern("(?:" + "|".join(_GROUP_WORDS) + r")\W*$", re.I)
# "(a new round of) talks on X", "negotiations over X": the frame of a topic, in words and as a pattern.
_TALK_NOUNS = ("talks", "negotiations", "consultations", "discussions")
_TALK_PREPS = ("on", "about", "over")
_TALKS_ON = tuple(f"{n} {p}" for n in _TALK_NOUNS for p in _TALK_PREPS)
_TALKS_ON_RE = (r"(?:(?:another|a new|a fresh|the next|a|the) )?(?:round of )?"
                f"(?:{'|'.join(_TALK_NOUNS)}) (?:{'|'.join(_TALK_PREPS)})")
_PLACES = COUNTRIES | CITIES


def _is_place_list(norm: str, parts: list[tuple[int, int]]) -> bool:
    """"Senegal, Malaysia, Italy and France": members of a group, not topics."""
    places = sum(1 for a, b in parts
                 if re.sub(r"^(?:the|and)\s+", "", norm[a:b].strip(), flags=re.I).lower() in _PLACES)
    return len(parts) >= 2 and places * 2 >= len(parts)


_COOP = r"co-?operat(?:ion|e)"
_MONTHS = "|".join(MONTHS)
_TRIGGER = re.compile(
    r"\b(?:including|such as|such (?:[\w-]+ ){1,3}?as|ranging from|range from|"
    r"on the agenda (?:are|is|were|was|will be)|"
    r"(?:topics?|issues?|agenda) (?:(?:to be discussed|under discussion|on the table|on the agenda|likely to come up) )?"
    r"(?:will |would |are expected to |could )?(?:include|includes|included|are|were|range from)|"
    # "the main topic will be X" (not "the topic was not raised", "the issue was discussed", "their
    # approach to the issue is widely seen as ...")
    r"(?:the|a|one|another|its|their|his|her) (?:main |key |central |first |top )?"
    r"(?:(?:topic|issue) (?:will be|would be|is|was)|(?:topics|issues) (?:will be|would be))"
    r"(?! (?:not|never|also|being|likely|that|whether|\w+ed|\w+ly)\b)|"
    r"(?:to |will |would )?discuss(?:ed|es|ing)?(?: \w+ly)?|discussions? (?:on|of|about)|"
    # "a discussion between the two leaders on A, B and C", "talks with Kabul over X"
    r"(?:discussions?|talks|meetings?|negotiations)\"? (?:between|with) [^,.;:\"]{3,40}? (?:on|about|over)|"
    r"(?:talks|meetings?|conferences?|negotiations|deals?|agreements?|accords?|dialogue|forum|symposium|seminar)"
    # ... but not "talks in Brussels on Friday": a date, no topic, after that "on"
    rf"(?: (?:in|at) [a-z][\w-]+)?(?: on \w+day)? (?:on(?! (?:\w+day|{_MONTHS})\b)|about|over|covering|to)|"
    r"(?:stances?|positions?) on|"
    r"raise[sd]?|raising|broach(?:es|ed|ing)?|focus(?:ed|es|ing)? on|focus will be on|concern(?:s|ed)? (?:about|over|on)|"
    # "concerns expressed by some members on X"
    r"concerns (?:expressed|raised|voiced)(?: by [^,.;:\"]{3,40}?)? (?:about|over|on)|"
    r"(?:to|will|would|and|also|must|should) address|addressed|dominate|when (?:it )?(?:comes|came) to|centred on|centered on|issues? (?:of|concerning|related to|relating to)|"
    r"question of|"
    rf"{_COOP} (?:in|on|within)|ways to|agreed (?:to|on)|concerning|demand(?:s|ed)?(?: for)?|"
    r"(?:to|will) (?:push|press) for|"  # the visit's goal: "will travel ... to push for a ceasefire"
    r"(?:press(?:es|ed|ing)?|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?) (?:[a-z][\w.]*|it|them|him|her)"
    r"(?: [a-z][\w.]*)? (?:to|for|on|over|about)|"
    # a list announced by a colon: "built upon three pillars: A, B and C"
    r"(?:issues|topics|priorities|areas|pillars|points|goals|objectives|agenda|fronts|proposals):)\s+")
# run on lower(norm): no re.I, three times faster
# Rarer frames, in a pattern of their own that runs only on a sentence holding one of their words
# (start-up and run time: the main alternation stays short).
_TRIGGER_MORE = LazyPattern(
    r"\b(?:"
    # a readout's frames: "exchanged views on X", "singled out X", "the sticking points were X"
    r"exchang(?:ed|es|e|ing) views (?:on|about|over)|views on|singl(?:ed|es|ing|e) out|"
    r"sticking points? (?:is|are|was|were|include[sd]?|involve[sd]?|remain(?:s|ed)?)|"
    r"(?:talks|meetings?|discussions?|negotiations|agenda|summit|agreement|deal|accord|pact|partnership) "
    r"(?:will |would |also |could |are expected to |is expected to )?(?:cover(?:s|ed)?|touch(?:ed|es)? on|include[sd]?)|"
    r"touch(?:ed|es|ing)? (?:up)?on|"
    r"tackl(?:e|es|ed|ing)|"
    # inverted frames: "Among the issues on the table are X", "Topping the agenda will be X",
    # "dominated by X", "issues to be discussed include X"
    r"among (?:the )?(?:[a-z-]+ )?(?:issues|topics|subjects|items|matters|priorities)[^.;:\"]{0,40}? (?:are|is|were|was|will be)|"
    r"(?:topping|heading|dominating|high on) (?:the|their) agenda (?:will be|would be|is|are|was|were)|"
    r"(?:talks|meetings?|summit|visit|agenda|discussions?|negotiations|conference|trip)\b[^.;:\"]{0,30}? dominated by|"
    # "one of the priorities of the summit will be X"
    r"priorit(?:y|ies)(?: (?:of|for) [^,.;:\"]{3,40}?)?(?:, [a-z ]{2,30}? (?:said|say|says|added),)? "
    r"(?:will be|would be|is|are|was|were|include[sd]?)|"
    # "deals worth $10 billion, covering energy, mining and infrastructure"
    r"(?:deals|agreements|accords|pacts|memorandums|talks|dialogue|negotiations|process)\b[^.;:\"]{0,40}?,? (?:covering|spanning)|"
    r"(?:issues|topics|subjects|matters|areas|everything),? (?:ranging )?from|"
    # "the focus of the visit will be X" (", aides said," may stand before the verb), "discussions
    # revolved around X"
    r"focus of (?:the |their |his |her )?[a-z-]+(?:, [a-z ]{2,30}? (?:said|say|says|added),)? (?:is|was|will be|would be)|"
    r"revolv(?:e|es|ed|ing) around|"
    # what the sides disagree on: "patch up differences over X", "a dispute over X"
    r"(?:differences|disagreements?|disputes?|rift) (?:over|on|about)|"
    # "compared notes on X", "talks centred around X", "the two spoke about X"
    r"compar(?:ed|e|es|ing) notes (?:on|about)|cent(?:re|er)(?:d|s|ing)? (?:around|upon)|"
    r"(?:spoke|speak|speaks|speaking|talk|talked|talking) about|"
    # a negotiation's state on each matter: "without closing gaps on X", "progress had been made on X"
    r"(?:clos|narrow|bridg)[a-z]* (?:the )?gaps? (?:on|over|in)|"
    r"progress (?:(?:had|has|have) been |was |were )?made (?:on|in)"
    r")\s+")
# Who speaks about a topic in talks: both sides, not one speaker.
_JOINT = LazyPattern(r"\b(?:two|both|leaders|ministers|sides|pair|they|delegations|counterparts?|presidents|"
                     r"premiers|officials|negotiators|envoys)\b")
# Words of a rarer frame (a sentence holding none is not searched for them): as the pattern
# ``views|singl|...|talk(?:ed|ing)? about``, a plain substring test.
_MORE_WORDS = ("views", "singl", "sticking", "cover", "touch", "tackl", "among", "agenda", "dominated", "priorit",
               "spanning", "issues", "topics", "subjects", "matters", "areas", "everything", "focus", "revolv",
               "differences", "disagreement", "dispute", "rift", "notes on", "notes about", "centred", "centered",
               "centring", "centering", "spoke about", "speak about", "speaks about", "speaking about", "talk about",
               "talked about", "talking about", "gap", "made on", "made in")
# What a match of each alternative of _TRIGGER_MORE holds: one of _MORE_CUES, or a word of each
# group of a pair in _MORE_PAIRS. A sentence holding none has no rarer frame, and most articles
# never compile that pattern.
_MORE_CUES = (
    "views on", "views about", "views over", "singled out", "singles out", "singling out", "single out",
    "sticking point", *(f"touch{e} {u}on" for e in ("", "ed", "es", "ing") for u in ("", "up")), "tackl",
    *(f"{v} {d} agenda " for v in ("topping", "heading", "dominating", "high on") for d in ("the", "their")),
    "dominated by", "priorit",
    *(f"{n}{c} {r}from" for n in ("issues", "topics", "subjects", "matters", "areas", "everything")
      for c in ("", ",") for r in ("", "ranging ")),
    "focus of ", "revolv",
    *(f"{n} {p}" for n in ("differences", "disagreement", "disagreements", "dispute", "disputes", "rift")
      for p in ("over", "on", "about")),
    "notes on", "notes about",
    *(f"cent{a}{e} {p}" for a in ("re", "er") for e in ("", "d", "s", "ing") for p in ("around", "upon")),
    *(f"{v} about" for v in ("spoke", "speak", "speaks", "speaking", "talk", "talked", "talking")),
    *(f"gap{n} {p}" for n in ("", "s") for p in ("on", "over", "in")), "made on", "made in",
)
_MORE_PAIRS = (
    (("talks ", "meeting", "discussion", "negotiations ", "agenda ", "summit ", "agreement ", "deal ", "accord ",
      "pact ", "partnership "), ("cover", "touch", "include")),
    (("among ",), ("issues", "topics", "subjects", "items", "matters", "priorities")),
    (("deals", "agreements", "accords", "pacts", "memorandums", "talks", "dialogue", "negotiations", "process"),
     ("covering", "spanning")),
)


def _more_cued(chunk: str) -> bool:
    """Whether the (lower-cased) sentence holds a cue of _MORE_CUES or of _MORE_PAIRS."""
    return holds_any(chunk, _MORE_CUES) or any(holds_any(chunk, a) and holds_any(chunk, b) for a, b in _MORE_PAIRS)

# "a trip to build business ties", "a deal to restore power sharing", "a mission aimed at defusing
# trade tension": the goal names the issue.
# One pattern per opening literal, run on lower(norm) without re.I: the regex engine then skips
# ahead on the literal prefix (several times faster on a long article).
# Each with the text every match of it holds: a pattern whose text the article lacks is not run
# (nor compiled).
_GOALS = (
    (("to ",), LazyPattern(r"\bto (?=(?:build|boost|strengthen|improve|expand|deepen|promote|enhance|restore|resolve|"
               r"secure|reform|cut|reduce|ease|end|open|accelerate|finalise|finalize|revive|settle|curb|lift|"
               r"re-?energi[sz]e|stimulate|increase|eliminate)\s)")),
    (("aimed at ",), LazyPattern(r"\baimed at (?=(?:defusing|easing|resolving|boosting|stimulating|strengthening|improving|"
               r"expanding|deepening|promoting|restoring|settling|reducing|ending|curbing|lifting|opening|"
               r"securing|increasing|reviving|accelerating|enhancing|building|repairing|mending|"
               r"re-?energi[sz]ing)\s)")),
    (("solution", "settlement", "an end"), LazyPattern(r"\b(?:solutions?|settlement|an end) (?:to|of) ")),
)
_EVENT = Phrases("visit trip talks meeting summit mission tour conference deal negotiations delegation team sides".split())
# (searched on fold(norm): as the pattern ``\b(?:WORDS)\b`` with re.I)
# "climate change was discussed", "Taiwan is also on the agenda": the topic comes first.
_PASSIVE = LazyPattern(
    r"\s+(?:(?:was|were|is|are|(?:will|would|could|may|might|should|must)(?:\s+also)?\s+be)\s+"
    r"(?:also\s+)?(?:likely to be\s+|expected to be\s+)?"
    r"(?:discussed|raised|on the agenda|high on the agenda|top of the agenda|addressed|on the table)\b"
    # "X will feature prominently", "X is expected to feature", "X were expected to come up"
    r"|(?:(?:is|are|was|were)\s+(?:expected|likely|set)\s+to\s+|will\s+(?:also\s+)?|would\s+)feature\b"
    r"|(?:is|are|was|were)\s+(?:also\s+)?(?:expected|likely|set)\s+to\s+come up\b(?!\s+with)"
    # "the rebate is not up for renegotiation": the contested matter is named all the same
    r"|(?:is|are|was|were|be)\s+(?:not\s+)?(?:up for|open to)\s+(?:re-?)?(?:negotiation|discussion|debate)\b"
    # "X and Y are likely topics on the agenda", "X topped the agenda", "with X topping the agenda"
    r"|(?:was|were|is|are|will be|would be)\s+(?:also\s+)?(?:likely\s+|expected\s+|possible\s+|key\s+|main\s+)?"
    r"(?:topics?|items?|issues?)\s+(?:on|for)\s+the\s+(?:agenda|talks|table)\b"
    r"|(?:top(?:s|ped|ping)?|headed|heads|heading|lead(?:s|ing)?)\s+the\s+agenda\b"
    # "with A and B at the top of the agenda"
    r"|at\s+the\s+top\s+of\s+the\s+agenda\b"
    r"|(?:(?:is|are|was|were)\s+(?:expected|likely|set)\s+to\s+|will\s+|would\s+)top\s+the\s+agenda\b"
    r"|(?:(?:(?:is|are|was|were)\s+)?(?:expected|likely|set)\s+to\s+|will\s+|would\s+)dominate\b|dominated\b(?! by))")  # on lower(norm)
# What a match of each alternative of _PASSIVE holds (every word of one entry): a sentence holding
# none runs no pattern, and an article with none never compiles it.
_PASSIVE_CUES = ("discussed", "raised", "on the agenda", "addressed", "on the table", "feature", "up for", "open to",
                 "dominate", "come up")
_PASSIVE_PAIRS = ((("topic", "item", "issue"), ("agenda", "talks", "table")), (("agenda",), ("top", "head", "lead")))


def _passive_cued(chunk: str) -> bool:
    """Whether the (lower-cased) sentence holds a cue of _PASSIVE_CUES or of _PASSIVE_PAIRS."""
    return holds_any(chunk, _PASSIVE_CUES) or \
        any(holds_any(chunk, a) and holds_any(chunk, b) for a, b in _PASSIVE_PAIRS)
_PASSIVE_BACK = LazyPattern(r"(?:^|[,;:\"(]|\b(?:that|and|but|which|while|said|says|confirmed))\s*", re.I)
_DOMINATE_BACK = LazyPattern(r"(?:^|[,;:\"]|\b(?:that|where|when|while|which|because|if|with|said|says)\b)\s*", re.I)
_DASH_LIST = re.compile(r"\s-{1,2}\s(?P<body>[^-\n]{8,200}?)\s-{1,2}\s")
# A dash list counts as topics only after a topic word ("cooperation on ... - A, B, C -").
_DASH_CUE = LazyPattern(r"\b(?:co-?operat\w+|issues?|topics?|challenges|concerns?|agenda|discuss\w*|"
                        r"explore|priorities|areas)\b", re.I)
_STOP_AT = re.compile(
    r"\s+(?:which|where|that|who|when|while|because|although|though|unless|whereas|as well as the|so that|in order|"
    r"covering|spanning|with the\b|with (?:his|her|their|its|officials|leaders|counterparts?|ministers|representatives|reporters|journalists)\b|on the table\b|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"(?:last|next|this) (?:week|month|year)|according|said|says|would|will|could|must|came|comes)\b"
    r"|\s+(?:is|are|was|were|has|have|had|not)\b|\s+(?:after|amid|despite|following|since|ahead of)\s|\s+in (?:an?|their|its) (?:attempt|bid|effort)\b"
    # (an acronym in brackets after a name is part of it: "the Economic Corridor (CPEC), trade and ...")
    r"|(?<![A-Z])\.(?=\s|$)|[;:\"]|\((?![A-Z][\w.&-]{1,9}\))|(?<![A-Z0-9])\)|\s-{1,2}\s|[ ]{2,}"
    r"|,\s+(?:\w+ing|\w+ed)\b")
# A reporting tail also stops a label: ", Mr Wang said", ", the official told", ", he said".
# The verbs are looked up in a word list (``_stop_at``) instead of two alternations here.
_SPEECH = Phrases(REPORTING_VERBS)
_REPORTING_WORDS = frozenset(v for v in REPORTING_VERBS if " " not in v)
_TAIL_START = re.compile(r",\s+")
# A word of the speaker's phrase, capitalised or not ("a spokesperson", "foreign secretary Ann
# Roe"), but no conjunction or wh-word: those open a clause, not a name.
_TAIL_WORD = re.compile(r"(?:[A-Z][\w.'-]*|(?!(?:and|or|but|what|which|that|how|who|where|when)\s)[a-z][\w.'-]*)\s+")
_TAIL_PRONOUN = re.compile(r"(?:he|she|they|it|officials?)\s+")


def _reporting_tail(norm: str, comma: int, limit: int) -> bool:
    r"""Whether ", <one to five names or words> <reporting verb>" or ", he <verb>" starts at
    ``comma``: as the regex ``,\s+(?:(?!(?:and|or|but|what|which|that|how|who|where|when)\s)[\w.'-]+\s+){1,5}(?:VERBS)\b|
    ,\s+(?:he|she|they|it|officials?)\s+(?:VERBS)\b`` (each word must fill the run up to
    the next space, so there is one way to read them)."""
    m = _TAIL_START.match(norm, comma, limit)
    if m is None:
        return False
    p = m.end()
    pron = _TAIL_PRONOUN.match(norm, p, limit)
    if pron is not None and _SPEECH.end_at(norm, pron.end(), limit) >= 0:
        return True
    for _ in range(5):
        w = _TAIL_WORD.match(norm, p, limit)
        if w is None:
            return False
        p = w.end()
        if _SPEECH.end_at(norm, p, limit) >= 0:
            return True
    return False


def _stop_at(norm: str, s: int, e: int) -> int | None:
    """Start of the first clause break in [s, e) (``_STOP_AT`` or a reporting tail), or None."""
    m = _STOP_AT.search(norm, s, e)
    while m is not None and (_gerund_item(norm, s, m) or _abbreviation_dot(norm, s, m)):
        m = _STOP_AT.search(norm, m.end(), e)
    first = m.start() if m else e
    pred = _new_predicate(norm, s, first)
    if pred is not None:
        first, m = pred, None

    comma = norm.find(",", s, first)
    while comma != -1:
        if _reporting_tail(norm, comma, e):
            return comma
        comma = norm.find(",", comma + 1, first)
    if m is None:
        return first if first < e else None
    if norm.startswith(("which", "whom", "whose"), m.end() - len(m.group().lstrip())) :
        back = _PREP_BEFORE.search(norm, s, m.start())
        if back is not None:
            return back.start()  # "the deal in which ...": the preposition goes with the clause
    return m.start()


_PREP_BEFORE = LazyPattern(r"\s+(?:in|on|of|for|with|to|by|at|from|under|over|about)$")


def _abbreviation_dot(norm: str, s: int, m: re.Match) -> bool:
    """Whether the full stop ``m`` found ends an abbreviation ("the Jan. 8 riots"), not a sentence."""
    if m.group() != ".":
        return False
    word = norm[s:m.start()].rsplit(None, 1)[-1:] or [""]
    return word[0].lower() in ABBREVIATIONS


_ING_NOUN_ITEM = LazyPattern(r",|\s+(?:and|or)\s")
_ITEM_START = LazyPattern(r"(?:,\s+(?:and\s+|or\s+)?|\bas well as\s+|^)(?=[a-z]+ing\s)")


def _gerund_item(norm: str, s: int, m: re.Match) -> bool:
    """Whether the ", advancing ..." that ``m`` found continues a list of gerund items ("as well as
    deterring threats, advancing rights, and ensuring supply") rather than opening a participial
    clause (", saying ..."): the item before the comma also starts with an -ing word."""
    if not (m.group().startswith(",") and m.group().rstrip().endswith("ing")):
        return False
    if _ING_NOUN_ITEM.match(norm, m.end()):
        return True  # "energy, mining and infrastructure": a one-word item, not a participle clause
    last = None
    for it in _ITEM_START.finditer(norm, s, m.start()):
        last = it
    return last is not None and norm[last.end():m.start()].split(" ", 1)[0].endswith("ing")


_TO_VERB = re.compile(r"\s+to\s+([a-z]+)\b")
# Nouns whose "to" infinitive is their content ("an opportunity to chart a course", "a pledge to cut").
_TO_FRAME = frozenset("""opportunity opportunities chance chances effort efforts bid desire plan plans need way ways means call push
pledge pledged promise promised commitment attempt attempts agreement deal decision move moves offer
proposal right freedom ability failure refusal readiness willingness framework treaty accord pact roadmap
mechanism initiative programme program measures steps strategy resolution legislation law bill""".split())


def _purpose_cut(norm: str, s: int, e: int) -> int:
    """End of a label before a purpose clause: "cross-border connectivity to facilitate recovery"
    -> "cross-border connectivity" (not "an opportunity to chart ...": that "to" is its content)."""
    for inf in _TO_VERB.finditer(norm, s, e):
        before = norm[s:inf.start()].split()
        if inf.group(1) in _BARE_VERBS and before and before[-1].lower() not in _TO_FRAME:
            return inf.start()
    return e
_AND_NEXT = re.compile(r",?\s+and\s+(?:also\s+|then\s+|later\s+|later\s+also\s+)?([a-z]+)\b")


def _new_predicate(norm: str, s: int, e: int) -> int | None:
    """Where ", and expressed concerns ..." starts in [s, e): "and" before a finite or reporting
    verb joins a new predicate to the clause, so the list before it has ended."""
    for m in _AND_NEXT.finditer(norm, s, e):
        if m.group(1) in _FINITE or m.group(1) in _REPORTING_WORDS:
            return m.start()
        verb = _THEN_VERB.match(norm, m.end(), e)
        if m.group(1).endswith("ly") and m.group().startswith(",") and verb and verb.group(1) in _BARE_VERBS:
            return m.start()  # ", and properly handle ...": an adverb before a verb starts a predicate
        # ", and pledging to deepen ...": a participle with its own object or clause, unless the
        # list's items are gerunds themselves ("deterring threats, and ensuring supply")
        if m.group(1).endswith("ing") and m.group().startswith(",") and \
                _PREDICATE_NEXT.match(norm, m.end(), e) and not _ITEM_GERUND.search(norm, s, m.start()) and \
                not norm[s:m.start()].split(" ", 1)[0].endswith("ing"):
            return m.start()
    return None


_THEN_VERB = re.compile(r"\s+([a-z]+)\b")
_PREDICATE_NEXT = LazyPattern(r"\s+(?:to|that|the|a|an|its|their|his|her)\s")
_ITEM_GERUND = LazyPattern(r"(?:^|,\s+|\bas well as\s+)[a-z]+ing\s")


_DISPUTE = (r"(?:(?:decades|years|months) of )?(?:[a-z]+ )?(?:tensions?|rows?|rifts?|friction|feuds?|"
            r"disputes?|differences|disagreements?) (?:over|about|regarding)")
_DISPUTE_FRAME = LazyPattern(_DISPUTE + r"\s+", re.I)
# What a match of _DISPUTE holds (folded): "tension over", "rows about", ...
_DISPUTE_CUES = tuple(f"{n} {p}" for n in ("tension", "tensions", "row", "rows", "rift", "rifts", "friction", "feud",
                                            "feuds", "dispute", "disputes", "differences", "disagreement", "disagreements")
                      for p in ("over", "about", "regarding"))
# What opens a label but is no part of its topic, cut off word by word (``_lead_end``): a
# determiner or quantifier, looked up in a set ...
_LEAD_WORDS = frozenset("""and or the a an its their his her our some any such both all also further more other
various several new possible greater full particularly""".split())
# ... "such (bilateral) issues as" (before the word "such" alone) ...
_LEAD_SUCH_AS = LazyPattern(r"such (?:[\w-]+ ){1,3}?as\s+", re.I)
# ... or a frame around the matter, in four patterns (the alternatives of one, in order), each run
# (and compiled) only on a label holding text that a match of it holds.
_LEAD_FRAMES = (
    (("as well as", "ways to", "how to", "result", "issues such as", "whether to", *_TALKS_ON),
     LazyPattern(r"(?:as well as|ways to|how to|result(?:s|ed)? in|"
                 # "(a new round of) talks on X": the topic is X
                 + _TALKS_ON_RE + "|"
                 r"bilateral issues such as|issues such as|whether to)\s+", re.I)),
    ((*(f"{n} of" for n in ("list", "range", "number", "series", "host", "variety", "subject", "issue", "question",
                            "matter", "topic", "importance", "means")),
      "situation in", "situations in", "developments in", "means for", "means to", "field", "area", "sector",
      "domain"),
     LazyPattern(r"(?:(?:a |the )?(?:preliminary |long |short )?(?:list|range|number|series|host|variety) of|"
                 # a frame noun around the matter: "the touchy subject of X", "the situation in X"
                 r"(?:the |a )?(?:[a-z-]+ )?(?:subject|issue|question|matter|topic) of|"
                 r"(?:the )?(?:latest )?(?:situations?|developments) in|(?:the )?importance of|"
                 # "particularly in the fields of economy, trade ...": the fields are the topics
                 r"in the (?:fields?|areas?|sectors?|domains?) of|"
                 r"means (?:for|of|to))\s+", re.I)),
    ((*(f"concern{s} {p}" for s in ("", "s") for p in ("about", "over", "regarding")), *_DISPUTE_CUES),
     # "raised ongoing concerns about X", "ease decades of tension over X": the topic is X
     LazyPattern(r"(?:(?:(?:ongoing|serious|deep|growing|grave|strong) )?concerns? (?:about|over|regarding)|"
                 rf"{_DISPUTE})\s+", re.I)),
    (tuple(f"{n} to" for n in ("opportunity", "opportunities", "chance", "chances", "effort", "efforts", "bid",
                               "desire", "wish", "attempt", "attempts", "plan", "plans", "drive")),
     # the matter is the goal: "the historic opportunity to chart a new course", "the Trump
     # administration's desire to eliminate X"
     LazyPattern(r"(?:(?:the |a |an )?(?:[a-z]+ )?(?:opportunit(?:y|ies)|chances?|efforts?|bid) to|"
                 r"(?:[\w.-]+ ){0,3}?[\w.-]+['\u2019]s (?:desire|wish|bid|efforts?|attempts?|plans?|drive) to)\s+",
                 re.I)),
)


def _lead_end(norm: str, s: int, e: int) -> int:
    r"""End of the lead word or frame at ``s`` (with the spaces after it), or -1: as the one
    pattern ``(?:such X as|as well as|WORDS|FRAMES)\s+`` with re.I matched at ``s`` within ``e``
    (a lead word is looked up first: no frame that could also match comes before it)."""
    low = fold(norm[s:e])
    if low.startswith("such "):
        m = _LEAD_SUCH_AS.match(norm, s, e)
        if m is not None:
            return m.end()
    word = first_word(low)
    if word in _LEAD_WORDS and low[len(word):len(word) + 1].isspace():
        end = len(word)
        while end < len(low) and low[end].isspace():
            end += 1
        return s + end
    for cues, frame in _LEAD_FRAMES:
        if holds_any(low, cues):
            m = frame.match(norm, s, e)
            if m is not None and not _needs_owner(norm, m.group(), m.end(), e):
                return m.end()
    return -1


# "Ukraine's bid to join the European Union": a goal whose verb needs its subject (who joins,
# who hosts) keeps its owner; "join the European Union" alone names nobody's matter.
_OWNER_VERBS = frozenset("join rejoin become enter host leave quit win".split())


def _needs_owner(norm: str, frame: str, end: int, e: int) -> bool:
    """The frame ``frame`` (ending at ``end``) names an owner ("X's bid to") whose goal's verb
    needs it."""
    return "'s " in frame and first_word(fold(norm[end:min(e, end + 12)])) in _OWNER_VERBS
_COMMA_SPLIT = re.compile(r",?\s+as well as\s+|,\s+and\s+|,\s+or\s+|,\s+|\s+to\s+(?=such\s)")
_AND_SPLIT = re.compile(r"\s+and\s+|\s+or\s+|\s+as well as\s+")
_RANGE_SPLIT = LazyPattern(r"\s+to\s+|,\s+and\s+|,\s+|\s+and\s+")
_MAX_WORDS = 7
_SHORT_WORDS = 5
_CUT_PREP = re.compile(r"\s+(?:of|for|in|on|with|between|from|by|at|to|during|before|after|under)\s+")
# Word lists below are compared on fold(label), as re.IGNORECASE would, rather than compiled
# into alternations (start-up time; see wordre).
# Labels too weak to be a topic on their own ("it", "the issue", "progress"; the event's own
# logistics, "meetings", "the venue"; an idiom's noun, "open the door"; a bare adjective).
_WEAK = frozenset("""it this that them they thing things way ways matter matters issue issues range
relations ties anything something reporters official officials him her us we journalists everything
idea plan plans proposal proposals move moves subject situation question progress
meeting meetings talks negotiations venue door region world country countries markets market
policies policy measures steps efforts areas fields sectors commitment commitments together date dates earlier later previously recently package scale details recent ongoing future
other others""".split()) | {
    "a range", "the issue", "other issues", "each other", "one another"}
# First words that make a label a clause or a prepositional phrase, not a topic.
_BAD_START = Phrases("""in on at with by from for during than worth encompassing into after before since spite
towards toward through via within without across among amongst despite against beyond few
everything anything
until when while where to he she they we i you there of as is are was were has have had be been being
can could may might must shall should will would
tomorrow today yesterday""".split())
# Times are not topics (case as written: "May" and "march" are words).
_TIME_WORDS = Phrases("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
April June July August September October November December tomorrow today yesterday tonight Jan Feb Mar
Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split())
_NUMERIC = re.compile(r"[\d$.,%\s]+$")


def _is_weak(label: str) -> bool:
    """As ``^(?:WEAK)$`` with re.I: ``$`` also matches before a final newline."""
    low = fold(label)
    return low in _WEAK or (low.endswith("\n") and low[:-1] in _WEAK)


def _is_time(label: str) -> bool:
    r"""As ``\b(?:TIME WORDS)\b|^[\d$.,%\s]+$``."""
    return _TIME_WORDS.search(label) is not None or _NUMERIC.match(label) is not None


# A date that opens a label ("the Jan. 8 riots", "Monday's vote"): dropped, the matter kept.
# The words _DATE_LEAD opens on (case as written): a label opening on another runs no pattern.
_DATE_LEAD_WORDS = frozenset("""Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec January February March April May June July
August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday yesterday today
tomorrow""".split())
_LETTER_RUN = re.compile(r"[A-Za-z]+")
_DATE_LEAD = LazyPattern(r"(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|January|February|March|April|"
                        r"May|June|July|August|September|October|November|December)\s+\d{1,2}(?:st|nd|rd|th)?\s+"
                        r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow)['\u2019]s\s+")


_REPORT_IN = Phrases((*REPORTING_VERBS, "saying", "adding", "noting"))  # search on fold(label): re.I
# Participles that also serve as adjectives in a noun phrase ("the continued violence", "the
# stated goal", "claimed territory"): after a determiner or first in the label they report nothing.
_ADJECTIVAL = frozenset("continued stated declared announced claimed promised described maintained".split())
_DETERMINERS = frozenset("the a an its their his her our this these those more further new any all some".split())


def _reports(low: str) -> bool:
    """Whether the folded label holds a reporting verb (", he said"), not an adjectival participle."""
    for m in _REPORT_IN.finditer(low):
        word = low[m.start():m.end()]
        before = low[:m.start()].split()
        if word in _ADJECTIVAL and (not before or before[-1] in _DETERMINERS or before[-1].endswith("'s")):
            continue
        return True
    return False
_EVENT_HEAD = re.compile(r"\b(?:summit|visit|trip|meeting|conference|talks|tour|ministry|officials|dialogue)$", re.I)
# Labels that name no matter. Compared on fold(label) as re.IGNORECASE would, and split by what
# each reading needs, so that a label that cannot be vague compiles no pattern:
# "a range of", "a number of" anywhere in the label ...
_VAGUE_FRAME = Phrases(f"{w} of" for w in ("range", "number", "variety", "series", "host", "list"))
# ... a bare generic noun ...
_VAGUE_BARE = frozenset("issues concerns matters topics deal deals agreement agreements accord situation".split())
# ... "outstanding bilateral issues": generic words only, no matter named ...
_GENERIC = ("outstanding", "bilateral", "key", "major", "important", "pending", "various", "remaining", "regional",
            "global", "international", "mutual", "common", "current", "latest", "main", "other", "several", "many",
            "all", "some", "these", "those", "such", "both", "wider", "broader", "unresolved", "sensitive", "thorny",
            "difficult", "recent", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "ongoing",
            "new", "touchy", "contentious", "delicate")
_GENERIC_WORDS = frozenset(_GENERIC)
_VAGUE_GENERIC_ENDS = frozenset("""issue issues matter matters problem problems question questions concern concerns topic
topics subject subjects area areas point points interest""".split())
_VAGUE_GENERIC = LazyPattern(rf"^(?:(?:{'|'.join(_GENERIC)}|\d+),?\s+(?:and\s+)?)+"
                             r"(?:issues?|matters?|problems?|questions?|concerns?|topics?|subjects?|areas?|points?)"
                             r"(?:\s+of\s+(?:common|mutual|shared)\s+(?:concern|interest))?$", re.I)
# ... and how or when rather than what ("recent and ongoing developments", "play a constructive
# role", "produce tangible results", "speedy action"), or an attribute ("issues of global importance",
# "matters of mutual interest").
_VAGUE_OTHER_ENDS = frozenset("""development developments role results momentum action actions steps efforts importance
interest significance concern""".split())
_VAGUE_OTHER = LazyPattern(r"^(?:(?:recent|ongoing|latest|current|new)\s+(?:and\s+)?)+developments?$"
                           r"|^(?:[\w-]+\s+){0,3}(?:role|results|momentum|action|actions|steps|efforts)$"
                           r"|^(?:(?:issues?|matters?|questions?|topics?|areas?)\s+of\s+)?(?:[\w-]+\s+)?"
                           r"(?:importance|interest|significance|concern)$", re.I)


def _is_vague(label: str) -> bool:
    """Whether the label names no matter: any of the readings above, with re.I (``$`` also matches
    before a final newline). Each pattern ends on a word of its own set, the generic list opens on
    a word of _GENERIC (or a number), so only a label that could match one runs (and compiles) it."""
    low = fold(label)
    if _VAGUE_FRAME.search(low) is not None or low in _VAGUE_BARE or \
            (low.endswith("\n") and low[:-1] in _VAGUE_BARE):
        return True
    words = low.split()
    if not words:
        return False
    first = words[0][:-1] if words[0].endswith(",") else words[0]
    if words[-1] in _VAGUE_GENERIC_ENDS and (first in _GENERIC_WORDS or first.isdecimal()) and \
            _VAGUE_GENERIC.search(label) is not None:
        return True
    return words[-1] in _VAGUE_OTHER_ENDS and _VAGUE_OTHER.search(label) is not None


# "the flow of precursor chemicals", "the implications of budget deficits", "the first tranche of a
# trade deal": the matter is what follows "of", so a long label is not cut there.
_OF_HEAD = Phrases("""flow flows pace scope level levels number future impact implications question issue
recognition status supply supplies price prices export exports import imports use cost costs reduction
removal lifting easing implementation release return destruction protection transfer sale sales
freedom scale nature extent size timing fate terms role details tranche tranches round rounds phase phases
stage stages state prospects progress outcome results""".split())


def _of_head(norm: str, s: int, e: int) -> bool:
    r"""Whether norm[s:e] ends with an _OF_HEAD word: as ``\b(?:HEADS)$`` with re.I, searched
    in [s, e). The character before ``s`` still decides the word boundary, and ``$`` also
    matches before a final newline."""
    lo = max(0, s - 1)
    window = fold(norm[lo:e])
    end = len(window)
    return _OF_HEAD.ends_before(window, end, s - lo) or \
        (window.endswith("\n") and _OF_HEAD.ends_before(window, end - 1, s - lo))


_SHORT_STOP = frozenset("the and for its his her our who how why but not".split())


def _units(text: str) -> int:
    """Words of a label, a run of capitalised words counting as one: "United Nations Security
    Council sanctions" is as long as "council sanctions"."""
    n, prev_cap = 0, False
    for w in text.split():
        cap = w[:1].isupper()
        if not (cap and prev_cap):
            n += 1
        prev_cap = cap
    return n


def _shorten(norm: str, s: int, e: int) -> int:
    """Cut a label that runs too long at a preposition after its head."""
    while _units(norm[s:e]) > _MAX_WORDS:
        cuts = [m.start() for m in _CUT_PREP.finditer(norm, s, e) if len(norm[s:m.start()].split()) >= 2
                and not (_of_head(norm, s, m.start()) and norm.startswith(" of ", m.start()))]
        if not cuts:
            return e
        fit = [c for c in cuts if _units(norm[s:c]) <= _SHORT_WORDS]
        e = fit[-1] if fit else cuts[0]
    return e


_QUESTION_NP = re.compile(r"(?:what|which)\s+((?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*)\s+(?=[A-Z]|(?:he|she|they|it|we|the|its|their)\s)")


def _question_object(norm: str, s: int, e: int) -> tuple[int, int] | None:
    """The noun phrase an embedded question asks about: "what nuclear work Tehran would be
    permitted" -> "nuclear work"."""
    m = _QUESTION_NP.match(norm, s, e)
    return (m.start(1), m.end(1)) if m else None


# A topic is a noun phrase. A goal frame ("to reduce and remove tariffs on cars", "press them to
# end provocations") names its matter as the object of a bare verb: the label is that object.
_BARE_VERBS = frozenset("""
accelerate achieve address advance assert hold boost bring broker build chart combat convince counter create
curb cut deepen defend deliver deter develop discuss do double ease eliminate encourage end enhance
ensure establish expand explore extend facilitate finalise finalize find forge give halt help improve
implement increase launch lift maintain make manage mend negotiate open pave prevent promote protect push raise
handle put reach rebuild set reconsider reduce reform release relaunch remove renegotiate renew reopen restart start repair resolve restore resume review revive safeguard secure
settle shore speed stabilise stabilize step stimulate stop strengthen support tackle uphold work
upgrade bolster modernise modernize avoid avert keep pursue preserve respect
""".split())
_VERB_OBJECT = LazyPattern(r"[A-Za-z]+(?:\s+(?:and|or)\s+[a-z]+)?(?:\s+(?!(?:supply|family|assembly|rally|ally|monopoly|anomaly|reply|italy)\b)[a-z]{3,}ly)?(?:\s+(?:up|down|off|out|back|on|about))?(?:\s+(?:on|with))?\s+"
                          r"(?:(?:the|a|an|its|their|his|her|our|those|these|this|that|more|further|any|some|all)\s+)?")
_KEPT_STATES = frozenset("open alive intact calm stable low high going closed running".split())
# A label ending on one of these was torn out of its clause ("negotiate in a", "not").
_TORN_END = frozenset("""a an the of to in on at for with by from and or but not that this its their his
her our as than into""".split())
# First words of a clause, not of a noun phrase ("that Iran", "even").
_CLAUSE_START = frozenset("that whether why how what even if so then just only though although unless".split())
# A finite verb opening the label makes it a clause ("took note", "lacked engagement on ...",
# "exchanged views on ..."): verbs whose past form does not serve as an adjective before a noun.
_FINITE = frozenset("""took made gave held met lacked exchanged expressed reached discussed raised stressed
noted welcomed urged called reiterated reaffirmed said told agreed sought wanted""".split())
# Verbs whose object is steered to or from an action ("prevent X from", "help X to").
_STEER_VERBS = frozenset("prevent stop deter help convince encourage push".split())
_STEERED = LazyPattern(r"(?:[A-Z][\w.'-]*\s+){1,3}(?:from|to)\s")  # a named actor: "Tehran from"
# Verbs that are never nouns: one after a name or after "and" makes the label a clause
# ("Modi meet in New Delhi", "provocations and engage").
_VERB_ONLY = frozenset("""include includes meet meets engage engages ensure ensures achieve achieves allow allows seek seeks
discuss discusses consider considers enable enables become becomes remain remains begin begins agree
agrees refuse refuses persuade persuades convince convinces avoid avoids avert averts keep keeps pursue pursues
refrain refrains""".split())
# Adverbs that end a torn label ("campaign aggressively", "in the negotiations right now").
_ADVERB_END = frozenset("further now again too also even yet here there away aggressively together".split())
# Manner adverbs that trail a topic ("human rights more broadly"): dropped, the topic kept.
_TRAILING_ADVERB = re.compile(r"\s+(?:more\s+|less\s+)?(?:broadly|generally|widely|globally|fully|quickly|"
                              r"closely|urgently|jointly|earlier|later|previously|recently|soon)$")
# A time limit ending a label: "within two months", "by next year", "over the coming weeks".
_TIME_UNITS = ("day", "week", "month", "year", "decade")
_TRAILING_TIME = LazyPattern(r"\s+(?:within|by|before|after|over|in|for)\s+(?:the\s+)?(?:next|coming|past|last|"
                             r"a|one|two|three|four|five|six|several|few|\d+)?\s*(?:few\s+)?"
                             r"(?:days?|weeks?|months?|years?|decades?)$")
# A subject pronoun makes the label a clause ("how we can build"): a topic names no "we".
_SUBJECT = frozenset("i we you he she they".split())


# Past participles not in -ed that follow their noun ("peace talks frozen by ...").
_PARTICIPLES = frozenset("""frozen taken given held seized signed made reached proposed set put brought
sought struck won built paid sold led""".split())


def _drop_participle(norm: str, s: int, e: int) -> int:
    """End of norm[s:e] without a trailing participle: a label cut before the agent of a reduced
    relative clause ("achievements negotiated [by ...]") ends on the verb, not on its head noun."""
    words = norm[s:e].split()
    if len(words) < 3:
        return e
    last = words[-1]
    low = last.lower()
    if (low.endswith("ed") and not low.endswith("eed") and len(low) > 4 and last.islower()) or \
            low in _PARTICIPLES:
        cut = norm.rfind(last, s, e)
        return len(norm[:cut].rstrip()) if norm[s:e].endswith(last) else e
    return e


def _unbalanced(label: str) -> bool:
    """A quotation mark without its pair: the label was torn out of a quotation or a headline
    ("something' over ..."). An apostrophe between letters or after an s is no quotation mark."""
    n = label.count('"') + label.count("\u201c") + label.count("\u201d")
    singles = sum(1 for i, c in enumerate(label) if c in "'\u2018\u2019" and not (
        0 < i < len(label) - 1 and label[i - 1].isalnum() and label[i + 1].isalnum()) and not (
        i > 0 and label[i - 1] in "sS"))
    return n % 2 == 1 or singles % 2 == 1


_NOUN_PREP = frozenset("of to for in against".split())


_VERB_START = re.compile(r"[\"']?([a-z]+)\b")


def _unknown_verb(low: str, at: int, end: int) -> bool:
    """After an infinitive's "to": a word that opens no noun phrase and is no goal verb whose object
    would be the topic ("to get serious", not "to halt enrichment", "to a ceasefire")."""
    m = _VERB_START.match(low, at, end)
    return m is not None and m.group(1) not in _BARE_VERBS and m.group(1) not in _DETERMINERS


def _as_noun_phrase(norm: str, s: int, e: int) -> int | None:
    """Start of the noun phrase of norm[s:e]: past a bare goal verb and its determiner, or None
    when the label is a verb without an object or a torn clause."""
    words = norm[s:e].split()
    if not words:
        return None
    if words[-1].lower().strip(",.") in _TORN_END | _ADVERB_END or words[0].lower() in _CLAUSE_START | _FINITE or \
            any(w.lower() in _SUBJECT for w in words) or \
            any(w in _VERB_ONLY for w in words[1:]) or _unbalanced(norm[s:e]):
        return None
    if len(words) >= 2 and words[-1].lower().endswith("ing") and words[-2].lower().endswith("ly"):
        return None  # "momentum toward fully restoring": the gerund's object was cut off
    if words[0].lower() in _VERB_ONLY and words[0].lower() not in _BARE_VERBS:
        return None  # "engage in sustained negotiations": a verb phrase
    # a verb that is also a noun, before its noun's preposition, is the noun: "support for
    # Ukraine", "a cut in tariffs", "increase in trade"
    if words[0].lower() in _BARE_VERBS and (len(words) == 1 or words[1].lower() not in _NOUN_PREP):
        m = _VERB_OBJECT.match(norm, s, e)
        if m is None or m.end() >= e:
            return None
        if norm[m.end():e].split()[0].lower() in _BARE_VERBS:
            return None  # "end provocations and engage": still a verb phrase
        if words[0].lower() in _STEER_VERBS and (_STEERED.match(norm, m.end(), e) or (
                norm.startswith((" from ", " to "), e) and norm[m.end()].isupper())):
            return None  # "prevent Tehran from ...": a named actor steered, not the matter
        return m.end()
    return s


# Head nouns that make a label a person or a group of people.
_PERSON_HEADS = (TITLE_HEADS | frozenset("""members member people residents citizens rivals critics supporters
voters lawmakers legislators delegation delegations protesters demonstrators crowd crowds troops soldiers
police militants rebels insurgents journalists reporters""".split())) - frozenset("general head chair crown prime".split())
# Head nouns of the event itself: "the visit with reporters", "another round of talks in May".
# (Talks about talks stay: "accession talks with Ankara", "follow-up negotiations" are topics.)
_LOGISTICS = frozenset("round rounds session sessions venue".split())
_HEAD_END = frozenset("""of for in on at from with to between about over against by outside inside near across around
under after before during into through within without""".split())


def _head_word(label: str) -> str:
    """The head noun of a label: its last word before a preposition ("members of her party" ->
    "members")."""
    head = ""
    for w in label.split():
        low = w.lower().strip(",.;:")
        if low in _HEAD_END and head:
            break
        head = low
    return head


_ANAPHOR = re.compile(r"(?:and\s+|or\s+)?(?:its|their|his|her)\s", re.I)


_AFTER_VERB = LazyPattern(r"(?:(?:the )?door to|" + _TALKS_ON_RE + r")\s+(?:(?:the|a|an) )?", re.I)
_AFTER_VERB_CUES = ("door to", *_TALKS_ON)


def _trim(norm: str, s: int, e: int, people: list[tuple[int, int]]) -> tuple[int, int] | None:
    stop = _stop_at(norm, s, e)
    if stop is not None:
        e = stop
    s0 = s
    while (lead := _lead_end(norm, s, e)) >= 0:
        s = lead
    if _ANAPHOR.match(norm, s0, s) and len(norm[s:e].split()) == 1:
        return None  # "its implementation": the thing it belongs to was named before
    while e > s and (norm[e - 1] in " ,.;:'\"-" or norm[e - 1].isspace()):
        e -= 1
    while s < e and (norm[s] in " ,.;:'\"" or norm[s].isspace()):
        s += 1
    lead = _LETTER_RUN.match(norm, s, e)
    date = _DATE_LEAD.match(norm, s, e) if lead is not None and lead.group() in _DATE_LEAD_WORDS else None
    if date is not None:
        s = date.end()
    adv = _TRAILING_ADVERB.search(norm, s, e)
    if adv is not None:
        e = adv.start()
    when = _TRAILING_TIME.search(norm, s, e) if holds_any(fold(norm[s:e]), _TIME_UNITS) else None
    if when is not None and when.start() > s:
        e = when.start()  # "reopen embassies within two months": the embassies
    e = _purpose_cut(norm, s, e)
    q = _question_object(norm, s, e)
    if q is not None:
        s, e = q
    e = _shorten(norm, s, e)
    e = _drop_participle(norm, s, e)
    np_start = _as_noun_phrase(norm, s, e)
    if np_start is None:
        return None
    if np_start != s:
        if norm[s:np_start].split()[0].lower() in ("keep", "keeps") and norm[s:e].split()[-1].lower() in _KEPT_STATES:
            e = norm.rindex(" ", np_start, e)  # "keep channels open": the channels
        s = np_start
        # "launch talks on X", "open the door to X": the goal's object
        lm = _AFTER_VERB.match(norm, s, e) if holds_any(fold(norm[s:e]), _AFTER_VERB_CUES) else None
        if lm is not None and lm.end() < e:
            s = lm.end()
        low = fold(norm[s:e])
        # "ease decades of tension over X": the frame goes too
        lm = _DISPUTE_FRAME.match(norm, s, e) if holds_any(low, _DISPUTE_CUES) else None
        if lm is not None and lm.end() < e:
            s = lm.end()
    label = norm[s:e]
    words = label.split()
    if not words or _units(label) > _MAX_WORDS or _is_weak(label) or _is_vague(label):
        return None
    if not any((len(w) >= 3 or w.isupper() and len(w) == 2) and w.lower() not in _SHORT_STOP for w in words) or _BAD_START.end_at(fold(label), 0) >= 0 or _is_time(label):
        return None
    if _reports(fold(label)) or _EVENT_HEAD.search(label):
        return None
    head = _head_word(label)
    if head in _PERSON_HEADS or head in _LOGISTICS:
        return None  # "the state's governor", "another round of talks": people or the event, not topics
    # A person named as the whole label ("Mr Abbas") is not a topic.
    named = sum(min(b, e) - max(a, s) for a, b in people if a < e and b > s)
    if named * 2 >= e - s or any(a > s and b == e for a, b in people):
        return None  # a person, or a role ending in a name ("Gazprom chairman Aleksey Miller")
    if any(a == s and b < e and norm[b] == " " and norm[b + 1:b + 2].islower() and
           norm[b + 1:e].split()[0] not in _HEAD_END for a, b in people):
        return None  # "George Osborne delay his statement": a person as a subject, so a clause
    return s, e


def _cut(norm: str, s: int, e: int, rx: re.Pattern) -> list[tuple[int, int]]:
    out = []
    pos = s
    for m in rx.finditer(norm, s, e):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, e))
    return out


def _split_list(norm: str, s: int, e: int, rx: re.Pattern | None = None) -> list[tuple[int, int]]:
    """Items of a coordination in [s, e).

    "A, B and C" splits at every comma and at the last "and"; an "and" inside
    an earlier comma part is a fixed pair ("science and technology"); "A and
    B" without commas splits unless A is one word that shares B's head
    ("oil and gas extraction", "business and diplomatic relations").
    """
    if rx is not None:
        return _cut(norm, s, e, rx)
    parts = _cut(norm, s, e, _COMMA_SPLIT)
    if len(parts) > 1:
        sep = norm[parts[-2][1]:parts[-1][0]]
        if not re.search(r"\b(?:and|or|as well as)\b", sep) and not _AND_SPLIT.search(norm, *parts[-1]):
            parts = parts[:1]  # "A and B, five months after ...": the comma ends the list
    last = parts[-1]
    # an "and" before a frame ("relations and ways to advance X") joins two items, not a pair
    head_parts = [q for a, b in parts[:-1] for q in _split_before_frame(norm, a, b)]
    if head_parts and all(norm[a:b].split() and _adjective(norm[a:b].split()[-1]) for a, b in head_parts) and \
            len(norm[last[0]:last[1]].split()) <= 4 and \
            norm[last[0]:last[1]].split()[-1].lower() in _GENERIC_HEADS:
        return [(s, e)]  # "bilateral, regional and global issues": one head shared by all
    if len(parts) > 1 and re.match(r",?\s+as well as\s", norm[parts[-2][1]:last[0]] or ""):
        return parts  # "A, B and C, as well as D": the pairs stay whole
    if head_parts and re.search(r"\b(?:and|or)\s*$", norm[parts[-2][1]:last[0]]):
        return parts  # "A, B, and C and D": the serial comma has taken the list's "and"
    inner = _cut(norm, last[0], last[1], _AND_SPLIT)
    inner = _keep_adjective_pairs(norm, inner)
    if not head_parts:
        inner = _keep_shared_heads(norm, inner)
    return head_parts + inner


def _split_before_frame(norm: str, a: int, b: int) -> list[tuple[int, int]]:
    """[a, b) cut at an "and" whose right side opens on a lead frame ("ways to", "how to")."""
    for m in _AND_SPLIT.finditer(norm, a, b):
        if _lead_end(norm, m.end(), b) > m.end() and first_word(fold(norm[m.end():b])) not in _LEAD_WORDS:
            return [(a, m.start()), (m.end(), b)]
    return [(a, b)]


_GENERIC_HEADS = frozenset("issues matters concerns questions topics affairs problems".split())
# Nouns that end like adjectives ("a trade deal and tariffs" splits; "economic and security
# cooperation" does not).
_AL_NOUNS = frozenset("""deal deals approval proposal proposals arrival withdrawal trial trials capital rival
rivals general total signal animal renewal removal referral journal festival material materials
official officials criminal criminals appeal appeals principal potential memorial ritual tribunal
arsenal""".split())


def _adjective(word: str) -> bool:
    w = word.lower().strip(",")
    if w in _AL_NOUNS:
        return False
    return w.endswith(("ic", "ical", "al", "ive", "ous", "ian", "ern"))


def _keep_adjective_pairs(norm: str, inner: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join conjuncts split after an adjective: "regional economic and security cooperation" is one
    noun phrase whose head the adjective shares."""
    out = [inner[0]]
    for a, b in inner[1:]:
        words = norm[out[-1][0]:out[-1][1]].split()
        right = norm[a:b].split()
        of_pair = "of" in words[1:] and len(right) == 1  # "purchases of goods and services": one object
        if words and (_adjective(words[-1]) or "between" in words[:-1] or of_pair):  # "between A and B" is a pair
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


_DET = re.compile(r"^\s*(?:the|a|an|its|their|his|her|our)\s+", re.I)


# A conjunct opening with one of these is a phrase of its own ("Taiwan and such issues as X").
_NOT_SHARED = frozenset("the a an such other its their his her our all some any".split())


def _keep_shared_heads(norm: str, inner: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a one-word conjunct to the next when that one is longer: it shares its head ("oil and
    gas extraction", "peace and security issues and regional disputes" -> two items)."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(inner):
        a, b = inner[k]
        nxt = norm[inner[k + 1][0]:inner[k + 1][1]].split() if k + 1 < len(inner) else []
        # a name of several words ("China and North Korea") has no head to share
        # nor has a phrase opening on an owner ("trade and Ukraine's membership bid")
        if len(nxt) >= 2 and len(_DET.sub("", norm[a:b]).split()) == 1 and nxt[0].lower() not in _NOT_SHARED \
                and not nxt[0].endswith("'s") and not all(w[:1].isupper() for w in nxt):
            out.append((a, inner[k + 1][1]))
            k += 2
            continue
        out.append((a, b))
        k += 1
    return out
_TOPIC_HEAD = LazyPattern(r"\b(?:issues?|topics?|concerns?|matters|areas|sectors|fields|questions|"
                          r"co-?operation|deals?|agreements?|projects|measures|proposals|problems|"
                          r"subjects|agenda|challenges|priorities|interests|ties|relations)\b\W*(?:\w+\W+){0,2}$", re.I)
_SUBLIST = re.compile(r",?\s+(?:including|such as|ranging from|notably|especially)\s")


def _list_end(norm: str, s: int, limit: int, people: list[tuple[int, int]] = ()) -> int:
    """End of the coordination: a clause break, where a nested list starts, or where the
    counterpart is named ("discuss A, B and C with Lula")."""
    stop = _stop_at(norm, s, limit)
    end = limit if stop is None else stop
    sub = _SUBLIST.search(norm, s, end)
    end = sub.start() if sub else end
    w = _counterpart(norm, s, end, people)
    return end if w is None else w


_WITH = re.compile(r"\s+with\s+")
_WITH_PRONOUN = LazyPattern(r"(?:him|her|them|us|me)\b")
_CAP_RUN = LazyPattern(r"[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}")
# Nouns whose "with X" names the other side of the matter itself: "relations with China".
_WITH_HEADS = frozenset("""relations relationship ties cooperation co-operation trade partnership talks dialogue
agreement agreements deal deals conflict conflicts dispute disputes tensions border borders war negotiations
alliance links contacts friendship rivalry competition standoff row feud engagement integration
coordination co-ordination exchanges dealings peace""".split())


def _counterpart(norm: str, s: int, e: int, people: list[tuple[int, int]]) -> int | None:
    """Start of a "with <person>" in [s, e) that names who the topics are discussed with, not
    part of a topic: a person the article names, a pronoun, or a name that is no place after a
    head that takes no partner ("supplies of lithium with Lula", but "relations with China")."""
    for m in _WITH.finditer(norm, s, e):
        at = m.end()
        if any(a == at for a, _ in people) or _WITH_PRONOUN.match(norm, at, e):
            return m.start()
        run = _CAP_RUN.match(norm, at, e)
        if run is None or run.group().isupper():
            continue
        head = norm[s:m.start()].split()[-1:] or [""]
        name = run.group().rstrip(".")
        if head[0].lower() not in _WITH_HEADS and not (name.lower() in _PLACES or is_place(name)):
            return m.start()
    return None


def _passive_subject(norm: str, start: int, verb: int) -> int:
    """Start of the noun phrase right before a passive agenda verb. Before "dominate" the subject
    is often a coordination of topics ("Tense trade ties and concern about X are expected to
    dominate"): only a comma, colon or quotation mark ends it there, not "and"."""
    plural = norm[verb:verb + 6].lstrip().startswith(("are ", "were "))  # "A and B are on the agenda"
    # "with A, B and C topping the agenda": an absolute -ing phrase's subject is a list too
    absolute = norm[verb:verb + 12].lstrip().startswith(("topping", "heading", "leading", "at the top"))
    back = _DOMINATE_BACK if plural or absolute or "dominat" in norm[verb:verb + 40] else _PASSIVE_BACK
    bounds = [start] + [m.end() for m in back.finditer(norm, start, verb) if start < m.end() <= verb]
    # "X and Y, including Z, are expected to top the agenda": the subject is before the appositive
    k = len(bounds) - 1
    while k > 0 and (not norm[bounds[k]:verb].strip(" ,") or _APPOSITIVE.match(norm, bounds[k], verb)):
        k -= 1
    if back is _DOMINATE_BACK:
        # "with A, B and C expected to dominate": the commas before the last "and" are the list's own
        while k > 0 and _AND_IN.search(norm, bounds[k], verb) and norm[bounds[k] - 2:bounds[k]].strip() == "," \
                and len(norm[bounds[k - 1]:bounds[k]].split()) <= _LIST_ITEM_WORDS:
            k -= 1
    return bounds[k]


# "the grain deal, which Russia quit in July, the situation in Ukraine and ...": a relative
# clause between commas inside the list, which goes on after it.
_RELATIVE_INSIDE = LazyPattern(r",\s+(?:which|who)\s[^,;:\"]{3,60},\s+(?=(?:the|a|an)\s|[A-Z])")
_LIST_GOES_ON = LazyPattern(r"[^,;:\"]{3,80}?\s(?:and|or)\s")


def _list_after_relative(norm: str, end: int, limit: int) -> int | None:
    """Where a list stopped by a relative clause at ``end`` goes on after it, or None."""
    end = end - 1 if norm.startswith(" ", end) and norm.startswith(",", end - 1) else end
    if not norm.startswith(",", end) or not norm.startswith((" which ", " who "), end + 1):
        return None
    m = _RELATIVE_INSIDE.match(norm, end, limit)
    if m is None or _LIST_GOES_ON.match(norm, m.end(), limit) is None:
        return None
    return m.end()


_AND_IN = LazyPattern(r"\s(?:and|or)\s")
_LIST_ITEM_WORDS = 8


_APPOSITIVE = LazyPattern(r"(?:including|such as|especially|notably|particularly)\b")


# A run of bulleted paragraphs each headed by a short noun phrase ("• Aviation agreement. The new
# rules ..."): the explainer format in which outlets list what talks will cover. Two such heads
# at least make a list.
_BULLETS = "\u2022\u00b7\u25aa\u25cf*"
_BULLET_HEAD = LazyPattern(rf"^[{_BULLETS}]\s+(?P<head>[^.!?\n]{{2,60}}?)[.:]\s", re.M)
_BULLET_MAX_WORDS = 5


def _bullet_heads(norm: str) -> list[tuple[int, int]]:
    if not holds_any(norm, _BULLETS):
        return []  # most articles: no bullet, no pattern to compile
    heads = [(m.start("head"), m.end("head")) for m in _BULLET_HEAD.finditer(norm)
             if len(m.group("head").split()) <= _BULLET_MAX_WORDS
             and not norm[m.end():m.end() + 1].isdigit()]  # "• Last updated: 14 Sep.": a page's date line
    return heads if len(heads) >= 2 else []


# A sentence that announces a bulleted list of topics: "The two leaders discussed:", "On the
# agenda:", "Topics will include:", "discussed a wide range of issues, including:", "The two sides
# agreed to:". The items are the bulleted paragraphs that follow it.
_LIST_INTRO = LazyPattern(r"\b(?:discuss(?:ed|es)?|raised?|agenda(?: (?:includes?|included|will include|is|was))?|"
                         r"(?:topics?|issues|priorities)(?: (?:include[sd]?|will include|are|were))?|"
                         r"focus(?:ed|es)? on|cover(?:ed|s)?|including|such as|among them|agreed (?:to|on))\s*:$")
_BULLET_BEFORE = LazyPattern(r"[ \t]*(?:[-*+\u2022\u25aa\u25cf\u00b7]|\d{1,2}[.)])[ \t]+$")
_ITEM_TAIL = LazyPattern(r"(?:[\s,;.]+(?:and|or)?)+$")
_MAX_BULLETS = 8


def _bullet_items(norm: str, paragraphs, after: int) -> list[tuple[int, int]]:
    """The bulleted paragraphs right after the character ``after`` (each item's span, its
    trailing ", and" or full stop cut)."""
    out = []
    for p in paragraphs:
        if p.start < after:
            continue
        line = norm.rfind("\n", 0, p.start) + 1
        if not _BULLET_BEFORE.fullmatch(norm, line, p.start) or len(out) >= _MAX_BULLETS:
            break
        tail = _ITEM_TAIL.search(norm, p.start, p.end)
        out.append((p.start, tail.start() if tail else p.end))
    return out


def run(state: State) -> State:
    """Sets agenda (none when the article reports no visit, summit or talks: topics would dress
    it up as one)."""
    if state.event is not None and state.event.kind is None:
        return state.replace(agenda=())
    norm, text = state.norm, state.text
    low = lower(norm)
    folded = fold(norm)
    items: list[tuple[float, int, int, int]] = []  # (score, start, end, sentence)
    seen: set[str] = set()
    bags: set[frozenset[str]] = set()
    people = [(m.start, m.end) for m in state.mentions if m.kind in ("name", "short")]

    def add(s: int, e: int, sent: int, w: float) -> None:
        t = _trim(norm, s, e, people)
        if t is None:
            return
        # words compared without a plural -s: "Palestinian reform" repeats "Palestinian reforms"
        key = " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
                       for w in re.sub(r"\W+", " ", norm[t[0]:t[1]].lower()).split())
        bag = frozenset(key.split())  # "regional and global developments" = "global and regional ..."
        # One topic named twice ("concerns about X" and "X", or again later): the first reading stays.
        if key in seen or bag in bags or any(f" {key} " in f" {k} " or f" {k} " in f" {key} "
                                             for k in seen if len(k) > 6 and len(key) > 6):
            return
        seen.add(key)
        bags.add(bag)
        items.append((w, t[0], t[1], sent))

    body = [s for s in state.sentences if not s.caption]
    n = max(len(body), 1)
    all_goals = sorted((m for cues, rx in _GOALS if holds_any(low, cues) for m in rx.finditer(low)),
                       key=lambda m: m.start())
    goal_starts = [m.start() for m in all_goals]
    for rank, sent in enumerate(body):
        position = 1.0 - 0.4 * rank / n
        cued = False
        triggers = list(_TRIGGER.finditer(low, sent.start, sent.end))
        if holds_any(low[sent.start:sent.end], _MORE_WORDS) and _more_cued(low[sent.start:sent.end]):
            triggers = sorted(triggers + list(_TRIGGER_MORE.finditer(low, sent.start, sent.end)),
                              key=lambda t: t.start())
        for m in triggers:
            trig = m.group().lower()
            if norm.count('"', sent.start, m.start()) % 2 and trig.startswith(("raise", "cover")):
                continue
            if trig.startswith("rais") and _CAUSED.match(low, m.end(), sent.end):
                continue  # "raising the prospect of war": the talks caused it, nobody raised a topic
            if m.start() > 0 and (norm[m.start() - 1] == "-" or _AS_BEFORE.search(low, max(0, m.start() - 4), m.start())):
                continue  # "the much-discussed trip", "as discussed earlier": no topic follows
            if trig.startswith("rais") and m.end() < sent.end and (norm[m.end()] in _MONEY or norm[m.end()].isdecimal()):
                continue  # "raised $5 million": funds, not a topic
            if _NEGATED.search(low, max(sent.start, m.start() - 30), m.start()):
                continue  # "there was no discussion of X", "will not raise X": not on the agenda
            if trig.rstrip().endswith(("address", "addressed")) and _AUDIENCE.match(norm, m.end(), sent.end):
                continue  # "to address Parliament", "addressed reporters": an audience, not a topic
            if trig.endswith(" to ") and trig.startswith(("urg", "press", "ask", "agreed")) and \
                    _unknown_verb(low, m.end(), sent.end):
                continue  # "urged them to get serious": a verb phrase, whose object no goal verb names
            if trig.rstrip().endswith(" about") and trig.startswith(("spok", "speak", "talk ", "talked", "talking")) \
                    and not _JOINT.search(low, sent.start, m.start()):
                continue  # "he spoke about his childhood": one speaker, no talks; "the two spoke about X"
            if trig.startswith(("singl", "everything")) and not cued:
                continue  # "singling out X" names topics only after a topic cue in its sentence
            if trig.startswith(_LIST_TRIGGERS) and \
                    holds_any(fold(norm[max(sent.start, m.start() - 25):m.start()]), _GROUP_WORDS) and \
                    _GROUP_BEFORE.search(norm, max(sent.start, m.start() - 25), m.start()):
                continue  # "countries including A, B": members, not topics ("leaders to discuss X" is)
            if trig.startswith(("including", "such")) and not cued and \
                    not _TOPIC_HEAD.search(norm, max(sent.start, m.start() - 60), m.end()):
                continue  # "basic needs, including water": not what the talks are about
            if norm[m.start()].isupper() and m.start() > sent.start + 1 and norm[m.start() - 1] not in "\"\u201c":
                continue  # part of a name: "General Agreement on Tariffs and Trade" (a quoted title is not)
            begin = m.end()
            if norm[begin:begin + 1] == '"' and 0 < norm.find('"', begin + 1, sent.end) - begin <= _QUOTED_TOPIC:
                begin += 1  # 'will be "standing up to aggression."': a short quotation names the topic
            end = _list_end(norm, begin, sent.end, people)
            ranged = "rang" in trig or trig.rstrip().endswith("from")
            parts = _split_list(norm, begin, end, _RANGE_SPLIT if ranged else None)
            rest = _list_after_relative(norm, end, sent.end)
            if rest is not None and not ranged:
                parts += _split_list(norm, rest, _list_end(norm, rest, sent.end, people))
            if trig.startswith(_LIST_TRIGGERS) and _is_place_list(norm, parts):
                continue  # "states such as Peru, Chile and Bolivia"; "discuss Syria, Iraq and Yemen" names topics
            cued = True
            strong = any(k in trig for k in ("including", "such", "agenda", "topic", "discuss",
                                             "focus", "raise", "talks", "range", "issues"))
            w = (0.9 if strong else 0.6) * position
            if len(parts) > 1:
                w += 0.1
            prep = trig.split()[-1] + " " if trig.split() else ""
            for a, b in parts[:8]:
                if prep in ("on ", "about ", "over ", "for ") and norm.startswith(prep, a):
                    a += len(prep)  # "pressed Hanoi on X and on Y": the cue's preposition repeated
                add(a, b, sent.index, w)
        goals = all_goals[bisect_left(goal_starts, sent.start):bisect_left(goal_starts, sent.end)]
        if goals and _EVENT.search(folded, sent.start, sent.end) is not None:
            for m in goals:
                if norm.count('"', sent.start, m.start()) % 2:
                    continue
                end = _list_end(norm, m.end(), sent.end, people)
                for a, b in _split_list(norm, m.end(), end)[:4]:
                    add(a, b, sent.index, 0.5 * position)
        passives = _PASSIVE.finditer(low, sent.start, sent.end) \
            if _passive_cued(low[sent.start:sent.end]) else ()
        for m in passives:
            verb = m.start()
            before = norm[sent.start:verb].rstrip()
            if before.endswith("-"):  # "X - untouched for decades - will be on the table": X is the subject
                opening = norm.rfind(" -", sent.start, sent.start + len(before) - 1)
                verb = opening if opening > sent.start else verb
            a = _passive_subject(norm, sent.start, verb)
            cued = True
            for pa, pb in _split_list(norm, a, verb)[:4]:
                add(pa, pb, sent.index, 0.9 * position)
        front = _FRONTED.match(norm, sent.start, sent.end)
        if front is not None and not _FRONT_NOT.match(low, front.start(1), front.end(1)) and \
                _FRONT_STANCE.search(low, front.end(), sent.end):
            add(front.start(1), front.end(1), sent.index, 0.8 * position)  # "On Taiwan, he said ..."
        for m in _DASH_LIST.finditer(norm, sent.start, sent.end):
            if not (cued or _DASH_CUE.search(norm, sent.start, m.start())):
                continue
            body_s = m.start("body")
            parts = _cut(norm, body_s, m.end("body"), _COMMA_SPLIT)  # asyndetic lists are the norm here
            if len(parts) >= 2:  # "- energy, migration and the war -": the last "A and B" splits as usual
                parts = parts[:-1] + _split_list(norm, *parts[-1])
            if len(parts) >= 2 and not _is_place_list(norm, parts):
                for a, b in parts[:8]:
                    add(a, b, sent.index, 0.8 * position)
    for a, b in _bullet_heads(norm):
        add(a, b, -1, 0.8)
    for sent in body:
        if norm[sent.end - 1:sent.end] == ":" and _LIST_INTRO.search(low, sent.start, sent.end):
            for a, b in _bullet_items(norm, state.paragraphs, sent.end):
                # a bullet may list several: "Critical and emerging technologies, defense cooperation, and energy"
                for pa, pb in (_split_list(norm, a, b) if "," in norm[a:b] else [(a, b)]):
                    add(pa, pb, sent.index, 0.8)
    out = tuple(Item(text=text[s:e], evidence=(Span(s, e),), score=round(min(w, 1.0), 3))
                for w, s, e, _ in sorted(items, key=lambda x: x[1]))
    return state.replace(agenda=out)
