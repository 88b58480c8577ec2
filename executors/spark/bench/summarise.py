#!/usr/bin/env python3
"""Prints screen-bench.sh's table: seconds of each screen and its command, ms per feature per core, top 3."""
import json
import os
import sys

RUNS = [("milab-%s-jobs1", "milab local", 1), ("milab-%s-jobs2", "milab local", 2),
        ("milab-%s-spark1", "milab spark local[1]", 1), ("milab-%s-spark2", "milab spark local[2]", 2),
        ("python-%s", "python (sklearn/numpy)", 1)]


def main():
    out, rows, features = sys.argv[1], sys.argv[2], int(sys.argv[3])
    print("data: %s rows x %d features" % (rows, features))
    print("%-8s %-24s %5s %9s %9s %16s  %s" % ("est", "engine", "cores", "seconds", "wall", "ms/feature/core",
                                               "top 3"))
    for est in ("ksg", "binned"):
        for pattern, engine, cores in RUNS:
            with open(os.path.join(out, pattern % est + ".json")) as f:
                r = json.load(f)
            top = [s["feature"] for s in r["scores"][:3]] if "scores" in r else [t[0] for t in r["top"][:3]]
            ms = 1000.0 * r["seconds"] * cores / features
            wall_file = os.path.join(out, pattern % est + ".wall")
            wall = open(wall_file).read().strip() if os.path.exists(wall_file) else ""
            wall = "%.2f" % float(wall) if wall else "-"
            print("%-8s %-24s %5d %9.2f %9s %16.3f  %s" % (est, engine, cores, r["seconds"], wall, ms,
                                                          ",".join(top)))


if __name__ == "__main__":
    main()
