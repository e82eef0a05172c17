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

# The invented example articles are installed with framing: this notebook runs from any folder.
EXAMPLES = framing.examples_path("corpus")
# Larger data sets are read from a shared/data folder above this one (../shared/data beside the
# repository) when it is there; they are never copied into the repository.
SHARED = next((p / "shared" / "data" for p in Path.cwd().parents if (p / "shared" / "data").is_dir()), None)
"""

NOTEBOOKS: dict[str, list[tuple[str, str]]] = {
    "01_quickstart.ipynb": [
        ("md", """# Quickstart: how do outlets frame the same event?

This notebook compares a handful of articles about one event and reads the report inline.
The example corpus (`examples/corpus/` in the repository, installed with the package as
`framing.examples_path("corpus")`) is **invented for teaching**: one event (a Canada-China
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
        ("code", """from framing.report import figures

markers = ["registers.marxist", "registers.state_diplomatic", "registers.nationalist_populist",
           "registers.liberal_internationalist", "registers.wire_service"]
prof = comparison.profiles
table = {m: {r.group: r._asdict() for r in prof[prof.marker == m].itertuples()} for m in markers}
fig = figures.profile_chart(comparison.groups, markers, [comparison.registry.phrase(m) for m in markers], table, title="Register")
fig"""),
        ("md", """Rates count one register's phrases at a time. To say *which* register a text is written in,
every article also has a **register profile**: the probability that it reads as Marxist, Chinese or
Russian state media, right-populist or wire/mainstream news, weighing all its markers together,
with a 90% interval from its own sentences and a verdict (`clear` only when the interval's lower end
reaches 50%). Rank texts by these columns rather than by raw rates; the numbers behind them are in
`framing/models/register_profile.md`."""),
        ("code", """cols = ["register_profile"] + [f"register_profile.p_{r}" for r in ("marxist", "state_diplomatic", "nationalist_populist", "wire_service")]
results.to_frame()[["outlet"] + cols].round(2)"""),
        ("md", """## 4. The evidence

Every marker is a span of the text. Here are the words that made *The Red Ledger* score on the
Marxist register, and how the report highlights them."""),
        ("code", """m = results.matches_frame()
m[(m.outlet == "The Red Ledger") & (m.lexicon == "registers")][["category", "text"]].head(12)"""),
        ("code", """from IPython.display import HTML
html = framing.report.html(comparison)
start = html.index('<h2 id="articles">')
HTML(html[:html.index("</style>") + 8] + html[start:start + 6000])"""),
        ("md", """## 5. Save the report

`framing.report.html(comparison, "report.html")` writes one self-contained page to open in any
browser: a click on a marker, a distinctive term or an actor there shows its uses in context, and
its term plot sets two outlets' words side by side. `framing.report.pdf` and
`framing.report.markdown` give the other formats. From the command line the same is
`framing compare examples/corpus --out report/`."""),
        ("code", """import tempfile
out = Path(tempfile.mkdtemp()) / "report.html"
framing.report.html(comparison, out)
out.stat().st_size > 10_000"""),
    ],
    "02_lexicons.ipynb": [
        ("md", """# Lexicons: inspect, edit, import, grow

A lexicon is a list of words and phrases per category, with the category's definition and the
literature it comes from. This notebook inspects a category and its evidence, edits a lexicon,
imports a dictionary you own, and grows a lexicon from the distinctive terms of a corpus."""),
        ("code", SETUP + """
from framing.markers.lexicons import LexiconSet, load_default_lexicons, load_lexicon
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
        ("code", """from framing.markers.importers import import_dictionary, to_toml
yml = mine / "alarm.yml"
yml.write_text("alarm:\\n  strong: [catastroph*, disaster, chaos]\\n  mild: [concern*, worr*]\\n", encoding="utf-8")
alarm = import_dictionary(yml, name="alarm")
print(to_toml(alarm)[:600])"""),
        ("code", """from framing.text.segment import segment
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
    "04_classifier.ipynb": [
        ("md", """# A classifier trained and validated against human coding

**Lexicons** (notebook 2) count words that someone listed in advance. They are transparent and
need no training data, but they find only what their authors thought of, and they cannot read
context: "betrayal" inside a quotation the reporter attributes to a union leader is not the
reporter's judgement. A **classifier** learns from examples that people have labelled. It weighs
thousands of words, word pairs and markers at once (the lexicon counts become some of its
features), and, most importantly, it can be checked against those people.

**Human coding** is content analysis done by trained readers, the *coders*, who apply a written
rulebook, the *codebook*, to each unit (here, one sentence). Before their labels can serve as the
truth a machine learns from, we measure **inter-coder reliability**: do two coders, working
independently, give the same sentence the same code more often than chance would? If people
cannot agree, a model trained on their labels learns their noise, and its scores mean little.

This notebook goes through the whole loop:

1. the coded sentences and the coding sheet;
2. reliability: Krippendorff's alpha, Cohen's kappa, the disagreements;
3. resolving disagreements to one **gold** label per sentence;
4. training with honest cross-validation: scores per class, confusion matrix, calibration, and
   the words that drive each class;
5. does the machine agree with the coders as well as they agree with each other?
6. active learning: which sentences to code next;
7. saving, reloading and applying the model to the example corpus;
8. outlet fingerprinting: can the outlet be told from the text alone?"""),
        ("code", SETUP + """
import numpy as np
import pandas as pd
from IPython.display import Markdown, display
from matplotlib.figure import Figure
from framing.ml import (agreement, apply, cohens_kappa, cross_validate, evaluate, export_sample,
                        fingerprint_outlets, import_codes, krippendorff_alpha, load_classifier,
                        machine_vs_human, make_pipeline, next_to_code, reliability_matrix,
                        save_classifier, train)
from framing.report.figures import PALETTE

CODING = framing.examples_path("coding")
sentences = pd.read_csv(CODING / "sentences.csv", dtype=str)
print(len(sentences), "sentences")
sentences.groupby(["outlet", "story"]).size().unstack(fill_value=0)"""),
        ("md", """## 1. The coded sentences

`examples/coding/` (installed as `framing.examples_path("coding")`) holds 102 short sentences about trade and diplomacy news. **They were invented
for this project** and are illustrative only: no real event, no real person quoted. They come from
six fictional outlets (the five of the example corpus and a regional paper, the *Prairie Post*).
Two invented coders, Ana and Ben, coded every sentence as `loaded` or `neutral` with the codebook
in [`examples/coding/README.md`](../examples/coding/README.md). In short: code the writer's voice;
charged words, labels, sarcasm, scare quotes, verdicts and evaluative verbs ("admitted") are
loaded; facts, figures and statements reported with a neutral verb ("said") are neutral, even when
the quoted words are charged.

A few sentences, to get a feel for the task:"""),
        ("code", """with pd.option_context("display.max_colwidth", 200):
    display(sentences.loc[[6, 16, 19, 46, 58], ["id", "outlet", "text"]])"""),
        ("md", """Coders work from a **coding sheet**. `export_sample` draws a stratified random sample (here:
every sentence, stratified by outlet) in shuffled order, so that nobody codes one outlet as a
block, with an empty `label` column to fill in and a `notes` column for doubts. On a real corpus
you would sample a few hundred articles or sentences from thousands (`framing code sample`)."""),
        ("code", """import tempfile
work = Path(tempfile.mkdtemp())
sheet = export_sample(sentences, len(sentences), stratify_by="outlet", excerpt_chars=300, path=work / "to_code.csv")
sheet[["id", "outlet", "excerpt", "label", "notes"]].head()"""),
        ("md", """## 2. Reliability: do the coders agree?

`import_codes` reads the coders' returned sheets into one long table: a row per code (sentence,
coder, label). A coder's name is the file name; an empty cell is a sentence the coder skipped."""),
        ("code", """codes = import_codes([CODING / "ana.csv", CODING / "ben.csv"])
matrix = reliability_matrix(codes)     # coders x sentences; None where a coder gave no code
print(len(codes), "codes from", codes.coder.nunique(), "coders")
matrix.iloc[:, :8]"""),
        ("md", """Counting how often the coders agree (**percent agreement**) is not enough: with two codes, two
coders who flip coins agree half the time. Reliability measures correct for chance:

* **Cohen's kappa** (Cohen 1960) compares the observed agreement with the agreement expected from
  each coder's own label shares. Two coders, nominal codes.
* **Krippendorff's alpha** (Krippendorff 2011) is 1 minus observed disagreement over the
  disagreement expected by chance. It works with any number of coders, missing codes and
  ordinal or numeric scales, so it is the standard in content analysis.

Both are 1 for perfect agreement and 0 for chance. A common reading (Krippendorff 2004): rely on
data with alpha of at least 0.800; draw only tentative conclusions between 0.667 and 0.800."""),
        ("code", """rel = agreement(codes)
kappa = cohens_kappa(matrix.loc["ana"], matrix.loc["ben"])
alpha = krippendorff_alpha(codes)

def reading(a):
    return "reliable" if a >= 0.8 else "tentative conclusions only" if a >= 0.667 else "not reliable"

pd.DataFrame([
    {"measure": "sentences coded by both", "value": f"{rel['pairable_units']} of {rel['n_units']}", "reading": ""},
    {"measure": "percent agreement", "value": f"{rel['percent_agreement']:.0%}", "reading": "not corrected for chance"},
    {"measure": "Cohen's kappa (Ana, Ben)", "value": f"{kappa:.3f}", "reading": reading(kappa)},
    {"measure": "Krippendorff's alpha", "value": f"{alpha:.3f}", "reading": reading(alpha)},
]).set_index("measure")"""),
        ("md", """The disagreements are more useful than the coefficient: each one is a place where the codebook
was unclear or a coder slipped. Read them with the coders' notes."""),
        ("code", """wide = matrix.T                                   # one row per sentence, a column per coder
notes = {c: pd.read_csv(CODING / f"{c}.csv", dtype=str, keep_default_na=False).set_index("id").notes for c in ("ana", "ben")}
both = wide.notna().all(axis=1)
differ = wide[both & (wide.ana != wide.ben)].index
disagreements = sentences.set_index("id").loc[differ, ["outlet", "text"]].assign(
    ana=wide.ana, ana_notes=notes["ana"], ben=wide.ben, ben_notes=notes["ben"])
with pd.option_context("display.max_colwidth", 120):
    display(disagreements)"""),
        ("code", """pd.crosstab(wide.ana.fillna("(skipped)"), wide.ben.fillna("(skipped)"), rownames=["Ana"], colnames=["Ben"])"""),
        ("md", """## 3. One gold label per sentence

A model needs one label per sentence. Where both coders agree, that code is the gold label; where
only one coded, that code stands (flagged); where they disagree, they **adjudicated**: they
discussed each sentence against the codebook and recorded the decision and the rule that settled
it in `adjudicated.csv`. Adjudication often sharpens the codebook itself, and a sharper codebook
means higher reliability in the next round."""),
        ("code", """adjudicated = pd.read_csv(CODING / "adjudicated.csv", dtype=str).set_index("id")
shared = wide.apply(lambda codes_: codes_.dropna().iloc[0] if codes_.dropna().nunique() == 1 else None, axis=1)
gold = shared.fillna(adjudicated.label)
how = pd.Series(np.where(adjudicated.index.to_series().reindex(wide.index).notna(), "adjudicated",
                         np.where(both, "both coders agreed", "one coder only")), index=wide.index)
sentences["gold"] = sentences.id.map(gold)
sentences["gold_from"] = sentences.id.map(how)
assert sentences.gold.notna().all()
sentences[["id", "outlet", "text", "gold"]].to_csv(work / "gold.csv", index=False)   # for the command line (end)
with pd.option_context("display.max_colwidth", 120):
    display(adjudicated.join(sentences.set_index("id").text).head(6))
sentences.gold_from.value_counts()"""),
        ("code", """pd.crosstab(sentences.outlet, sentences.gold, margins=True)"""),
        ("md", """The outlets differ a lot: almost every wire sentence is neutral, most Red Ledger and Liberty
Frontline sentences are loaded. That is realistic, and it is a trap for validation (next
section)."""),
        ("md", """## 4. Train and validate

`train` builds a pipeline (`make_pipeline`): TF-IDF over words and word pairs, the lexicon
counts (registers, frames, loaded language, hedges ...) and rhetorical markers (scare quotes,
direct quotes, rhetorical questions), all feeding a logistic regression. Then it reports how well
that pipeline does on sentences it was **not** trained on.

**Cross-validation** splits the sentences into *k* folds, trains on *k - 1* of them and predicts the
one held out, *k* times, so every sentence gets a prediction from a model that never saw it.
**Grouped** cross-validation keeps all sentences of an outlet in the same fold. Without grouping,
the model can learn "Liberty Frontline style means loaded" from the training folds and be
rewarded for it in the test fold, which says nothing about how it does on an outlet it has never
seen: the situation of every new corpus."""),
        ("code", """model = train(sentences.text, sentences.gold, groups=sentences.outlet, level="sentence",
              model="tfidf+lexicon+rhetoric", top_n=40,
              data={"source": "examples/coding (invented, illustrative)", "license": "CC-BY-4.0"})
print(model.cv["scheme"])
model"""),
        ("code", """pipeline = make_pipeline("tfidf+lexicon+rhetoric", level="sentence")
random_folds = cross_validate(pipeline, sentences.text, sentences.gold, cv=5)
pd.DataFrame({
    "scheme": [model.cv["scheme"], random_folds["scheme"]],
    "macro-F1 (mean over folds)": [model.cv["macro_f1"], random_folds["macro_f1"]],
    "spread (sd)": [model.cv["macro_f1_std"], random_folds["macro_f1_std"]],
}, index=["grouped by outlet", "random folds"])"""),
        ("md", """Random folds look better: part of that score is the model recognising outlets it has already
seen. Report the grouped number.

For each class: **precision** is the share of sentences the model called `loaded` that the coders
called loaded too; **recall** is the share of the coders' loaded sentences the model found; **F1**
is their harmonic mean. **Macro-F1** averages F1 over the classes, so a rare class counts as much
as a common one. The *pooled* table below scores all out-of-fold predictions together."""),
        ("code", """pd.DataFrame(model.cv["pooled"]["per_class"]).T"""),
        ("md", """### A bigger model, when BABE is on this machine

BABE (Spinde et al. 2021) has 2,955 news sentences labelled `biased` or not by trained annotators,
with fixed cross-validation folds. Like notebook 5 with its corpus, this notebook reads it from
`../shared/data` **when it is there** and otherwise carries on with the invented set alone. BABE
is licensed AGPL-3.0: the model trained on it stays in memory, is never saved, and the notebook
shows only numbers and single words from it, never its sentences."""),
        ("code", """import json
BABE = SHARED / "babe" / "babe.jsonl" if SHARED else None
models = {"invented set (102 sentences)": model}
babe = babe_model = None
if BABE and BABE.exists():
    rows = [json.loads(line) for line in BABE.read_text(encoding="utf-8").splitlines() if line.strip()]
    babe = pd.DataFrame([{"text": r["text"], "label": "biased" if r["label"] == 1 else "not_biased", "fold": r["cv_fold"]}
                         for r in rows if r["subset"] == "BABE_SG2" and r["label"] is not None])
    babe_model = train(babe.text, babe.label, folds=babe.fold, level="sentence", model="tfidf", n_examples=0,
                       data={"source": "BABE_SG2 (Spinde et al. 2021)", "license": "AGPL-3.0: trained in memory, never saved"})
    models[f"BABE ({len(babe):,} sentences)"] = babe_model
    print(babe_model.cv["scheme"], "| macro-F1", babe_model.cv["macro_f1"])
else:
    print(f"BABE not found ({BABE or 'no shared/data folder above this one'}): the rest of the notebook uses the invented set only.")
list(models)"""),
        ("md", """### Confusion matrix

Rows are the gold labels, columns what the model predicted (out of fold). The diagonal is right;
the off-diagonal cells are the two kinds of mistake. Shades show the share of each row. The
macro-F1 in the titles scores all out-of-fold predictions at once ("pooled"); the number printed
by `train` is the mean of the per-fold scores. Both summarise the same predictions."""),
        ("code", """fig = Figure(figsize=(4.3 * len(models), 3.8), layout="constrained")
for ax, (name, m) in zip(fig.subplots(1, len(models), squeeze=False)[0], models.items()):
    cm = m.cv["pooled"]["confusion_matrix"]
    counts = np.array(cm["matrix"])
    share = counts / counts.sum(axis=1, keepdims=True)
    ax.imshow(share, cmap="Blues", vmin=0, vmax=1)
    for i in range(len(counts)):
        for j in range(len(counts)):
            ax.text(j, i, f"{counts[i, j]}\\n{share[i, j]:.0%}", ha="center", va="center",
                    color="white" if share[i, j] > 0.6 else "black")
    ax.set_xticks(range(len(cm["labels"])), cm["labels"])
    ax.set_yticks(range(len(cm["labels"])), cm["labels"])
    ax.set_xlabel("predicted by the model")
    ax.set_ylabel("gold label")
    ax.set_title(f"{name}\\nmacro-F1 {m.cv['pooled']['macro_f1']:.2f} (pooled, out of fold)", fontsize=10)
fig"""),
        ("md", """### Calibration: when the model says 70%, is it right 70% of the time?

Each prediction comes with a probability. A **calibrated** model is right about as often as it is
confident: of the sentences it labels with 70% confidence, about 70% are right. The chart bins the
out-of-fold predictions by confidence (the number by each point is how many sentences fell in the
bin). Points above the diagonal mean an *under*-confident model, below it an over-confident one.
The **expected calibration error** (ECE) is the average gap; the **Brier score** is the mean squared
error of the probabilities (0 is perfect)."""),
        ("code", """fig = Figure(figsize=(6, 4.2), layout="constrained")
ax = fig.subplots()
ax.plot([0.5, 1], [0.5, 1], ls="--", color="grey", label="perfectly calibrated")
for (name, m), colour in zip(models.items(), PALETTE):
    pooled = m.cv["pooled"]
    bins = [b for b in pooled["reliability"]["bins"] if b["n"]]
    label = f"{name}: ECE {pooled['reliability']['ece']:.2f}, Brier {pooled['brier']:.2f}"
    ax.plot([b["confidence"] for b in bins], [b["accuracy"] for b in bins], marker="o", color=colour, label=label)
    for b in bins:
        ax.annotate(str(b["n"]), (b["confidence"], b["accuracy"]), textcoords="offset points", xytext=(5, -11), fontsize=7, color=colour)
ax.set(xlim=(0.48, 1.0), ylim=(0.3, 1.03), xlabel="confidence (probability of the predicted label)", ylabel="share predicted right")
ax.legend(fontsize=8, loc="lower right")
fig"""),
        ("md", """Points above the diagonal are the usual picture for a strongly regularised model trained on few
examples: its probabilities are pulled toward 50%, so it is right more often than it claims. Use
the probabilities to rank sentences (section 6 does), not as chances to report."""),
        ("md", """### What drives each class

`top_features` lists, for each class, the features with the largest weights. Weights compare
within a kind of feature (words with words, markers with markers), so the table shows the top
words and the top markers separately, each with a training sentence where it occurs. This is where
a model shows whether it learnt the codebook or a shortcut (an outlet's pet words, a topic).

On a hundred sentences the markers carry the model: loaded-language and register counts, scare
quotes and rhetorical questions for `loaded`; neutral attribution verbs ("said", "told") and direct
quotes for `neutral`. The single words are weak and partly accidental ("on", "the"): too few
sentences to learn vocabulary from, which is what a bigger coded set buys."""),
        ("code", """rows = []
for label, feats in model.top_features.items():
    for kind, n in (("words", 6), ("lexicon", 3), ("rhetoric", 2)):
        for f in [f for f in feats if f["kind"] == kind][:n]:
            rows.append({"class": label, "kind": kind, "feature": f["feature"], "weight": f["weight"],
                         "example": (f.get("examples") or [""])[0]})
with pd.option_context("display.max_colwidth", 150):
    display(pd.DataFrame(rows).set_index(["class", "kind"]))"""),
        ("md", """With BABE, only the words (no sentences, see the license note above):"""),
        ("code", """if babe_model is not None:
    with pd.option_context("display.max_colwidth", 200):
        display(pd.Series({label: ", ".join(f["feature"] for f in feats[:12]) for label, feats in babe_model.top_features.items()},
                          name="top words").to_frame())
else:
    print("BABE not available")"""),
        ("md", """## 5. Does the machine agree like a coder?

The real test treats the model as one more coder. Its labels must come from a model that never saw
the sentence, so each outlet's sentences are labelled by a model trained on the other five
outlets. `machine_vs_human` then gives Cohen's kappa of the machine with each coder, next to the
coders' kappa with each other, and Krippendorff's alpha without and with the machine: if adding
the machine lowers alpha, it agrees with the coders less than they agree among themselves.

For contrast, the last column labels the sentences with the final model, which was trained on
them: a flattering number that says nothing about new text."""),
        ("code", """held_out = {}
for outlet in sorted(sentences.outlet.unique()):
    fit_on, label_these = sentences[sentences.outlet != outlet], sentences[sentences.outlet == outlet]
    m = train(fit_on.text, fit_on.gold, level="sentence", model="tfidf+lexicon+rhetoric", cv=None, n_examples=0)
    held_out.update(zip(label_these.id, m.predict(label_these.text)))
honest = machine_vs_human(held_out, codes)
flattering = machine_vs_human(dict(zip(sentences.id, model.predict(sentences.text))), codes)

def summary(r):
    return {"kappa machine-Ana": r["kappa"]["machine|ana"], "kappa machine-Ben": r["kappa"]["machine|ben"],
            "kappa Ana-Ben": r["mean_kappa_human_human"], "alpha, coders only": r["alpha_humans"],
            "alpha, coders + machine": r["alpha_with_machine"],
            f"accuracy against the majority label ({r['majority']['n']} sentences)": r["majority"]["accuracy"]}

pd.DataFrame({"held-out outlet (honest)": summary(honest), "own training sentences (flattering)": summary(flattering)})"""),
        ("md", """On this small invented set the held-out machine agrees with each coder clearly less than the
coders agree with each other, and alpha drops when it joins them. That is the usual finding with
a hundred training sentences: such a model is good for exploring a corpus and for ranking what
to read, not as a replacement coder. The remedy is more coded data, chosen well: next section."""),
        ("md", """## 6. Active learning: what to code next

Coding is the expensive part. Instead of coding another random sample, code the sentences the
current model is **least sure** about (*uncertainty sampling*, Settles 2009): their labels teach it
the most. `next_to_code` ranks an uncoded pool. Here the pool is every sentence of the example
corpus (five invented articles about a Canada-China trade accord):"""),
        ("code", """corpus = framing.load(EXAMPLES)
articles = [a for a in corpus if not a.duplicate_of]          # the aggregator's copy of the wire story is left out
pool = apply(model, articles, unit="sentence")
pool["id"] = pool.id + ":" + pool.sentence.astype(str)          # one id per sentence
ask = next_to_code(model, pool, 8)
with pd.option_context("display.max_colwidth", 160):
    display(ask[["rank", "outlet", "excerpt", "label", "confidence"]])"""),
        ("md", """Does it pay off? A simulation: pretend the gold labels are unknown until a sentence is "coded".
Start with a small random batch, then add a batch per round, chosen either **at random** or by
`next_to_code`; after each round train a quick TF-IDF model and score it with `evaluate` on test
sentences that are never coded. With BABE present the simulation runs on it (one split: fold 0
is the test set); otherwise on the invented sentences, averaged over six random splits."""),
        ("code", """from sklearn.model_selection import StratifiedShuffleSplit

def learning_curve(texts, labels, test, pool, *, start, step, rounds, strategy, seed):
    \"\"\"Macro-F1 on the test sentences as the coded set grows by random or active choice.\"\"\"
    rng = np.random.default_rng(seed)
    uncoded = pd.DataFrame({"id": [str(i) for i in pool], "text": [texts[i] for i in pool]})
    coded = []
    while len(set(labels[coded])) < 2:                       # the first batch must hold both codes
        coded = rng.choice(pool, start, replace=False).tolist()
    points = []
    for r in range(rounds + 1):
        pipe = make_pipeline("tfidf", level="sentence").fit([texts[i] for i in coded], labels[coded])
        score = evaluate(pipe, [texts[i] for i in test], labels[test])["macro_f1"]
        points.append({"strategy": strategy, "split": seed, "coded": len(coded), "macro_f1": score})
        if r == rounds:
            break
        if strategy == "random":
            coded += rng.choice(np.setdiff1d(pool, coded), step, replace=False).tolist()
        else:
            coded += [int(i) for i in next_to_code(pipe, uncoded, step, exclude=map(str, coded))["id"]]
    return points

if babe is not None:
    texts, labels, where = babe.text.tolist(), babe.label.to_numpy(dtype=object), "BABE, test fold 0"
    splits, start, rounds = [(np.flatnonzero(babe.fold != 0), np.flatnonzero(babe.fold == 0))], 50, 9
else:
    texts, labels, where = sentences.text.tolist(), sentences.gold.to_numpy(dtype=object), "invented set, 6 splits"
    splits = list(StratifiedShuffleSplit(n_splits=6, test_size=34, random_state=0).split(texts, labels))
    start, rounds = 6, 10
curves = pd.DataFrame([p for seed, (pool_idx, test_idx) in enumerate(splits) for strategy in ("random", "uncertainty")
                       for p in learning_curve(texts, labels, test_idx, pool_idx, start=start, step=start,
                                               rounds=rounds, strategy=strategy, seed=seed)])
mean_curves = curves.groupby(["coded", "strategy"]).macro_f1.mean().unstack()
mean_curves.round(3).T"""),
        ("code", """fig = Figure(figsize=(6.5, 3.8), layout="constrained")
ax = fig.subplots()
for (strategy, name), colour in zip((("random", "random sample"), ("uncertainty", "next_to_code (least sure first)")), PALETTE):
    spread = curves[curves.strategy == strategy].groupby("coded").macro_f1
    ax.fill_between(spread.min().index, spread.min(), spread.max(), color=colour, alpha=0.12, linewidth=0)
    ax.plot(mean_curves.index, mean_curves[strategy], marker="o", color=colour, label=name)
ax.set(xlabel="sentences coded", ylabel="macro-F1 on the test sentences", title=f"Random versus active selection ({where})")
ax.legend(loc="lower right", fontsize=9)
fig"""),
        ("md", """How to read it: the lines are the mean over splits, the shaded bands the range. With a hundred
sentences the two strategies are close and the bands overlap: at that size luck dominates. On a
few thousand real sentences (BABE) the active line usually pulls ahead after a few hundred coded
sentences, which is the point: the same coding effort buys a better model.

Two cautions. Actively chosen sentences are **not a random sample**: do not estimate how common
loaded language is, or how reliable the coding is, from them. Keep a random sample, coded by two
coders, for reliability and for the final evaluation."""),
        ("md", """## 7. Save, reload and apply

`save_classifier` writes a **skops** file: the model's numbers and settings as data, not as Python
code. `load_classifier` checks every type in the file against a short trusted list before building
anything and refuses the rest (`UntrustedModelError`), so opening a model file someone sent you
cannot run their code (unlike a pickle). A model card (`.card.md`, `.card.json`) is written
beside it: data, validation, drivers, versions, intended use."""),
        ("code", """path = save_classifier(model, work / "loaded_language.skops")
print(sorted(p.name for p in work.iterdir()))
reloaded = load_classifier(path)
reloaded"""),
        ("code", """card = reloaded.card_markdown()
Markdown(card[: card.index("## Versions")])"""),
        ("md", """Now the example corpus. A sentence-level model labels every sentence of an article; the
article's measure is the **share of loaded sentences**, the number to compare outlets on."""),
        ("code", """shares = apply(reloaded, articles)
if babe_model is not None:
    shares["share_biased (BABE model)"] = apply(babe_model, articles)["share_biased"].to_numpy()
shares.drop(columns=["id", "title"]).set_index("outlet").sort_values("share_loaded")"""),
        ("code", """table = shares.set_index("outlet").sort_values("share_loaded")
columns = [c for c in ("share_loaded", "share_biased (BABE model)") if c in table]
fig = Figure(figsize=(7, 0.5 * len(table) + 1.4), layout="constrained")
ax = fig.subplots()
height = 0.8 / len(columns)
for k, (col, colour) in enumerate(zip(columns, PALETTE)):
    ax.barh(np.arange(len(table)) + k * height, table[col], height=height, color=colour,
            label="share of loaded sentences (invented-set model)" if col == "share_loaded" else "share of biased sentences (BABE model)")
ax.set_yticks(np.arange(len(table)) + height * (len(columns) - 1) / 2, table.index)
ax.set(xlim=(0, 1), xlabel="share of the article's sentences")
ax.xaxis.set_major_formatter("{x:.0%}")
fig.legend(loc="outside lower center", fontsize=8)
fig"""),
        ("md", """The evidence behind each bar: the sentence of each outlet the model finds most loaded."""),
        ("code", """sents = apply(reloaded, articles, unit="sentence")
top = sents.sort_values("p_loaded", ascending=False).groupby("outlet").head(1)
with pd.option_context("display.max_colwidth", 220):
    display(top[["outlet", "p_loaded", "text"]].set_index("outlet"))"""),
        ("md", """Read this with the earlier sections in mind. The model saw 102 sentences, and Harmony Daily's
diplomatic formulas ("win-win cooperation", "Cold War mentality") are loaded by the codebook
(rule 5) but rare in the training set, so the model may call them neutral. The way to find out
is the loop of this notebook: code a random sample of *this* corpus, compare the model with the
coders (section 5), and code next what it is least sure about (section 6).

With BABE present, the second bar comes from a model trained on real sentences, coded by other
people with another codebook (BABE's "biased"). Where two models trained on different data put
the outlets in the same order, that is some reassurance; where they differ, read the sentences."""),
        ("md", """## 8. Outlet fingerprinting

`fingerprint_outlets` needs no labels: the outlet is the label. How well can a model tell the
outlet from the text alone, and which words give each outlet away? If it can, outlet style is
learnable, and any classifier validated on random folds may be scoring on recognising outlets:
another reason to group by outlet.

The example corpus has one article per outlet: too few. Cross-validation needs several articles
of each outlet, and the function says so rather than report a meaningless number:"""),
        ("code", """from framing.errors import FramingError
try:
    fingerprint_outlets(articles, level="sentence")
except FramingError as exc:
    print("FramingError:", exc)"""),
        ("md", """The coding set has 16 to 18 sentences per outlet, enough for an illustration (on a real corpus
use hundreds of articles per outlet, as in notebook 5). **Chance** is the accuracy of always
guessing the largest outlet."""),
        ("code", """fp = fingerprint_outlets(sentences.to_dict("records"), level="sentence", cv=4)
print(fp["scheme"])
print(f"accuracy {fp['accuracy']:.2f} against chance {fp['chance']:.2f}; macro-F1 {fp['macro_f1']:.2f} over {fp['n_outlets']} outlets")
with pd.option_context("display.max_colwidth", 200):
    display(pd.Series({outlet: ", ".join(f["feature"] for f in feats[:8]) for outlet, feats in fp["top_features"].items()},
                      name="words that give the outlet away").to_frame())"""),
        ("md", """Even from single short sentences the outlets are recognisable above chance, and by telling
words: the wire's "said", the Red Ledger's "workers" and "wages", the Prairie Post's "prices".
A loaded-language classifier validated without grouping could lean on exactly these words.

## From the command line

The same loop without Python. `gold.csv` is the gold table of section 3 (`id`, `outlet`, `text`,
`gold`), which this notebook wrote to its working folder:

```bash
framing code sample my-corpus/ --n 200 --out to_code.csv       # a coding sheet from your own corpus
framing code import examples/coding/ana.csv examples/coding/ben.csv --out codes.csv
framing code agreement codes.csv                                # alpha, kappa, percent agreement (JSON)
framing train gold.csv --label-col gold --group-col outlet --level sentence \\
    --model tfidf+lexicon+rhetoric --out loaded.skops           # cross-validated, with its model card
framing apply loaded.skops examples/corpus --out predictions/   # share of loaded sentences per article
framing code next loaded.skops pool.csv --n 20 --exclude codes.csv --out next.csv   # pool.csv: a text column
```

### Literature

* Cohen, J. (1960). A coefficient of agreement for nominal scales. *Educational and Psychological
  Measurement*, 20(1), 37-46.
* Krippendorff, K. (2004). *Content Analysis: An Introduction to Its Methodology* (2nd ed.). Sage.
* Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. Annenberg School for
  Communication, University of Pennsylvania.
* Settles, B. (2009). *Active Learning Literature Survey*. Computer Sciences Technical Report 1648,
  University of Wisconsin-Madison.
* Spinde, T., Plank, M., Krieger, J.-D., Ruas, T., Gipp, B., & Aizawa, A. (2021). Neural media bias
  detection using distant supervision with BABE. *Findings of EMNLP 2021*."""),
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
DATA = SHARED / "article_bias" / "articles.jsonl.gz" if SHARED else None
work = Path(tempfile.mkdtemp())
if DATA and DATA.exists():
    by_outlet = {}
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r.get("split_media") == "test":
                continue  # outlets held out to check accuracy claims: never read
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

`framing.run.engine.run` (what `framing analyze` runs) streams the corpus, uses worker processes,
writes `articles.jsonl` and partitioned Parquet, and can resume an interrupted run."""),
        ("code", """from framing.run.engine import run
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
from framing.report import figures
markers = ["rhetoric.loaded_language", "registers.wire_service", "registers.nationalist_populist", "rhetoric.hedges"]
prof = comparison.profiles
table = {m: {r.group: r._asdict() for r in prof[prof.marker == m].itertuples()} for m in markers}
figures.profile_chart(comparison.groups, markers, [comparison.registry.phrase(m) for m in markers], table, title="Markers per 1,000 words")"""),
        ("code", """d = comparison.differences
d[d.marker == "rhetoric.loaded_language"].sort_values("hedges_g", ascending=False)[["group", "mean", "reference_mean", "hedges_g", "p_value"]].round(3)"""),
        ("md", """## Distinctive vocabulary"""),
        ("code", """dist = comparison.distinctive
dist.groupby("group").head(6).groupby("group").term.apply(", ".join)"""),
        ("md", """## Who owns the outlets, and what each kind never covered

The outlet registry (`lexicons/outlets/outlets.toml`, 256 outlets with their sources) gives each
article its outlet's country, ownership type, wire service or not and language, so the
comparison can group by them. An outlet the registry does not know is listed, never guessed; add
it with a file of your own (`framing.compare(results, outlets="my-outlets.toml")`,
`--outlets FILE` on the command line). The blindspot table counts, for each story several
outlets covered, the outlets of each ownership type that did; a type with 0 never covered it."""),
        ("code", """by_owner = framing.compare(results, by="ownership")
by_owner.outlets[["outlet", "articles", "registry_outlet", "country", "ownership", "wire"]]"""),
        ("code", """print("not in the registry:", by_owner.unknown_outlets)
by_owner.blindspots.head(8)"""),
        ("md", """## Framing over time

`framing.over_time` gives each marker's rate (and, when sentiment was analysed, each main actor's
portrayal in the outlets' own voice) by month and outlet, with 95% bootstrap intervals over
articles; `framing report DIR --by published` charts it in the report. Months with few articles
have wide intervals: read the bars before the lines."""),
        ("code", """ot = framing.over_time(results, n_boot=500)
ot[ot.kind == "marker"].groupby("series")["n"].sum() // ot[ot.kind == "marker"].key.nunique()  # dated articles per outlet"""),
        ("code", """from framing.report import figures
panels = []
for key in ["rhetoric.loaded_language", "registers.nationalist_populist"]:
    sub = ot[(ot.kind == "marker") & (ot.key == key)]
    cells = {s: {r.month: {"mean": r.mean, "ci_low": r.ci_low, "ci_high": r.ci_high} for r in g.itertuples()} for s, g in sub.groupby("series")}
    panels.append((sub.label.iloc[0], cells))
figures.over_time_chart(panels, sorted(set(ot.series)), sorted(set(ot.month)), title="", ylabel="per 1,000 words")"""),
        ("md", """## Against general English, and every use in context

The distinctive terms above are each outlet against the others. `reference_keyness` sets each
outlet against a reference instead: general English (the `wordfreq` package: word frequencies
pooled across genres, so the vocabulary of news and of the story shows up too) or a folder of texts
you choose. `log_ratio` is how many times more often (log2: 3 is eight times)."""),
        ("code", """from framing.comparison import reference_keyness
ref = reference_keyness(results, top_terms=5)
print(ref.attrs["reference"])
ref[["group", "term", "count", "per_1k", "reference_per_1k", "log_ratio"]]"""),
        ("md", """A term in a table is a claim about words: read them. `results.kwic` lists every use of a word,
phrase, glob or lexicon category with its context and whose words they are (`outlet`, `quote`,
`reported`). On the command line: `framing kwic "ruling class" out/ --by outlet`."""),
        ("code", """term = ref.sort_values("ll", ascending=False).term.iloc[0]
results.kwic(term, window=6, by="outlet", limit=2)[["outlet", "left", "match", "right", "voice"]]"""),
        ("code", """results.kwic("registers:nationalist_populist", window=5, limit=8)[["outlet", "left", "match", "right", "voice", "term"]]"""),
        ("md", """## A document-term matrix for other tools

`results.dtm()` counts words (or lemmas, or lexicon categories) per article in the outlet's own
voice; `write` saves Matrix Market plus two CSV files that scikit-learn, gensim and quanteda read
(`framing export dtm out/ --out dtm/` does the same from the command line)."""),
        ("code", """m = results.dtm(categories=True, min_df=3)
print(m)
from sklearn.feature_extraction.text import TfidfTransformer
tfidf = TfidfTransformer().fit_transform(m.matrix)
m.write(work / "dtm")
sorted(p.name for p in (work / "dtm").iterdir())"""),
        ("md", """## The interactive term plot

`framing.report.term_plot` sets two groups against each other (or one against the rest with
`group=`): every word and two-word phrase placed by how often each uses it, coloured by the same
log-odds z-score as the table above, with a search box, hover details and, on a click, the term's
uses in context. It writes one self-contained page (no network); below it is shown in a frame.
`term_plot_data` gives the same numbers as data. From the command line:
`framing report DIR --term-plot "A,B"` puts it in the report."""),
        ("code", """import html as html_lib
from IPython.display import HTML
a, b = comparison.groups[:2]
page = framing.report.term_plot(comparison, work / "terms.html", groups=(a, b))
HTML(f'<iframe srcdoc="{html_lib.escape(page)}" style="width:100%;height:900px;border:0"></iframe>')"""),
        ("code", """data = framing.report.term_plot_data(comparison, groups=(a, b))
terms = pd.DataFrame([t[:5] for t in data["terms"]], columns=["term", a, b, "log_odds", "z"])
terms.sort_values("z").iloc[[*range(5), *range(-5, 0)]]"""),
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
