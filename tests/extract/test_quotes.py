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
    assert _quotes(stages, 'It took decades to build NATO," Rhodes said. Then more.') == []
    assert _quotes(stages, "\u201cOpen but never closed, said someone.") == []


def test_quote_spanning_paragraphs(stages):
    text = ('Prime Minister Tony Blair spoke at length.\n"We will go on with this work.\n'
            '"And we will finish it," Mr Blair said.\n')
    got = _quotes(stages, text)
    assert [t for t, _ in got] == ["We will go on with this work.", "And we will finish it"]
    assert {s for _, s in got} == {"Tony Blair"}
