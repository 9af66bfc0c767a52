"""Invented short articles: roles of leaders the lead names without a title. A role comes from
the article (an apposition, a copula, a description that goes on about them) or stays empty."""
from datetime import date

import pytest


def _roles(stages, text):
    return {p.name: p.role for p in stages(text, until="people", today=date(2026, 3, 4)).people}


@pytest.mark.parametrize("text, name, role", [
    # no title anywhere: the role stays empty, never invented
    ("Roe meets Kay\n\nAnn Roe met Bo Kay in Lima on Tuesday for talks on trade. Roe said ties were good.",
     "Ann Roe", None),
    # an apposition with a time phrase after the title: the title alone
    ("Roe meets Kay\n\nAnn Roe met Bo Kay in Lima on Tuesday. Roe said ties were good. Kay, Ruritania's "
     "president since 2023, smiled.", "Bo Kay", "Ruritania's president"),
    ("Roe hosts Kay\n\nAnn Roe hosted Bo Kay in Lima on Friday. Kay said the talks were frank. Roe, "
     "Peru's leader for two decades, said Peru wanted peace.", "Ann Roe", "Peru's leader"),
    # a copula with another clause after it: the role ends before the next person
    ("Roe meets Kay\n\nAnn Roe met Bo Kay in Lima on Tuesday. Roe is Peru's president and Kay is "
     "Ruritania's. Roe said ties were good.", "Ann Roe", "Peru's president"),
    # a description opening the next sentence goes on about the previous sentence's subject
    ("Roe in Lima\n\nLIMA - Ann Roe arrived in Lima on Monday for a summit with Bo Kay. The Ruritanian prime "
     "minister will meet business leaders. Kay said he welcomed the visit.", "Ann Roe",
     "Ruritanian prime minister"),
])
def test_roles_of_leaders_named_without_a_title(stages, text, name, role):
    roles = _roles(stages, text)
    assert roles[name] == role
