"""Narrowing long items to the clause that carries their cue (stage ``narrow``). Sentences of our own."""
from __future__ import annotations

import pytest

from briefgen.extract.narrow import narrow, pieces, stand_alone
from briefgen.model.briefing import Span


def _state(stages, body: str):
    return stages("Headline about talks\n\n" + body, until="rank")


def _narrowed(stages, body: str, section: str, sentence: str) -> list[str]:
    st = _state(stages, body)
    s = st.text.index(sentence)
    return [st.text[sp.start:sp.end] for sp in narrow(st, Span(s, s + len(sentence)), section)]


LONG_LEAD = ("Foreign Minister Ana Ruiz arrived in Lima on Monday morning for what local newspapers "
             "described as a \u201ccrucial visit meant to repair ties between the two neighbours after "
             "months of bitter quarrels over fishing rights.\u201d")


@pytest.mark.parametrize("sentence, section, expected", [
    # the coined phrase in quotation marks carries the goal; "after months of" is another clause
    (LONG_LEAD, "purpose",
     ["crucial visit meant to repair ties between the two neighbours"]),
    # a reporting frame gives way to what is reported; a quotation after "but that" keeps its marks
    ("The deputy minister, who spoke to reporters in the capital on Friday afternoon, said that both "
     "sides wanted calm, but that \u201cwe are not going there expecting any breakthrough on the "
     "border question at all.\u201d", "expectations",
     ["\u201cwe are not going there expecting any breakthrough on the border question at all.\u201d"]),
    # "which was postponed ..." loses its relative pronoun: the participle stands alone
    ("She was recalling the meeting of the two leaders in the spring of 2019 in the old capital, "
     "which was postponed twice after a row over the disputed islands in the northern sea.", "context",
     ["postponed twice after a row over the disputed islands in the northern sea."]),
    # a goal hung on the event noun: the item starts at its noun phrase
    ("Prime Minister Ola Berg, weakened by a long party crisis at home, sets out Tuesday on a difficult "
     "mission to Berlin aimed at ending the worst trade quarrel between the two countries in decades.",
     "purpose", ["a difficult mission to Berlin aimed at ending the worst trade quarrel between the two "
                 "countries in decades."]),
    # two clauses with goals of their own become two items
    ("\u201cWhat we are working to do on this trip is to carry forward what the two leaders agreed at "
     "their last meeting, which was to establish regular lines of communication between our two "
     "governments,\u201d the minister said.", "purpose",
     ["What we are working to do on this trip is to carry forward what the two leaders agreed at their "
      "last meeting", "to establish regular lines of communication between our two governments"]),
    # weak hints do not say which clause makes the point: the item stays whole
    ("The minister acknowledged some people thought he was too close to the other side during the "
     "long negotiations, but said the talks were important for both of the countries involved.",
     "context",
     ["The minister acknowledged some people thought he was too close to the other side during the "
      "long negotiations, but said the talks were important for both of the countries involved."]),
    # a short item only loses its opener
    ("At the same time, officials on both sides signalled low expectations for the trip.", "expectations",
     ["officials on both sides signalled low expectations for the trip."]),
    # "So far" is no opener
    ("So far the two sides have refused to sign the treaty.", "context",
     ["So far the two sides have refused to sign the treaty."]),
])
def test_narrow(stages, sentence, section, expected):
    assert _narrowed(stages, sentence, section, sentence) == expected


def test_a_goal_infinitive_is_the_clause_kept_for_purpose(stages):
    sentence = ("The briefing was preceded by the minister telling reporters in the capital that during "
                "her visit to Lima, she plans \u201cto explore the potential for cooperation on fisheries, "
                "mining and climate where our interests meet.\u201d")
    assert _narrowed(stages, sentence, "purpose", sentence) == [
        "during her visit to Lima, she plans \u201cto explore the potential for cooperation on fisheries, "
        "mining and climate where our interests meet.\u201d"]


def test_a_goal_said_with_in_a_bid_to_is_its_infinitive(stages):
    sentence = ("Peruvian Foreign Minister Ann Roe met her Chilean counterpart Bo Kay in Santiago on Thursday "
                "in a bid to ease decades of tension over fishing grounds and river dams in the north.")
    assert _narrowed(stages, sentence, "purpose", sentence) == [
        "to ease decades of tension over fishing grounds and river dams in the north."]


def test_a_quotation_going_on_in_lower_case_keeps_the_words_leading_into_it(stages):
    sentence = ('Mrs Lima said the state visit in June was an "opportunity to strengthen our already close '
                'relationship in trade, investment, security and defence, and to discuss how we can build '
                'on these ties in the years ahead".')
    (kept,) = _narrowed(stages, sentence, "purpose", sentence)
    assert kept.startswith("Mrs Lima said the state visit in June was an")


@pytest.mark.parametrize("text, expected", [
    ("and officials expect little from the meeting", "officials expect little from the meeting"),
    ("with officials expecting little from the meeting", "officials expecting little from the meeting"),
    ("When he arrives, he will meet the king", "When he arrives, he will meet the king"),  # clause follows
    ("but said the talks were useful", None),  # the subject is in the clause before
    ("though Lima cautioned that no breakthrough was expected", "Lima cautioned that no breakthrough was expected"),
    ("although it was postponed twice", "it was postponed twice"),
    ("where the talks were held", None),
    ("which the minister described as useful", None),  # "which" + a noun: its antecedent is needed
    ("which aims to cut emissions", "aims to cut emissions"),
    ("who said that the talks were useful", "the talks were useful"),
    ("That left only three leaders at the table", "That left only three leaders at the table"),
])
def test_stand_alone(text, expected):
    s = stand_alone(text, 0, len(text))
    assert (None if s is None else text[s:]) == expected


def test_pieces_cut_at_breaks_and_quotations():
    text = 'He said the trip was "a chance to reset ties," officials said, which few believed; talks go on.'
    got = [text[a:b] for a, b in pieces(text, 0, len(text))]
    assert got == ['He said the trip was ', '"a chance to reset ties,"', ' officials said', 'which few believed',
                   'talks go on.']


def test_narrowed_items_stay_exact_slices(stages):
    st = stages("Headline about a visit\n\n" + LONG_LEAD + " The talks are expected to produce a deal.",
                until="narrow")
    for items in (st.purpose, st.expectations, st.context):
        for it in items:
            sp = it.evidence[0]
            assert st.text[sp.start:sp.end] == it.text
            assert not it.text[:1].isspace() and not it.text[-1:].isspace()


@pytest.mark.parametrize("clause, dangles", [
    ("according to the ministry.", True),
    ("because of the new tax.", True),
    ("saying the talks went well.", True),
    ("as well as fishing rights.", True),
    ("as prices rose sharply.", True),
    ("with trade worth about 250 billion euros last year.", True),  # no verb of its own
    ("with a senior official telling reporters that no deal is expected.", False),  # a participle clause
    ("after months of tension.", False),  # a context clause of its own
    ("As he left, the minister spoke.", False),  # a sentence start, not a dangling clause
])
def test_rank_dangling_clauses(clause, dangles):
    from briefgen.extract import rank
    assert rank.dangles(clause, 0, len(clause)) is dangles
