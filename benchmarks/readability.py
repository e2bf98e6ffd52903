"""Plain-language figures of the Polish texts: average sentence length, long words, FOG-PL.

The approach of Jasnopis and FOG-PL (Broda, Nitoń, Gruszczyński, Ogrodniczuk, 2010): a text
is harder the longer its sentences and the more words of four or more syllables it has.
FOG-PL = 0.4 × (words per sentence + 100 × share of words of 4+ syllables); about 7–9 is
understood after primary school, 10–12 after secondary school, 13+ needs higher education.

Corpora: the interface strings residents read (the theme's msgstrs), every Polish msgstr
(validation and command messages too), the example records' prose (keywords left out) and the
texts of the accessibility statement and of the easy-to-read page (settings).

Usage: python benchmarks/readability.py [--before GIT-REVISION]
(with --before, the same figures for that revision are printed beside today's).
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import re
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from polish_texts import Text, msgstr_texts, record_texts, settings_texts  # noqa: E402

VOWELS = "aąeęioóuy"
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
NOT_PROSE = re.compile(r"%\(\w+\)[sd]|\{[^{}]*\}|https?://\S+|\S+@\S+|`[^`]*`|\*\*")
# Dots that do not end a sentence: abbreviations written with one, and ordinal numbers.
NO_BREAK = re.compile(r"\b(np|ul|tzw|tj|m\.in|nr|godz|maks|ok|r|zob|itp|itd|pkt|ust|art|lit)\.")
SENTENCE_END = re.compile(r"(?<=[.!?…:;])\s+|\n\s*(?:[-*]|\d+\.)\s+|\n\s*\n")
LONG_SENTENCE = 20


def syllables(word: str) -> int:
    """Vowel letters, but "i" before a vowel only softens the consonant (nie, się: one)."""
    word = word.lower()
    count = 0
    for index, letter in enumerate(word):
        if letter in VOWELS:
            softening = letter == "i" and index + 1 < len(word) and word[index + 1] in VOWELS
            count += not softening
    return max(count, 1)


def sentences(text: str) -> list[list[str]]:
    """The words of each sentence; a list item or a label is a sentence of its own."""
    text = NOT_PROSE.sub(" ", text)
    text = NO_BREAK.sub(lambda match: match.group(0).replace(".", ""), text)
    text = re.sub(r"(\d)\.", r"\1", text)
    parts = SENTENCE_END.split(text)
    return [words for part in parts if (words := WORD.findall(part))]


@dataclass
class Figures:
    """What the formula needs, summed over a corpus."""

    sentences: int = 0
    words: int = 0
    long_words: int = 0
    long_sentences: int = 0

    def add(self, text: str) -> None:
        """Count one piece of text."""
        for words in sentences(text):
            self.sentences += 1
            self.words += len(words)
            self.long_words += sum(syllables(word) >= 4 for word in words)
            self.long_sentences += len(words) > LONG_SENTENCE

    @property
    def words_per_sentence(self) -> float:
        """Average sentence length in words."""
        return self.words / max(self.sentences, 1)

    @property
    def long_word_share(self) -> float:
        """Share of words of four or more syllables, in per cent."""
        return 100 * self.long_words / max(self.words, 1)

    @property
    def fog_pl(self) -> float:
        """FOG-PL: 0.4 × (average sentence length + per cent of long words)."""
        return 0.4 * (self.words_per_sentence + self.long_word_share)


def statement_texts(root: Path) -> Iterable[Text]:
    """The statement page: its template's msgstrs and its texts in the settings."""
    template = (root / "themes/cus/templates/accessibility/statement.html").read_text("utf-8")
    yield from (text for text in msgstr_texts(root) if f'"{text.where}"' in template)
    yield from (text for text in settings_texts(root) if text.where.startswith("ACCESSIBILITY"))


def corpora(root: Path) -> dict[str, Callable[[], Iterable[Text]]]:
    """The texts measured, by name, read from a checkout of the project at ``root``."""
    theme = root / "themes"
    return {
        "interface (theme msgstrs)": lambda: (
            text for text in msgstr_texts(root) if text.path.is_relative_to(theme)
        ),
        "every msgstr": lambda: msgstr_texts(root),
        "example records": lambda: (
            text for text in record_texts(root / "content") if "keywords" not in text.where
        ),
        "accessibility statement": lambda: statement_texts(root),
        "easy-to-read page": lambda: (
            text for text in settings_texts(root) if text.where.startswith("EASY_TO_READ")
        ),
    }


def measure(root: Path) -> dict[str, Figures]:
    """Figures of every corpus of one checkout."""
    result = {}
    for name, texts in corpora(root).items():
        figures = Figures()
        for text in texts():
            figures.add(text.text)
        result[name] = figures
    return result


def checkout(revision: str, folder: Path) -> Path:
    """The files of a revision, unpacked into ``folder`` (``git archive``)."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision], capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def row(name: str, figures: Figures) -> str:
    """One Markdown table row."""
    return (
        f"| {name} | {figures.sentences:,} | {figures.words:,} | "
        f"{figures.words_per_sentence:.1f} | {figures.long_word_share:.1f} % | "
        f"{figures.long_sentences:,} | {figures.fog_pl:.1f} |"
    )


def main() -> None:
    """Print the figures (and those of an earlier revision) as a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", help="git revision to compare with, e.g. main~10")
    args = parser.parse_args()
    machine = f"{platform.machine()} · Python {platform.python_version()}"
    print(f"{dt.date.today().isoformat()} · {machine}")
    print()
    print(
        "| texts | sentences | words | words per sentence | words of 4+ syllables "
        f"| sentences over {LONG_SENTENCE} words | FOG-PL |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    now = measure(ROOT)
    if args.before:
        with tempfile.TemporaryDirectory() as folder:
            before = measure(checkout(args.before, Path(folder)))
        for name, figures in before.items():
            print(row(f"{name}, before ({args.before})", figures))
            print(row(f"{name}, now", now[name]))
    else:
        for name, figures in now.items():
            print(row(name, figures))


if __name__ == "__main__":
    main()
