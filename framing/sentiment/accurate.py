"""The optional accurate target-sentiment model: MiniLM fine-tuned on NewsMTSC, run with ONNX Runtime.

Install it with ``pip install -e ".[accurate]"`` (``onnxruntime`` and ``tokenizers``) and use it
with ``--sentiment-model accurate`` or ``framing.analyze(..., sentiment="accurate")``. It is
slower than the default model (see ``framing/models/accurate_sentiment/README.md`` for its scores
and speed) and is rebuilt by ``python bench/train_accurate_sentiment.py``.

The target is marked in its sentence with "@" before and after it; the network reads the
encoder's vector at the opening marker and the mean of all token vectors. :func:`encode_batch` is
the one place that marking happens, for training and for scoring alike.

Loading runs no code from the model folder: ONNX files are computation graphs (protocol buffers)
and the tokenizer is a JSON file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from framing.errors import MissingResourceError
from framing.resources import model_dir
from framing.sentiment.records import LABELS, check_record

__all__ = ["ACCURATE_DIR", "AccurateModel", "accurate_available", "accurate_version", "encode_batch", "load_accurate", "load_tokenizer", "mark_target", "score_targets_accurate"]

#: Folder of the accurate model inside :func:`framing.resources.model_dir`.
ACCURATE_DIR = "accurate_sentiment"
#: The target marker, put before and after the target's words.
MARK = "@"
#: Longest input in word pieces; a longer sentence keeps a window around the target.
MAX_PIECES = 128
INSTALL_HINT = 'pip install "framing[accurate]" (or, in a checkout, pip install -e ".[accurate]")'


def mark_target(sentence: str, start: int, end: int) -> tuple[str, int]:
    """The sentence with the target between markers, and the character offset of the first marker."""
    return f"{sentence[:start]}{MARK} {sentence[start:end]} {MARK}{sentence[end:]}", start


def load_tokenizer(path: str | Path) -> Any:
    """The word-piece tokenizer (``tokenizers.Tokenizer``) of a ``tokenizer.json``, without padding
    or truncation (:func:`encode_batch` does both)."""
    try:
        from tokenizers import Tokenizer
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise MissingResourceError(f"the accurate sentiment model needs the 'tokenizers' package: {INSTALL_HINT}") from e
    tok = Tokenizer.from_file(str(path))
    tok.no_padding()
    tok.no_truncation()
    return tok


def encode_batch(tok: Any, recs: Sequence[tuple[str, int, int]], max_pieces: int = MAX_PIECES) -> tuple[list[list[int]], list[list[int]], list[int]]:
    """Token ids, attention masks (padded to the longest) and the opening marker's position."""
    ids_list: list[list[int]] = []
    markers: list[int] = []
    for sentence, start, end in recs:
        text, at = mark_target(sentence, start, end)
        enc = tok.encode(text)
        ids = list(enc.ids)
        offsets = enc.offsets
        special = enc.special_tokens_mask
        m = next((i for i, (o, sp) in enumerate(zip(offsets, special)) if not sp and o[0] >= at), 1)
        if len(ids) > max_pieces:  # keep [CLS], a window around the marker, [SEP]
            inner = max_pieces - 2
            lo = max(1, min(m - inner // 3, len(ids) - 1 - inner))
            ids = [ids[0], *ids[lo : lo + inner], ids[-1]]
            m = m - lo + 1
        ids_list.append(ids)
        markers.append(m)
    width = max(len(x) for x in ids_list)
    masks = [[1] * len(x) + [0] * (width - len(x)) for x in ids_list]
    padded = [x + [0] * (width - len(x)) for x in ids_list]
    return padded, masks, markers


class AccurateModel:
    """The exported network: ``predict_proba(records)`` gives P(negative, neutral, positive)."""

    def __init__(self, folder: str | Path, *, threads: int | None = None, batch: int = 32) -> None:
        folder = Path(folder)
        onnx_file, tok_file = folder / "model.onnx", folder / "tokenizer.json"
        if not onnx_file.is_file() or not tok_file.is_file():
            raise MissingResourceError(
                f"the accurate sentiment model is not installed at {folder} (it needs model.onnx and tokenizer.json); "
                "rebuild it with python bench/train_accurate_sentiment.py"
            )
        try:
            import onnxruntime as ort  # type: ignore[import-untyped]  # no type information
        except ImportError as e:
            raise MissingResourceError(f"the accurate sentiment model needs onnxruntime: {INSTALL_HINT}") from e
        opts = ort.SessionOptions()
        # no busy-waiting between batches: with several worker processes on a few cores, spinning
        # threads would take the cores from the other workers' parsing
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        if threads:
            opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(onnx_file), sess_options=opts, providers=["CPUExecutionProvider"])
        self.tokenizer = load_tokenizer(tok_file)
        self.batch = batch
        self.folder = folder

    def predict_proba(self, recs: Sequence[tuple[str, int, int]]) -> np.ndarray:
        proba = np.zeros((len(recs), len(LABELS)), dtype=np.float32)
        if not recs:
            return proba
        order = np.argsort([len(s) for s, _, _ in recs], kind="stable")
        for i in range(0, len(recs), self.batch):
            idx = order[i : i + self.batch]
            ids, mask, pos = encode_batch(self.tokenizer, [recs[j] for j in idx])
            (logits,) = self.session.run(
                None,
                {"input_ids": np.asarray(ids, dtype=np.int64), "attention_mask": np.asarray(mask, dtype=np.int64), "marker": np.asarray(pos, dtype=np.int64)},
            )
            z = logits - logits.max(axis=1, keepdims=True)
            e = np.exp(z)
            proba[idx] = e / e.sum(axis=1, keepdims=True)
        return proba


@lru_cache(maxsize=2)
def load_accurate(folder: str | None = None) -> AccurateModel:
    """The accurate model (default: the one installed with framing); loaded once per process."""
    return AccurateModel(Path(folder) if folder else model_dir() / ACCURATE_DIR)


def accurate_version() -> str:
    """Provenance of the installed accurate model: folder and the first 12 hex digits of the
    SHA-256 of its ONNX file."""
    import hashlib

    p = model_dir() / ACCURATE_DIR / "model.onnx"
    digest = hashlib.sha256(p.read_bytes()).hexdigest()[:12] if p.is_file() else "missing"
    return f"{ACCURATE_DIR}/model.onnx sha256:{digest}"


def accurate_available() -> bool:
    """Whether the accurate model's files and its runtime (onnxruntime, tokenizers) are installed."""
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError:
        return False
    d = model_dir() / ACCURATE_DIR
    return (d / "model.onnx").is_file() and (d / "tokenizer.json").is_file()


def score_targets_accurate(items: Iterable[Any], *, model: AccurateModel | None = None) -> list[Any]:
    """Like :func:`framing.sentiment.score_targets`, with the accurate model's probabilities. The
    evidence words are the default model's lexicon words near the target (what a reader can check;
    the network itself reads the whole sentence)."""
    from framing.sentiment.model import TargetSentiment, lexicon_step, load_model

    recs = [check_record(r) for r in items]
    if not recs:
        return []
    model = model if model is not None else load_accurate()
    proba = model.predict_proba(recs)
    lex = lexicon_step(load_model())
    evidence = lex.evidence(recs) if lex is not None else [[] for _ in recs]
    pos, neg = LABELS.index("positive"), LABELS.index("negative")
    return [
        TargetSentiment(
            label=LABELS[int(np.argmax(row))],
            score=float(row[pos] - row[neg]),
            probabilities={c: float(v) for c, v in zip(LABELS, row)},
            evidence=ev,
        )
        for row, ev in zip(proba, evidence)
    ]
