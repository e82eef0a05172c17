"""Write the notebooks from the cell lists below (run: python notebooks/_build.py).

Keeping the source here makes notebooks easy to review and edit; the .ipynb files are committed
without outputs and executed from a fresh kernel by tests/test_notebooks.py.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

SETUP = """%matplotlib inline
from pathlib import Path
import framing

# The notebooks live in notebooks/; the example corpus is one folder up.
ROOT = Path.cwd() if (Path.cwd() / "examples").exists() else Path.cwd().parent
EXAMPLES = ROOT / "examples" / "corpus"
"""

NOTEBOOKS: dict[str, list[tuple[str, str]]] = {
    "01_quickstart.ipynb": [
        ("md", """# Quickstart: how do outlets frame the same event?

This notebook compares a handful of articles about one event and reads the report inline.
The example corpus in `examples/corpus/` is **invented for teaching**: one event (a Canada-China
trade accord and a US tariff threat) told by five fictional outlets in distinct registers, plus an
aggregator's copy of the wire story. Use your own articles by pointing `framing.load` at a folder.

*Framing* means selecting some aspects of reality and making them more salient (Entman 1993): which
words an outlet uses, whom it quotes, who acts and who suffers, which frame (conflict, economics,
morality) organises the story."""),
        ("code", SETUP),
        ("md", """## 1. Load the articles

`framing.load` reads text, Markdown, HTML, JSON, JSONL and CSV, removes page debris (navigation,
"2 min read", teaser blocks) and recovers the outlet, title and date. The aggregator's copy of
the wire story is flagged as a duplicate so it is not counted twice."""),
        ("code", """corpus = framing.load(EXAMPLES)
corpus"""),
        ("code", """corpus.to_frame()[["outlet", "title", "published", "syndicated_from", "duplicate_of"]]"""),
        ("md", """## 2. Analyse

`framing.analyze` scores every article: lexicon markers (registers, news frames, rhetoric),
scare quotes and rhetorical questions, actors with sentiment toward each mention, quotes with their
verbs, readability. Every number keeps its evidence."""),
        ("code", """results = framing.analyze(corpus, progress=False)
table = results.to_frame()
table[["outlet", "n_words", "registers.marxist.rate", "registers.state_diplomatic.rate",
       "registers.nationalist_populist.rate", "registers.wire_service.rate"]]"""),
        ("md", """## 3. Compare the outlets

`framing.compare` puts the outlets side by side. Its findings are plain sentences, each with the
phrases behind it. With one article per outlet the statistics describe these texts, not the outlets
in general: the comparison says so."""),
        ("code", """comparison = framing.compare(results)
comparison"""),
        ("md", """A picture of the register profiles (the same chart as in the HTML report):"""),
        ("code", """from framing.compare import marker_label
from framing.report import figures

markers = ["registers.marxist", "registers.state_diplomatic", "registers.nationalist_populist",
           "registers.liberal_internationalist", "registers.wire_service"]
prof = comparison.profiles
table = {m: {r.group: r._asdict() for r in prof[prof.marker == m].itertuples()} for m in markers}
fig = figures.profile_chart(comparison.groups, markers, [marker_label(m) for m in markers], table, title="Register")
fig"""),
        ("md", """## 4. The evidence

Every marker is a span of the text. Here are the words that made *The Red Ledger* score on the
Marxist register, and how the report highlights them."""),
        ("code", """m = results.matches_frame()
m[(m.outlet == "The Red Ledger") & (m.lexicon == "registers")][["category", "text"]].head(12)"""),
        ("code", """from IPython.display import HTML
html = comparison.to_html()
start = html.index('<h2 id="articles">')
HTML(html[:html.index("</style>") + 8] + html[start:start + 6000])"""),
        ("md", """## 5. Save the report

`comparison.to_html("report.html")` writes one self-contained page to open in any browser;
`to_pdf` and `to_markdown` give the other formats. From the command line the same is
`framing compare examples/corpus --out report/`."""),
        ("code", """import tempfile
out = Path(tempfile.mkdtemp()) / "report.html"
comparison.to_html(str(out))
out.stat().st_size > 10_000"""),
    ],
    "02_lexicons.ipynb": [
        ("md", """# Lexicons: inspect, edit, import, grow

A lexicon is a list of words and phrases per category, with the category's definition and the
literature it comes from. This notebook inspects a category and its evidence, edits a lexicon,
imports a dictionary you own, and grows a lexicon from the distinctive terms of a corpus."""),
        ("code", SETUP + """
from framing.lexicons import LexiconSet, load_default_lexicons, load_lexicon
lexicons = load_default_lexicons()
lexicons"""),
        ("md", """## Inspect a category

Each category says what counts and what does not, so a coder (or a student) can check the
machine."""),
        ("code", """registers = lexicons["registers"]
cat = registers.categories["wire_service"]
print(cat.label, "\\n\\n", cat.definition, "\\n")
for ref in cat.literature:
    print("-", ref)"""),
        ("code", """registers.to_frame().query("category == 'wire_service'").head(10)"""),
        ("md", """## Its evidence in the corpus"""),
        ("code", """results = framing.analyze(framing.load(EXAMPLES), sentiment=None, progress=False)
ev = results.matches_frame()
ev[ev.category == "wire_service"].groupby("outlet").text.apply(lambda s: ", ".join(sorted(set(s))))"""),
        ("md", """## Edit a lexicon

Copy a lexicon, add an entry with a note saying why it signals the category, validate, and use it.
Changing the `version` keeps your results traceable."""),
        ("code", """import tempfile, shutil
mine = Path(tempfile.mkdtemp())
src = Path(registers.path)
text = src.read_text(encoding="utf-8")
text = text.replace('version = "1.0.0"', 'version = "1.0.0-class"', 1)
text = text.replace("[categories.wire_service]", "[categories.wire_service]", 1)
# add an entry to the wire-service category (after its 'entries = [' line)
head, sep, tail = text.partition("[categories.wire_service]")
before, sep2, after = tail.partition("entries = [\\n")
text = head + sep + before + sep2 + '  { term = "said in a brief statement", note = "Added in class." },\\n' + after
(mine / "registers.toml").write_text(text, encoding="utf-8")
edited = load_lexicon(mine / "registers.toml")
edited.version, len(edited.entries_for("wire_service")) - len(registers.entries_for("wire_service"))"""),
        ("code", """custom = load_default_lexicons([mine])   # your folder overrides the built-in lexicon of the same name
custom.provenance()["registers"]"""),
        ("md", """## Import a dictionary you own

LIWC (`.dic`), quanteda YAML, WordStat (`.cat`) and CSV dictionaries convert to the same format.
Restricted dictionaries stay on your machine. Here, a small invented YAML dictionary:"""),
        ("code", """from framing.importers import import_dictionary, to_toml
yml = mine / "alarm.yml"
yml.write_text("alarm:\\n  strong: [catastroph*, disaster, chaos]\\n  mild: [concern*, worr*]\\n", encoding="utf-8")
alarm = import_dictionary(yml, name="alarm")
print(to_toml(alarm)[:600])"""),
        ("code", """from framing.segment import segment
[(m.category, m.term) for m in LexiconSet([alarm]).match(segment("Officials worried the talks were a disaster."))]"""),
        ("md", """## Grow a lexicon from distinctive terms

Words that one outlet uses far more than the others (log-odds with an informative Dirichlet
prior, Monroe et al. 2008) are candidates for a register lexicon. A human decides which belong."""),
        ("code", """comparison = framing.compare(results)
cands = comparison.distinctive.query("group == 'Harmony Daily'")[["term", "count", "z"]].head(10)
cands"""),
        ("code", """import csv
rows = [{"term": t, "category": "state_media_candidates", "weight": 1.0} for t in cands.term]
with open(mine / "candidates.csv", "w", newline="", encoding="utf-8") as fh:
    w = csv.DictWriter(fh, fieldnames=["term", "category", "weight"]); w.writeheader(); w.writerows(rows)
grown = import_dictionary(mine / "candidates.csv", name="candidates")
len(grown.entries)"""),
    ],
    "03_actors_and_quotes.ipynb": [
        ("md", """# Actors and quotes: who is portrayed how, and who gets to speak

The gazetteer knows how news names states, organisations and people: names, titles, surnames,
metonyms ("Washington", "Beijing", "the White House") and demonyms ("Canadian goods"). For each
mention a target-dependent sentiment model (trained on NewsMTSC, Hamborg & Donnay 2021) scores how
the sentence treats that actor. Quotes are attributed to speakers with their verbs: "said" reports,
"claimed" or "insisted" tells the reader what to think of the words (Bell 1991)."""),
        ("code", SETUP + """
results = framing.analyze(framing.load(EXAMPLES), progress=False)
comparison = framing.compare(results)"""),
        ("md", """## Actor portrayal by outlet"""),
        ("code", """actors = comparison.actors
cols = ["outlet", "name", "mentions", "mean_sentiment", "ci_low", "ci_high", "aggressor", "target", "cooperator", "speaker"]
actors[actors.name.isin(["Donald Trump", "China", "Canada", "United States"])][cols]"""),
        ("code", """from framing.report import figures
rows = [{**r, "group": r["outlet"]} for r in actors.to_dict("records") if r["name"] in ("Donald Trump", "China", "Canada", "United States", "Mark Carney")]
if any(r["mean_sentiment"] is not None for r in rows):
    fig = figures.actor_sentiment_chart(rows, comparison.groups, title="Mean sentiment of mentions")
else:
    fig = "sentiment model not installed"
fig"""),
        ("md", """The most negative mention of each actor, per outlet, is the evidence to read first:"""),
        ("code", """actors[actors.name == "Donald Trump"][["outlet", "mean_sentiment", "most_negative"]]"""),
        ("md", """## Who gets to speak, with which verbs"""),
        ("code", """comparison.quotes[["outlet", "speaker", "quotes", "direct", "reported", "evaluative_verb_share", "verbs"]]"""),
        ("md", """## "Said" versus "claimed"

Count neutral and evaluative attribution verbs per outlet: the wire service should lean on "said"."""),
        ("code", """import pandas as pd
rows = [{"outlet": r.article.outlet, "verb": q["verb"], "class": q["verb_class"]} for r in results if not r.article.duplicate_of for q in r.quotes if q.get("verb")]
pd.crosstab(pd.DataFrame(rows).outlet, pd.DataFrame(rows)["class"])"""),
        ("md", """## Roles: who acts on whom

A verb of conflict makes the nearest actor before it the aggressor and the actor after it the
target ("Trump threatened a 50% tariff on Canadian goods")."""),
        ("code", """roles = comparison.roles
roles[roles.role.isin(["aggressor", "target"])][["outlet", "name", "role", "verb"]].head(15)"""),
    ],
    "05_corpus_study.ipynb": [
        ("md", """# A corpus study at scale

With the Article-Bias-Prediction corpus (Baly et al. 2020; read from `../shared/data` when it is
there, never copied) this notebook compares real outlets: a fixed sample of articles from eight
large outlets, analysed with two worker processes, compared with bootstrap intervals and
distinctive vocabulary. Without the data it uses the example corpus, so it always runs.

Remember what the AllSides labels are: a rating of the **outlet**, not of each article."""),
        ("code", SETUP + """
import gzip, json, random, tempfile
DATA = ROOT.parent / "shared" / "data" / "article_bias" / "articles.jsonl.gz"
work = Path(tempfile.mkdtemp())
if DATA.exists():
    by_outlet = {}
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            by_outlet.setdefault(r["source"], []).append(r)
    top = sorted(by_outlet, key=lambda k: -len(by_outlet[k]))[:8]
    rng = random.Random(1)
    with open(work / "sample.jsonl", "w", encoding="utf-8") as fh:
        for outlet in top:
            for r in rng.sample(by_outlet[outlet], 40):
                fh.write(json.dumps({"id": r["id"], "title": r["title"], "text": r["text"], "outlet": outlet, "date": r["date"], "label": r["label"]}) + "\\n")
    source = work / "sample.jsonl"
else:
    source = EXAMPLES
source"""),
        ("md", """## Analyse with the engine

`framing.engine.run` (what `framing analyze` runs) streams the corpus, uses worker processes,
writes `articles.jsonl` and partitioned Parquet, and can resume an interrupted run."""),
        ("code", """from framing.engine import run
summary = run([str(source)], work / "out", workers=2, progress=False, no_sentiment=True)
summary.line()"""),
        ("code", """import pandas as pd
df = pd.read_parquet(work / "out" / "articles.parquet")
df.groupby("outlet")[["registers.wire_service.rate", "registers.nationalist_populist.rate", "rhetoric.loaded_language.rate"]].mean().round(2)"""),
        ("md", """## Compare with intervals

Bootstrap intervals show how sure we can be of each outlet's mean; Hedges' g and permutation
tests (in `comparison.differences`) say how large and how reliable each difference is."""),
        ("code", """results = framing.Results.from_jsonl(work / "out")
comparison = framing.compare(results)
from framing.compare import marker_label
from framing.report import figures
markers = ["rhetoric.loaded_language", "registers.wire_service", "registers.nationalist_populist", "rhetoric.hedges"]
prof = comparison.profiles
table = {m: {r.group: r._asdict() for r in prof[prof.marker == m].itertuples()} for m in markers}
figures.profile_chart(comparison.groups, markers, [marker_label(m) for m in markers], table, title="Markers per 1,000 words")"""),
        ("code", """d = comparison.differences
d[d.marker == "rhetoric.loaded_language"].sort_values("hedges_g", ascending=False)[["group", "mean", "reference_mean", "hedges_g", "p_value"]].round(3)"""),
        ("md", """## Distinctive vocabulary"""),
        ("code", """dist = comparison.distinctive
dist.groupby("group").head(6).groupby("group").term.apply(", ".join)"""),
    ],
    "06_classroom.ipynb": [
        ("md", """# The classroom workflow: a worksheet from your own articles

A teacher brings two or three articles about the same event. `framing.make_worksheet` turns them
into a student worksheet with six exercises and an answer key with the evidence for every answer.
Here we use the invented example corpus; replace `EXAMPLES` with a folder of your own articles
(plain text copied from the web is fine: page debris is removed)."""),
        ("code", SETUP + """
import tempfile
out = Path(tempfile.mkdtemp()) / "worksheet"
paths = framing.make_worksheet([EXAMPLES], level="high", anonymise=True, out_dir=out)
sorted(p.name for p in paths.values())"""),
        ("md", """## What the students see

The worksheet starts with the headlines and leads side by side. With `anonymise=True` the outlet
names are replaced by letters, so students judge the text, not the brand."""),
        ("code", """from IPython.display import HTML
html = (out / "worksheet.html").read_text(encoding="utf-8")
HTML(html[: html.index("</style>") + 8] + html[html.index("<body>") + 6 : html.index("<body>") + 5000])"""),
        ("md", """## The answer key

Every answer points at the words in the text that support it, with a one-line explanation, and the
key ends with a short guide to the concepts (framing, register, attribution, scare quotes,
hedging, loaded language)."""),
        ("code", """key = (out / "answer_key.html").read_text(encoding="utf-8")
"Outlet A" in html and "Outlet A" in key, len(key) > len(html)"""),
        ("md", """## Reading levels

`level="middle"` chooses shorter, simpler excerpts (Flesch-Kincaid grade 8 or below where the
articles allow) and fewer items; `college` uses longer passages."""),
        ("code", """small = framing.make_worksheet([EXAMPLES], level="middle", out_dir=out.parent / "middle", formats=("html",))
big = framing.make_worksheet([EXAMPLES], level="college", out_dir=out.parent / "college", formats=("html",))
len(small["worksheet.html"].read_text()), len(big["worksheet.html"].read_text())"""),
        ("md", """From the command line the same is:

```bash
framing worksheet my-articles/*.txt --level high --anonymise --out worksheet/
```"""),
    ],
}


def build() -> list[Path]:
    written = []
    for name, cells in NOTEBOOKS.items():
        nb = new_notebook()
        nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
        nb.cells = [new_markdown_cell(src) if kind == "md" else new_code_cell(src) for kind, src in cells]
        for i, cell in enumerate(nb.cells):  # stable ids: rebuilding an unchanged notebook changes nothing
            cell.id = hashlib.sha1(f"{name}:{i}".encode()).hexdigest()[:8]
        path = HERE / name
        nbformat.write(nb, path)
        written.append(path)
    return written


if __name__ == "__main__":
    for p in build():
        print(p)
