#!/usr/bin/env python3
"""Learn the attribution-cue word table from a PolNeAR-style TRAIN split.

usage: tools/learn_cues.py TRAIN_DIR > data/lexicon/cues.tsv

For every annotated cue, the auxiliaries, negations and adverbs that PolNeAR
folds into cue spans are stripped, leaving the cue's core: one word ("said",
"shows") or a fixed phrase ("according to", "called for"). For each core the
table records how often it was annotated as a cue and how often the same
word sequence occurs in the texts at all, so the parser can weigh a candidate
by P(cue | words). Only the train split may be given: dev is for choices.
Output is deterministic (sorted), holds no corpus text beyond the cue words.
"""
import collections
import glob
import os
import re
import sys

TOKEN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|:")
# Words PolNeAR puts inside cue spans around the core; the parser attaches
# them itself, so they are not part of a learned core. One list for the
# parser and this tool: the cue_modifier class of data/lexicon/grammar.tsv.
GRAMMAR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "lexicon", "grammar.tsv")


def read_class(path, cls):
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(fields) < 2:
                continue
            if fields[1] == cls:
                words.add(fields[0])
    return words


AUX = read_class(GRAMMAR, "cue_modifier")
MIN_CUE = 3  # a core seen fewer times as a cue is noise


def cores(text, frags):
    words = []
    for s, e in sorted(frags):
        words += [w.lower().replace("’", "'") for w in TOKEN.findall(text[s:e])]
    core = [w for w in words if w not in AUX and w != ":"]
    if not core and words == [":"]:
        return None
    if not core or len(core) > 3:
        return None
    return tuple(core)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    base = sys.argv[1]
    if os.path.basename(os.path.normpath(base)) != "train":
        sys.exit("learn_cues.py: give the train split only")
    anns = collections.defaultdict(list)
    for p in sorted(glob.glob(os.path.join(base, "attributions", "*.ann"))):
        anns[os.path.basename(p)[:-4].rsplit("_", 1)[0]].append(p)
    as_cue = collections.Counter()
    texts = []
    for p in sorted(glob.glob(os.path.join(base, "text", "*.txt"))):
        name = os.path.basename(p)[:-4]
        text = open(p, encoding="utf-8", newline="").read()
        texts.append(text)
        if not anns.get(name):
            continue
        spans = {}
        for line in open(sorted(anns[name])[0], encoding="utf-8"):
            parts = line.rstrip("\n").split("\t")
            if line.startswith("T") and len(parts) >= 2:
                role, frs = parts[1].split(" ", 1)
                if role == "Cue":
                    spans[parts[0]] = [tuple(map(int, f.split())) for f in frs.split(";")]
        for line in open(sorted(anns[name])[0], encoding="utf-8"):
            if line.startswith("E"):
                for arg in line.split("\t")[1].split():
                    role, tid = arg.split(":")
                    if role.startswith("Cue") and tid in spans:
                        c = cores(text, spans[tid])
                        if c:
                            as_cue[c] += 1
    kept = {c for c, n in as_cue.items() if n >= MIN_CUE and c != (":",)}
    by_len = collections.defaultdict(set)
    for c in kept:
        by_len[len(c)].add(c)
    seen = collections.Counter()
    for text in texts:
        words = [w.lower().replace("’", "'") for w in TOKEN.findall(text)]
        for n, group in by_len.items():
            for i in range(len(words) - n + 1):
                t = tuple(words[i:i + n])
                if t in group:
                    seen[t] += 1
    print("# Learned by tools/learn_cues.py from the PolNeAR train split.")
    print("# cue\tas_cue\toccurrences\tp_cue")
    for c in sorted(kept, key=lambda c: (-as_cue[c], c)):
        occ = max(seen[c], as_cue[c])
        print("%s\t%d\t%d\t%.3f" % (" ".join(c), as_cue[c], occ, as_cue[c] / occ))


main()
