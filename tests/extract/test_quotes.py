import pytest


def _quotes(stages, text):
    st = stages("Headline\n\n" + text, until="quotes")
    return [(st.text[q.start:q.end], q.speaker) for q in st.quotes]


@pytest.mark.parametrize("text, expected", [
    ('Chinese President Xi Jinping met him. "I believe in the people," Xi said to Gates, adding, '
     '"We can carry out activities."',
     [("I believe in the people", "Xi Jinping"), ("We can carry out activities.", "Xi Jinping")]),
    ("Mr Chirac told reporters in Brussels: \u201cIt can no longer be justified.\u201d",
     [("It can no longer be justified.", "Chirac")]),
    ('"We have no leverage," one official admitted.', [("We have no leverage", "official")]),
    ('"It would only take five minutes," a senior U.S. Official replied.',
     [("It would only take five minutes", "senior U.S. Official")]),
    ("French President Francois Hollande spoke. He said the visit was \u201ca historic step\u201d for both.",
     [("a historic step", "Francois Hollande")]),
])
def test_pairing_and_attribution(stages, text, expected):
    assert _quotes(stages, text) == expected


def test_unbalanced_marks_are_skipped_not_crashed(stages):
    assert _quotes(stages, 'It took decades to build the port," and then more came.') == []
    assert _quotes(stages, "\u201cOpen but never closed, said someone.") == []
    assert _quotes(stages, 'He said "a mid-sentence "odd mark here and more.') == []


@pytest.mark.parametrize("text, expected", [
    # the opening mark was lost at the paragraph start, a reporting verb follows the close
    ('Prime Minister Ann Lee spoke.\n\nIt took years to build the port," Lee said.',
     [("It took years to build the port", "Ann Lee")]),
    # a quotation reopened at a new sentence without being closed
    ('Minister Ann Lee told reporters: "We will pay our share. "There can be no deal without it."',
     [("We will pay our share.", "Ann Lee"), ("There can be no deal without it.", "Ann Lee")]),
])
def test_newspaper_mark_conventions(stages, text, expected):
    assert _quotes(stages, text) == expected


def test_quote_spanning_paragraphs(stages):
    text = ('Prime Minister Tony Blair spoke at length.\n"We will go on with this work.\n'
            '"And we will finish it," Mr Blair said.\n')
    got = _quotes(stages, text)
    assert [t for t, _ in got] == ["We will go on with this work.", "And we will finish it"]
    assert {s for _, s in got} == {"Tony Blair"}
