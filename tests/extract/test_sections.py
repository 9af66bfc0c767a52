import pytest

from briefgen.extract.classify import clauses


def _agenda(stages, text):
    st = stages("Envoy arrives for talks\n\n" + text, until="agenda")
    return [i.text for i in st.agenda]


@pytest.mark.parametrize("text, expected", [
    ("He intends to raise concerns on a range of issues, including the fentanyl crisis, Taiwan, "
     "the conflict in Ukraine, and China\u2019s detention of American citizens.",
     ["fentanyl crisis", "Taiwan", "conflict in Ukraine", "China\u2019s detention of American citizens"]),
    ("He plans to explore cooperation \u2013 global economic stability, illicit synthetic drugs, climate, "
     "global health \u2013 where interests intersect.",
     ["global economic stability", "illicit synthetic drugs", "climate", "global health"]),
    ("Tomorrow's topics include savings and investment issues such as consumer credit and housing.",
     ["savings and investment issues", "consumer credit", "housing"]),
    ("Talks among countries including Senegal, Malaysia and Italy went on.", []),
])
def test_agenda_lists_split_into_items(stages, text, expected):
    assert _agenda(stages, text) == expected


def test_clauses_split_at_joints():
    s = "The visit is meant to steer relations back on course after months of inflamed tensions."
    got = [s[a:b] for a, b in clauses(s, 0, len(s))]
    assert got == ["The visit is meant to steer relations back on course",
                   "after months of inflamed tensions."]


@pytest.mark.parametrize("sentence, section", [
    ("The trip is aimed at defusing the worst trade tension in years.", "purpose"),
    ("Officials signalled low expectations and do not expect a breakthrough.", "expectations"),
    ("The visit comes amid a major cooling in relations.", "context"),
])
def test_clause_goes_to_section(stages, sentence, section):
    st = stages("Headline\n\n" + sentence, until="rank")
    found = getattr(st, section)
    assert found and found[0].evidence[0].start == st.text.index(sentence[:10])
    assert 0.0 <= found[0].score <= 1.0
