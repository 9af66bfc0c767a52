"""The section ranker: clause features, the weights file's contract, training, --explain.
Sentences of our own."""
from __future__ import annotations

import json

import pytest

from briefgen.extract import features, ranker
from briefgen.extract.explain import explain
from tests.extract.conftest import article

TEXT = ("Headline\n\nThe minister arrived in Lima on Monday for talks aimed at ending the fishing dispute. "
        "The two sides will sign a port accord, officials said. "
        '"We are ready to talk about anything at all," she said. '
        "The visit comes amid a row over quotas that began in 2019.")


def _feats(stages, text=TEXT):
    st = stages(text, until="agenda")
    return st, features.clause_features(st)


def test_every_candidate_gets_features_that_name_what_fired(stages):
    st, table = _feats(stages)
    assert len(table) == len(st.candidates)
    lead = table[0]
    assert lead["pos:lead"] == 1.0 and lead["lex:purpose"] > 0
    assert any(k.startswith("cue:purpose:") for k in lead)
    quoted = next(f for c, f in zip(st.candidates, table) if st.text[c.start:c.end].startswith('"We are'))
    assert quoted.get("quote:inside") == 1.0
    future = next(f for c, f in zip(st.candidates, table) if "will sign" in st.text[c.start:c.end])
    assert future.get("tense:will") == 1.0 and future.get("speech:verb") == 1.0
    past = next(f for c, f in zip(st.candidates, table) if "2019" in st.text[c.start:c.end])
    assert past.get("time:year") == 1.0 and past.get("time:other") == 1.0


def test_a_clause_naming_any_stop_of_a_tour_names_the_place(stages):
    st, table = _feats(stages, "Headline\n\nSecretary Ann Roe will travel to Chile, Peru, Bolivia and Ecuador "
                               "next week. She will sign a fishing accord in Peru. The talks are set for June.")
    assert st.event.location == "Chile, Peru, Bolivia and Ecuador"
    peru = next(f for c, f in zip(st.candidates, table) if "in Peru" in st.text[c.start:c.end])
    june = next(f for c, f in zip(st.candidates, table) if "June" in st.text[c.start:c.end])
    assert peru.get("ent:place") == 1.0 and "ent:place" not in june


def test_features_are_deterministic(stages):
    assert _feats(stages)[1] == _feats(stages)[1]


def test_shipped_weights_match_the_cue_lexicons():
    model = ranker.default()
    assert set(model.weights) == set(features.SECTIONS)
    for sec in features.SECTIONS:
        assert 0.0 < model.thresholds[sec] < 1.0 and model.caps[sec] >= 1
    # every cue feature the weights name exists in its lexicon
    sizes = {"purpose": len(ranker.cues.PURPOSE), "expectations": len(ranker.cues.EXPECT),
             "context": len(ranker.cues.CONTEXT)}
    for w in model.weights.values():
        for name in w:
            if name.startswith("cue:"):
                _, sec, k = name.split(":")
                assert int(k) < sizes[sec]


def test_weights_round_trip_and_stale_weights_are_refused():
    model = ranker.default()
    text = ranker.to_json(model)
    again = ranker.from_dict(json.loads(text))
    assert again.weights == model.weights and again.thresholds == model.thresholds
    assert ranker.to_json(again) == text
    stale = json.loads(text)
    stale["spec"] = "0" * 16
    with pytest.raises(ranker.StaleWeights):
        ranker.from_dict(stale)
    stale["format"] = 99
    with pytest.raises(ranker.StaleWeights):
        ranker.from_dict(stale)


def test_probability_follows_the_weights():
    m = ranker.Model({"purpose": {"bias": -1.0, "a": 2.0}}, {"purpose": 0.5}, {"purpose": 1})
    assert m.prob("purpose", {"bias": 1.0}) < 0.5 < m.prob("purpose", {"bias": 1.0, "a": 1.0})
    assert m.contributions("purpose", {"bias": 1.0, "a": 1.0}) == [("a", 2.0), ("bias", -1.0)]


def test_a_model_can_be_passed_to_the_pipeline(stages):
    """Training and leave-one-group-out runs give their own model; a model that keeps nothing
    empties the clause sections."""
    shipped = ranker.default()
    none = ranker.Model(shipped.weights, {s: 1.01 for s in features.SECTIONS}, shipped.caps)
    st = stages(TEXT, model=none)
    assert st.purpose == st.expectations == st.context == ()
    assert stages(TEXT).context  # the shipped model keeps some background


def test_training_is_deterministic():
    from tools import train

    def rec(i, group):
        feats = [{"bias": 1.0, "x": float(k % 2), "y": float((k + i) % 3 == 0)} for k in range(6)]
        spans = [(10 * k, 10 * k + 8) for k in range(6)]
        gold = {s: [((10, 18), True), ((30, 38), False)] for s in features.SECTIONS}
        return train.Record(f"{group}-{i}", group, feats, spans, gold)

    records = [rec(i, g) for i, g in enumerate("abcdeabcde")]
    first = ranker.to_json(train.train(records))
    assert first == ranker.to_json(train.train(records))


def test_explain_shows_each_clause_its_scores_and_cues(stages):
    out = explain(article(TEXT))
    st = stages(TEXT)
    assert out.startswith("event: ")
    assert "thresholds: purpose" in out
    for c in st.candidates:
        assert f"[{c.start}:{c.end}]" in out
    assert 'purpose "aimed at' in out and 'context "amid' in out
    assert "agenda topics:" in out


def test_cli_explain(tmp_path):
    from typer.testing import CliRunner

    from briefgen.cli import app

    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    res = CliRunner().invoke(app, ["extract", str(src), "--explain"])
    assert res.exit_code == 0, res.output
    assert "thresholds: purpose" in res.output and "agenda topics:" in res.output


def test_goal_frames_and_the_clause_rank_in_its_article(stages):
    text = ("Headline\n\nThe minister arrived in Lima on Monday to meet the president of the fishing league. "
            "The visit is meant to end the quarrel over quotas. "
            "The two sides agreed a port accord, officials said.")
    st, table = _feats(stages, text)
    by_text = {st.text[c.start:c.end]: f for c, f in zip(st.candidates, table)}
    lead = next(f for t, f in by_text.items() if t.startswith("The minister arrived"))
    assert lead.get("goal:travel") == 1.0
    meant = next(f for t, f in by_text.items() if t.startswith("The visit is meant"))
    assert meant.get("goal:event") == 1.0 and meant.get("subj:event") == 1.0
    assert meant.get("top:purpose:1") == 1.0  # the article's best purpose clause by rule score
    agreed = next(f for t, f in by_text.items() if "agreed" in t)
    assert agreed.get("act:outcome") == 1.0
    status = st.event.status or "unknown"
    assert agreed.get(f"status:{status}&outcome") == 1.0


def test_a_best_clause_floor_keeps_the_article_best_only():
    from tools.train import kept
    ranked = [0.3, 0.2, 0.1]
    assert kept(ranked, 0.5, 3, 0.5) == 0  # no floor: nothing passes
    assert kept(ranked, 0.5, 3, 0.25) == 1  # the best passes the floor
    assert kept(ranked, 0.15, 3, 0.25) == 2 and kept(ranked, 0.15, 1, 0.25) == 1


def test_purpose_has_no_floor_below_its_threshold():
    """Every purpose candidate states a goal, so a lower bar for the article's best clause would
    keep one in every article, also where the article gives no reason for the event."""
    from tools import train

    def rec(i, positive):
        spans = [(0, 8), (10, 18)]
        gold = {s: [((0, 8), True)] if positive else [] for s in features.SECTIONS}
        return train.Record(f"g{i}-{i}", f"g{i}", [{}, {}], spans, gold), [0.2 if positive else 0.1, 0.05]

    oof = [rec(i, positive=i % 4 != 0) for i in range(12)]  # best clauses weak, mostly right
    t, _, floor, _ = train.choose(oof, "context")
    assert floor < t  # a floor pays here
    t, _, floor, _ = train.choose(oof, "purpose")
    assert floor == t


def test_voice_participants_paragraph_place_and_the_article_best(stages):
    text = ("Headline\n\nForeign Minister Carla Mendes arrived in Lima on Monday for talks with President Ana Ruiz. "
            "Ruiz hopes the talks will end the quarrel over quotas, officials said.\n\n"
            "The fishing fleet has been idle since March. "
            "Prices rose in the spring.")
    st, table = _feats(stages, text)
    by_text = {st.text[c.start:c.end]: f for c, f in zip(st.candidates, table)}
    lead = next(f for t, f in by_text.items() if t.startswith("Foreign Minister"))
    assert lead["lex:purpose&event"] == lead["lex:purpose"] > 0  # a goal of this visit
    assert lead.get("ent:participant") == 1.0 and lead.get("voice:reporter") == 1.0
    hopes = next(f for t, f in by_text.items() if t.startswith("Ruiz hopes"))
    assert hopes.get("ent:participant") == 1.0 and "ent:principal" not in hopes
    assert "voice:reporter" not in hopes  # an official's words, reported
    idle = next(f for t, f in by_text.items() if t.startswith("The fishing fleet"))
    assert idle.get("voice:reporter") == 1.0 and idle.get("pos:para_first") == 1.0
    assert "ent:participant" not in idle
    prices = next(f for t, f in by_text.items() if t.startswith("Prices rose"))
    assert prices.get("pos:para_second") == 1.0
    # every clause carries the article's best lexicon score per section, the same for all
    bests = {f["art:best:purpose"] for f in table}
    assert len(bests) == 1 and bests.pop() == max(f["lex:purpose"] for f in table) > 0


def test_quick_logo_estimate_and_average_precision():
    from tools import logo, train

    def rec(i, group):
        # every clause states a goal ("lex:purpose"), so purpose may take any of them
        feats = [{"bias": 1.0, "lex:purpose": 0.5, "x": float(k == 1)} for k in range(4)]
        spans = [(10 * k, 10 * k + 8) for k in range(4)]
        gold = {s: [((10, 18), True)] for s in features.SECTIONS}
        return train.Record(f"{group}-{i}", group, feats, spans, gold)

    r = rec(0, "a")
    assert logo.average_precision(r, "purpose", [0.9, 0.8, 0.1, 0.0]) == 0.5  # the positive ranked second
    assert logo.average_precision(r, "purpose", [0.1, 0.8, 0.1, 0.0]) == 1.0
    out = logo.quick([rec(i, g) for i, g in enumerate("abcdabcd")])
    assert set(out) == set(features.SECTIONS)
    assert all(f1 == 1.0 and ap == 1.0 for f1, ap in out.values())  # "x" marks the positive in every group
