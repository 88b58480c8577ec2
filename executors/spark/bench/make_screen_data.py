#!/usr/bin/env python3
"""Writes a fastHDMI-shaped screening data set: n subjects x p continuous features and a target y.

y is the sum of 3 standardised terms, one per feature (f0, |f1| and sin(2 f2)), plus noise of a quarter of one
term's variance; every other feature is independent of y, so a screen should rank f0, f1, f2 first. Seeded: the same arguments give the
same file. Usage: make_screen_data.py ROWS FEATURES OUT.csv [SEED]
"""
import sys

import numpy as np


def main():
    n, p, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = np.random.default_rng(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    x = rng.standard_normal((n, p))
    y = 0.5 * rng.standard_normal(n)
    terms = [lambda v: v, np.abs, lambda v: np.sin(2 * v)]
    for j in range(min(p, len(terms))):
        t = terms[j](x[:, j])
        y += (t - t.mean()) / t.std()
    header = ",".join(["y"] + ["f%d" % j for j in range(p)])
    np.savetxt(out, np.column_stack([y, x]), delimiter=",", header=header, comments="", fmt="%.6g")


if __name__ == "__main__":
    main()
