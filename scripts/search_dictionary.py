"""The dictionary the search index is segmented with: jieba's own, cut down to the words that
occur in the pages.

Material's search plugin cuts every run of Chinese characters into words with jieba, so that
Chinese can be searched word by word. Loading jieba's dictionary (349,046 words) takes about half
a second, longer than segmenting the whole site; yet a text can only be cut into words that occur
in it. The words that occur in no page are therefore dropped (4,253 remain for this report), and
the build loads the rest in milliseconds. The MkDocs hook hands the file to jieba.

The words are still exactly jieba's. jieba scores a way of cutting a run by the frequencies of
its words over the sum of all frequencies, so one last entry, which can never match Chinese text,
carries the frequencies of the dropped words and keeps that sum; and every dictionary word inside
any run of the pages is kept, so every word jieba could find is there. The test in
tests/test_search_dictionary.py compares the built search index with jieba's full dictionary.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import version

from backrefs import bre

from .cache import cached_text

FILE = ".search-dictionary.txt"  # beside the pages in docs/; a dot file, so MkDocs does not publish it
# The runs of Chinese characters, with the expression Material's search plugin uses for them.
HAN_RUN = bre.compile(r"\p{script: Han}+")
# Not Chinese, so no run of Chinese characters ever contains it (jieba splits entries at spaces).
DROPPED_WORDS = "(dropped-words)"


def search_dictionary(texts: Iterable[str]) -> str:
    """jieba's dictionary cut down to the words inside the Chinese runs of the texts; cut again
    only when the runs or jieba change (reading and cutting the dictionary takes a third of a
    second)."""
    runs = sorted({run for text in texts for run in HAN_RUN.findall(text)})
    return cached_text("search-dictionary", (runs, version("jieba")), lambda: cut_dictionary(_jieba_dictionary(), runs))


def cut_dictionary(dictionary: str, runs: Iterable[str]) -> str:
    """The lines of a jieba dictionary ("word frequency [tag]") whose word occurs in one of the
    runs, in their order, and a last line with the summed frequency of the others."""
    entries = [(line, line.split(" ", 2)) for line in dictionary.splitlines() if line.strip()]
    longest = max((len(fields[0]) for _, fields in entries), default=0)
    inside = {run[i:j] for run in runs for i in range(len(run)) for j in range(i + 1, min(len(run), i + longest) + 1)}
    kept, dropped = [], 0
    for line, (word, frequency, *_) in entries:
        if word in inside:
            kept.append(line)
        else:
            dropped += int(frequency)
    return "".join(f"{line}\n" for line in kept) + f"{DROPPED_WORDS} {dropped}\n"


def _jieba_dictionary() -> str:
    import jieba  # imported only when the dictionary is cut: importing it takes a twentieth of a second

    with jieba.get_dict_file() as file:
        return file.read().decode("utf-8")
