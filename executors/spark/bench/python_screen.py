#!/usr/bin/env python3
"""The Python baseline of `milab screen`: MI of every feature column with the target column y, one core.

ksg:    scikit-learn's mutual_info_regression (Kraskov-Stoegbauer-Grassberger 2004, algorithm 1, k = 3; it scales
        each feature to unit variance and adds 1e-10-scale noise first).
binned: equal-width bins, Freedman-Diaconis bin counts per column, plug-in entropies with the Miller-Madow
        correction (m - 1) / 2n per entropy term, MI = H(X) + H(Y) - H(X,Y): milab's `binned` defaults.
Prints one JSON line: estimator, features, seconds (the screen only, not reading the CSV), and the top 10.
Usage: python_screen.py DATA.csv ksg|binned
"""
import json
import sys
import time

import numpy as np


def entropy_mm(counts, n):
    c = counts[counts > 0]
    p = c / n
    return float(-(p * np.log(p)).sum() + (len(c) - 1) / (2.0 * n))


def binned_mi(x, y, y_edges):
    n = len(x)
    x_edges = np.histogram_bin_edges(x, bins="fd")
    joint, _, _ = np.histogram2d(x, y, bins=[x_edges, y_edges])
    return entropy_mm(joint.sum(axis=1), n) + entropy_mm(joint.sum(axis=0), n) - entropy_mm(joint.ravel(), n)


def main():
    path, estimator = sys.argv[1], sys.argv[2]
    with open(path) as f:
        header = f.readline().strip().split(",")
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    target = header.index("y")
    y = data[:, target]
    names = [h for i, h in enumerate(header) if i != target]
    x = np.delete(data, target, axis=1)
    t0 = time.perf_counter()
    if estimator == "ksg":
        from sklearn.feature_selection import mutual_info_regression
        mi = mutual_info_regression(x, y, n_neighbors=3, random_state=0)
    else:
        y_edges = np.histogram_bin_edges(y, bins="fd")
        mi = np.array([binned_mi(x[:, j], y, y_edges) for j in range(x.shape[1])])
    seconds = time.perf_counter() - t0
    order = np.argsort(-mi)[:10]
    print(json.dumps({"estimator": estimator, "features": len(names), "seconds": seconds,
                      "top": [[names[j], float(mi[j])] for j in order]}))


if __name__ == "__main__":
    main()
