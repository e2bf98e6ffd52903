"""Hunspell with the Polish dictionary (Debian ``hunspell-pl``) over pieces of Polish text.

The project's own words (names of places and organisations, abbreviations, the English labels
of GitHub's buttons quoted in CONTRIBUTING) are listed in ``tests/spelling-words.txt``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from polish_texts import Text

WORD_LIST = Path(__file__).resolve().parent / "spelling-words.txt"
DICTIONARY = "pl_PL"
# What a program reads, not a person: placeholders, addresses, paths, options, ids, code.
NOT_WORDS = re.compile(
    r"%\(\w+\)[sd]|\{[^{}]*\}|https?://\S+|\S+@\S+|\S*[/_\\=<>`|]\S*|(?<!\w)--?[a-z][\w-]*"
    r"|\b[a-z0-9]+(?:-[a-z0-9]+)*\.(?:yaml|yml|json|csv|md|py|po|html|txt)\b"
    r"|\b[a-z]+(?:-[a-z0-9]+){1,}\b"
)


def project_words(path: Path = WORD_LIST) -> list[str]:
    """The word list without its comments and blank lines."""
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    return words


def prose(text: str) -> str:
    """The text with everything that is not a Polish word blanked out (one line)."""
    return NOT_WORDS.sub(" ", text.replace("\n", " "))


def misspellings(texts: Iterable[Text]) -> list[tuple[Text, str]]:
    """Every (text, word) Hunspell does not know, in the order of the texts."""
    texts = list(texts)
    executable = shutil.which("hunspell")
    assert executable, "Hunspell is missing: ./scripts/test installs it (apt-get install hunspell)"
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".dic") as personal:
        personal.write("\n".join(project_words()) + "\n")
        personal.flush()
        # Pipe mode: one answer line per unknown word, a blank line after each input line;
        # "^" keeps a line from being read as a command.
        result = subprocess.run(
            [executable, "-a", "-i", "utf-8", "-d", DICTIONARY, "-p", personal.name],
            input="".join(f"^{prose(text.text)}\n" for text in texts),
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
        )
    answers = result.stdout.split("\n")[1:]  # the first line is Hunspell's banner
    found: list[tuple[Text, str]] = []
    index = 0
    for answer in answers:
        if index >= len(texts):
            break
        if answer == "":
            index += 1
        elif answer[0] in "&#":
            found.append((texts[index], answer.split()[1]))
    return found
