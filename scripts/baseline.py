#!/usr/bin/env python3
"""A straightforward Python version of `rolefit batch`, for the benchmark.

Walks the folders given (skipping hidden entries and unsupported extensions),
reads each document, tokenizes it with a regular expression, stems the words
with PyStemmer (English Snowball, as rolefit does), finds every term of the
keyword sets (read from keywords/*.toml with tomllib) by set and phrase
matching, scores each set (weighted coverage) and prints one CSV line per
document: path, fit, then each set's score.

It is the comparison point, not a second implementation: it skips rolefit's
finer rules (case-sensitive acronyms, exclusions, phrase breaks, irregular
verbs), which only make it cheaper.

Usage: scripts/baseline.py KEYWORDS_DIR PATH... > scores.csv
"""

import os
import re
import sys
import tomllib

import Stemmer

EXTENSIONS = {".txt", ".text", ".md", ".markdown"}
WORD = re.compile(r"\w+(?:['.’]\w+)*")
SYMBOL = re.compile(r"[^\w\s\-'’]")


def load_sets(folder):
    sets = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".toml"):
            with open(os.path.join(folder, name), "rb") as f:
                sets.append(tomllib.load(f))
    return sets


def compile_terms(sets, stemmer):
    """Each term's forms: symbol literals (lowercase) or tuples of stems."""
    compiled = []
    for s in sets:
        terms = []
        for term in s["term"]:
            forms = [term["name"], *term.get("aliases", [])]
            literals, phrases = [], []
            for form in forms:
                if SYMBOL.search(form):
                    literals.append(form.lower())
                else:
                    words = [w.lower() for w in WORD.findall(form)]
                    phrases.append(tuple(stemmer.stemWords(words)))
                    if len(words) == 2:
                        phrases.append(tuple(stemmer.stemWords(["".join(words)])))
            terms.append((term.get("weight", 1.0), literals, phrases))
        compiled.append((s["id"], s["kind"], terms))
    return compiled


def score(text, compiled, stemmer, max_len):
    lowered = text.lower()
    stems = stemmer.stemWords(WORD.findall(lowered))
    grams = set()
    for n in range(1, max_len + 1):
        grams.update(zip(*(stems[i:] for i in range(n))))
    results = []
    for set_id, kind, terms in compiled:
        total = matched = 0.0
        for weight, literals, phrases in terms:
            total += weight
            if any(p in grams for p in phrases) or any(l in lowered for l in literals):
                matched += weight
        results.append((set_id, kind, round(100 * matched / total, 1) if total else 0.0))
    core = [s for _, k, s in results if k == "core"]
    spec = [s for _, k, s in results if k == "specialization"]
    parts = core + ([max(spec)] if spec else [])
    fit = round(sum(parts) / len(parts), 1) if parts else 0.0
    return fit, results


def walk(paths):
    for path in paths:
        if not os.path.isdir(path):
            yield path
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith(".") and os.path.splitext(name)[1].lower() in EXTENSIONS:
                    yield os.path.join(root, name)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    stemmer = Stemmer.Stemmer("english")
    compiled = compile_terms(load_sets(sys.argv[1]), stemmer)
    max_len = max(len(p) for _, _, terms in compiled for _, _, ps in terms for p in ps)
    out = sys.stdout
    failed = 0
    for path in walk(sys.argv[2:]):
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError) as err:
            failed += 1
            print(f"{path}: {err}", file=sys.stderr)
            continue
        fit, results = score(text, compiled, stemmer, max_len)
        out.write(f"{path},{fit}," + ",".join(str(s) for _, _, s in results) + "\n")
    sys.exit(2 if failed else 0)


if __name__ == "__main__":
    main()
