"""Text classifiers trained on human-coded articles or sentences, and the human coding around them.

The workflow, each step a plain function::

    data = read_labelled("coded.csv", text_col="text", label_col="frame", group_col="outlet")
    model = train(data.text, data.label, groups=data.group)    # grouped CV, then a final fit
    model.cv["macro_f1"], model.top_features                    # honest numbers, and why
    save_classifier(model, "frames.skops")                      # + frames.card.md / .card.json
    apply(load_classifier("frames.skops"), framing.load("corpus/"))  # predictions per article

Modules: :mod:`~framing.ml.features` (the toolkit's measures as scikit-learn transformers),
:mod:`~framing.ml.pipelines`, :mod:`~framing.ml.training`, :mod:`~framing.ml.metrics`,
:mod:`~framing.ml.model` (the :class:`Classifier` and its skops file), :mod:`~framing.ml.cards`,
:mod:`~framing.ml.inference` (evaluate, apply), :mod:`~framing.ml.predict` (one article at a time,
for the analysis run), :mod:`~framing.ml.fingerprint`, and for human coding
:mod:`~framing.ml.coding`, :mod:`~framing.ml.reliability` and :mod:`~framing.ml.active`.
"""

from framing.errors import UntrustedModelError
from framing.ml.active import next_to_code
from framing.ml.cards import top_features
from framing.ml.coding import export_sample, import_codes, reliability_matrix
from framing.ml.data import read_labelled
from framing.ml.features import LexiconVectorizer, ReadabilityFeatures, RhetoricFeatures
from framing.ml.fingerprint import fingerprint_outlets
from framing.ml.inference import apply, evaluate
from framing.ml.metrics import brier_score, classification_metrics, reliability_bins
from framing.ml.model import TRUSTED_TYPES, Classifier, load_classifier, save_classifier
from framing.ml.pipelines import COMPONENTS, make_pipeline
from framing.ml.predict import BUILTIN_MODELS, Predictor, load_predictors, model_path, model_specs, predict_text
from framing.ml.reliability import agreement, cohens_kappa, krippendorff_alpha, machine_vs_human
from framing.ml.training import cross_validate, train

__all__ = [
    "BUILTIN_MODELS",
    "COMPONENTS",
    "TRUSTED_TYPES",
    "Classifier",
    "LexiconVectorizer",
    "Predictor",
    "ReadabilityFeatures",
    "RhetoricFeatures",
    "UntrustedModelError",
    "agreement",
    "apply",
    "brier_score",
    "classification_metrics",
    "cohens_kappa",
    "cross_validate",
    "evaluate",
    "export_sample",
    "fingerprint_outlets",
    "import_codes",
    "krippendorff_alpha",
    "load_classifier",
    "load_predictors",
    "machine_vs_human",
    "make_pipeline",
    "model_path",
    "model_specs",
    "next_to_code",
    "predict_text",
    "read_labelled",
    "reliability_bins",
    "reliability_matrix",
    "save_classifier",
    "top_features",
    "train",
]
