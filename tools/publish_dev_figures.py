#!/usr/bin/env python3
"""Writes docs/polnear-dev-figures.json from `claimtrail eval --json` reports
of the rules and of the "both" mode on the PolNeAR dev split:

    claimtrail eval DEV --labels fixtures/polnear-dev-source-labels.tsv --json > rules.json
    claimtrail eval DEV --labels fixtures/polnear-dev-source-labels.tsv --json --mode both > both.json
    python3 tools/publish_dev_figures.py rules.json both.json > docs/polnear-dev-figures.json

tests/test_eval_published.cpp fails when a figure drops more than 0.02.
"""
import json
import sys


def figures(report):
    span = {role: {m: {"F1": round(report["span"][role][m]["F1"], 4)} for m in ("exact-trim", "char")}
            for role in ("cue", "source", "content")}
    attribution = {k: {"F1": round(report["attribution"][k]["F1"], 4)} for k in ("attr", "+source")}
    categories = {k: {"accuracy": round(report["categories"][k]["accuracy"], 4)} for k in ("category", "anonymous")}
    return {"span": span, "attribution": attribution, "categories": categories}


rules, both = (json.load(open(p)) for p in sys.argv[1:3])
out = {"note": "claimtrail eval ../shared/corpora/polnear/dev --labels fixtures/polnear-dev-source-labels.tsv "
               "[--mode both]; a test fails when a figure drops more than 0.02 below",
       "rules": figures(rules), "both": figures(both)}
json.dump(out, sys.stdout, indent=1)
print()
