import pytest


def _people(stages, text):
    st = stages("Headline\n\n" + text, until="people")
    return st, {p.name: p for p in st.people}


@pytest.mark.parametrize("text, name, role", [
    ("Blinken met Chinese Foreign Minister Qin Gang on Sunday.", "Qin Gang", "Chinese Foreign Minister"),
    ("US Secretary of State Antony Blinken arrived in Beijing.", "Antony Blinken", "US Secretary of State"),
    ("He will see Wang Yi, director of the Party Foreign Affairs Office and Chinese President Xi Jinping.",
     "Wang Yi", "director of the Party Foreign Affairs Office"),
    ("He will see Wang Yi, director of the Party Foreign Affairs Office and Chinese President Xi Jinping.",
     "Xi Jinping", "Chinese President"),
    ("It was echoed by Daniel Kritenbrink, the Assistant Secretary of State for East Asian and Pacific Affairs, "
     "who spoke.", "Daniel Kritenbrink", "Assistant Secretary of State for East Asian and Pacific Affairs"),
    ("A delegation led by SK Group Chairman Chey Tae-won will go.", "Chey Tae-won", "SK Group Chairman"),
    ("The king's son, presidential spokesperson Kang Yu-jung said.", "Kang Yu-jung", "presidential spokesperson"),
    ("Saudi Arabia's King Salman will not attend, his foreign minister, Adel al-Jubeir, said.",
     "Adel al-Jubeir", "foreign minister"),
])
def test_roles_as_written(stages, text, name, role):
    _, people = _people(stages, text)
    assert people[name].role == role


def test_mentions_resolve_surname_typo_nominal_and_pronoun(stages):
    text = ("US Secretary of State Antony Blinken arrived in Beijing. Blinken met officials. "
            "The top US diplomat said he was hopeful. \"We talk,\" Blinked underlined.")
    st, people = _people(stages, text)
    key = people["Antony Blinken"].key
    kinds = {st.text[m.start:m.end] for m in st.mentions if m.person == key}
    assert {"Blinken", "The top US diplomat", "he", "Blinked"} <= kinds


def test_historic_person_flagged(stages):
    _, people = _people(stages, "It was the lowest moment since then-US President Richard Nixon's trip in 1972.")
    assert people["Richard Nixon"].historic
