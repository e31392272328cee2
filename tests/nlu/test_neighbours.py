from __future__ import annotations

import numpy as np
import pytest

from nlu.neighbours import NeighbourFeatures


def _brute(
    queries: np.ndarray, train: np.ndarray, labels: list[str], classes: list[str], k: int, loo: bool
) -> np.ndarray:
    sims = queries @ train.T
    if loo:
        np.fill_diagonal(sims, -1.0)
    out = np.empty((len(queries), len(classes)))
    for j, c in enumerate(classes):
        cols = [i for i, label in enumerate(labels) if label == c]
        top = np.sort(sims[:, cols], axis=1)[:, ::-1][:, :k]
        top = np.pad(top, ((0, 0), (0, k - top.shape[1])), constant_values=-1.0)
        out[:, j] = top.mean(axis=1)
    return out


@pytest.mark.parametrize(("k", "dims"), [(1, 16), (3, 16), (3, 4)])
def test_matches_brute_force_across_chunks(k: int, dims: int) -> None:
    rng = np.random.default_rng(0)
    train = rng.normal(size=(1100, 16)).astype(np.float32)  # more rows than one chunk
    labels = [["c", "a", "b"][i % 3] if i < 1098 else "d" for i in range(1100)]  # unsorted; "d" has < 3
    classes = ["a", "b", "c", "d"]
    feats = NeighbourFeatures(k, dims).fit(train, labels, classes)
    queries = rng.normal(size=(600, 16)).astype(np.float32)
    projected_train, projected_queries = feats._project(train), feats._project(queries)
    assert projected_train.shape == (1100, min(dims, 16))
    expected = _brute(projected_queries, projected_train, labels, classes, k, loo=False)
    assert np.allclose(feats.transform(queries), expected, atol=1e-5)
    expected_loo = _brute(projected_train, projected_train, labels, classes, k, loo=True)
    assert np.allclose(feats.transform_training(), expected_loo, atol=1e-5)


def test_a_training_row_is_never_its_own_neighbour() -> None:
    train = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0], [-1.0, 0.0]], dtype=np.float32)
    feats = NeighbourFeatures(1).fit(train, ["x", "x", "y", "y", "z"], ["x", "y", "z"])
    loo = feats.transform_training()
    assert loo[0, 0] == pytest.approx(1.0)  # its twin
    assert loo[4, 2] == pytest.approx(-1.0)  # the only "z": no other "z" to be near
    assert feats.transform(train[4:])[0, 2] == pytest.approx(1.0)  # a new message may match it
