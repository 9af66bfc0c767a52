"""Leave-one-group-out check of the people/event constants (parser-people, issue 11).

For each constant and each dev group (the id before the first "-"), the value is chosen from
a grid by the mean metric on the other groups, then the held-out group is scored with it.
Reads ../shared/eval/dev in place (never copied); exits quietly when it is absent.
Run: .venv/bin/python bench/logo_people.py"""
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
if not (EVAL / "score.py").exists():
    sys.exit(0)
spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
score = importlib.util.module_from_spec(spec); spec.loader.exec_module(score)
from briefgen.sources.read import read_article
from briefgen.extract import extract, event, timing, mentions, quotes
from briefgen.model.briefing import to_json
D = EVAL / "dev"
arts = []
for g in sorted(D.glob("*.gold.json")):
    aid = g.name[:-10]
    arts.append((aid, aid.split("-")[0], score.read_source(g.with_name(aid + ".txt")),
                 json.loads(g.read_text()), read_article(str(g.with_name(aid + ".txt")))))

def metric_per_article(key):
    out = {}
    for aid, grp, src, gold, art in arts:
        pred = json.loads(json.dumps(to_json(extract(art), art.text)))
        r = score.score_article(src, gold, pred)
        v = r["sections"]["quotes"].get("speaker_acc") if key == "speaker" else r["event"].get(key)
        out[aid] = v
    return out

GRID = {
    ("event", "_VISITOR_BONUS", "principal"): [0.0, 3.0, 6.0, 9.0],
    ("event", "_HEADLINE_BONUS", "principal"): [0.0, 1.5, 3.0, 6.0],
    ("timing", "WEAK", "status"): [0.0, 0.15, 0.3, 0.6, 1.0],
    ("timing", "STATED", "status"): [0.0, 1.5, 3.0, 6.0],
    ("mentions", "_SUBJECT_REACH", "speaker"): [0, 20, 40, 80],
}
mods = {"event": event, "timing": timing, "mentions": mentions, "quotes": quotes}
groups = sorted({a[1] for a in arts})
def mean(v):
    v = [x for x in v if x is not None]; return sum(v) / len(v) if v else None
for (mod, name, key), values in GRID.items():
    m = mods[mod]; default = getattr(m, name)
    per = {}
    for v in values:
        setattr(m, name, v)
        per[v] = metric_per_article(key)
    setattr(m, name, default)
    logo_scores, chosen = [], []
    for g in groups:
        def train(v): return mean([per[v][a[0]] for a in arts if a[1] != g])
        best = max(values, key=lambda v: (train(v), -abs(v - default)))
        chosen.append(best)
        logo_scores += [per[best][a[0]] for a in arts if a[1] == g]
    dev_default = mean(list(per[default].values()))
    print(f"{mod}.{name} ({key}): default {default} -> dev {dev_default:.3f}; "
          f"grid {[(v, round(mean(list(per[v].values())), 3)) for v in values]}; "
          f"LOGO {mean(logo_scores):.3f} (values chosen: {sorted(set(chosen))})")
