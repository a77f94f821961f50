"""Word segmentation: jieba precise mode with the project's user dictionary of domain terms.

The dictionary (tasks/data/userdict.txt, `word freq pos` per line) is loaded once per
process into a private jieba.Tokenizer, so worker processes each load it themselves and
the global jieba state stays untouched.
"""
from __future__ import annotations

import hashlib
import logging
import threading
from pathlib import Path

import jieba

USERDICT_PATH = Path(__file__).parent / "data" / "userdict.txt"
DICTIONARY_VERSION: str = "userdict-" + hashlib.sha256(USERDICT_PATH.read_bytes()).hexdigest()[:12]

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None


def _get_tokenizer() -> jieba.Tokenizer:
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            jieba.setLogLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            tokenizer.load_userdict(str(USERDICT_PATH))
            _tokenizer = tokenizer
    return _tokenizer


def tokenize(text: str) -> list[str]:
    """jieba precise-mode tokens of `text` (HMM on), whitespace-only tokens dropped."""
    if not text:
        return []
    return [token for token in _get_tokenizer().cut(text, HMM=True) if token.strip()]


def is_known_word(word: str) -> bool:
    """True when `word` is in jieba's dictionary or the user dictionary with a positive frequency."""
    return bool(_get_tokenizer().FREQ.get(word))


def is_word_prefix(text: str) -> bool:
    """True when some dictionary word starts with `text` (jieba keeps every prefix of its words)."""
    return text in _get_tokenizer().FREQ
