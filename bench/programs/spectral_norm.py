"""spectral-norm: the Benchmarks Game's power method on an infinite matrix.

A[i][j] = 1 / ((i + j) * (i + j + 1) / 2 + i + 1), truncated to N x N. Ten
rounds of u -> AtA u, then the norm sqrt(u.v / v.v). Function calls in the
innermost loop (eval_A), float arithmetic, list comprehensions.

Check: the spectral norm of the infinite matrix is 1.2742241528...; the
truncated one approaches it from below (the Benchmarks Game prints
1.274219991 for N = 100), so the result must lie within 5e-6 below it.
"""
from _harness import main, expect

N = 130
LIMIT = 1.2742241528


def eval_A(i, j):
    ij = i + j
    return 1.0 / (ij * (ij + 1) // 2 + i + 1)


def A_times_u(u):
    n = len(u)
    return [sum([eval_A(i, j) * u[j] for j in range(n)]) for i in range(n)]


def At_times_u(u):
    n = len(u)
    return [sum([eval_A(j, i) * u[j] for j in range(n)]) for i in range(n)]


def AtA_times_u(u):
    return At_times_u(A_times_u(u))


def run():
    u = [1.0] * N
    v = u
    for _ in range(10):
        v = AtA_times_u(u)
        u = AtA_times_u(v)
    vBv = vv = 0.0
    for ue, ve in zip(u, v):
        vBv += ue * ve
        vv += ve * ve
    return (vBv / vv) ** 0.5


def check(norm):
    expect(LIMIT - 5e-6 < norm < LIMIT + 1e-10, 'norm %.10f, want just below %.10f', norm, LIMIT)


if __name__ == '__main__':
    main('spectral_norm', run, check)
