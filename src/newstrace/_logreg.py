"""A small L2-regularized logistic regression, fitted by plain gradient descent (numpy only).

Shared by the models newstrace keeps as a dozen readable weights in JSON (the audit's support
model, the corroboration pair model): deterministic, same rows give the same weights.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["fit_logistic"]


def fit_logistic(
    x: np.ndarray[Any, Any], y: np.ndarray[Any, Any], *, l2: float = 1.0, steps: int = 2000
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any], float]:
    """(mean, scale, coef, intercept) on standardized features, with balanced class weights."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    pos = max(1.0, y.sum())
    neg = max(1.0, len(y) - y.sum())
    w_row = np.where(y == 1, len(y) / (2 * pos), len(y) / (2 * neg))
    coef = np.zeros(z.shape[1])
    b = 0.0
    lr = 0.5
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ coef + b)))
        g = w_row * (p - y)
        coef -= lr * (z.T @ g / len(y) + l2 * coef / len(y))
        b -= lr * g.mean()
    return mean, scale, coef, b
