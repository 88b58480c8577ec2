"""Reference timings for the KSG workloads of KsgBenchmark: scikit-learn and an NPEET-style scipy cKDTree KSG.

Same data model as KsgBenchmark (X standard normal, Y = 0.6 X + 0.8 N(0, 1) column by column), k = 3, one thread.
Run with Debian's python3-sklearn / python3-scipy, on this machine only (never a dependency of the build):

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 ksg_reference.py sklearn 1 100000 5
    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 ksg_reference.py ckdtree 3 100000 1

Arguments: implementation (sklearn: 1-D only; ckdtree), dimension of X and Y, n, repetitions. Prints the best time.
Or: implementation, then a CSV file with a header and two columns x, y (what `milab estimate ksg FILE --x x --y y`
reads), for whole-process timings that include parsing the same file: prints the estimate only.
"""
import sys
import time

import numpy as np
from scipy.spatial import cKDTree
from scipy.special import digamma

K = 3


def ckdtree_ksg(x, y):
    n = len(x)
    joint = np.hstack([x, y])
    eps = cKDTree(joint).query(joint, k=K + 1, p=np.inf)[0][:, -1]
    nx = cKDTree(x).query_ball_point(x, eps - 1e-15, p=np.inf, return_length=True) - 1
    ny = cKDTree(y).query_ball_point(y, eps - 1e-15, p=np.inf, return_length=True) - 1
    return digamma(K) + digamma(n) - np.mean(digamma(nx + 1) + digamma(ny + 1))


def sklearn_ksg(x, y):
    from sklearn.feature_selection import mutual_info_regression
    return mutual_info_regression(x, y[:, 0], n_neighbors=K, random_state=0)[0]


def from_csv(kind, path):
    xy = np.loadtxt(path, delimiter=",", skiprows=1)
    estimate = ckdtree_ksg if kind == "ckdtree" else sklearn_ksg
    print(f"{kind} {path}: estimate {estimate(xy[:, :1], xy[:, 1:]):.6f}")


def main():
    if len(sys.argv) == 3:
        from_csv(sys.argv[1], sys.argv[2])
        return
    kind, d, n, repetitions = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    if kind == "sklearn" and d != 1:
        sys.exit("scikit-learn's mutual_info_regression takes one target column: use d = 1")
    rng = np.random.default_rng(1)
    x = rng.standard_normal((n, d))
    y = 0.6 * x + 0.8 * rng.standard_normal((n, d))
    estimate = ckdtree_ksg if kind == "ckdtree" else sklearn_ksg
    best = float("inf")
    for _ in range(repetitions):
        start = time.perf_counter()
        value = estimate(x, y)
        best = min(best, time.perf_counter() - start)
    print(f"{kind} d={d} n={n}: best {best:.3f} s of {repetitions}, estimate {value:.6f}")


if __name__ == "__main__":
    main()
