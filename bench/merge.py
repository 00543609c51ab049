"""Merge benchmark JSON files (later files win per corpus, build figures kept when a later run skipped the build).

    python -m bench.merge bench/out/results-small.json bench/out/results-100k.json > bench/out/results.json
"""

from __future__ import annotations

import json
import sys

from bench.run import check_targets, report


def merge(paths: list[str]) -> dict:
    merged: dict = {"corpora": {}, "runs": []}
    for path in paths:
        run = json.loads(open(path).read())
        merged["machine"] = run.get("machine")
        merged["runs"].append({"file": path, "started": run.get("started"), "seconds": run.get("seconds")})
        for size, entry in run["corpora"].items():
            old = merged["corpora"].get(size, {})
            merged["corpora"][size] = {**old, **entry}
    merged["targets"] = check_targets(merged)
    merged["table"] = report(merged)
    return merged


if __name__ == "__main__":
    result = merge(sys.argv[1:])
    print(json.dumps(result, indent=1))
    print(result["table"], file=sys.stderr)
