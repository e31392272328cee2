from __future__ import annotations

from nlu.evaluation import unseen_indices


def test_held_out_messages_also_in_training_are_set_apart() -> None:
    training = ["Hi!", "where is my order", "红色 连衣裙"]
    test = ["hi", "Where is my order??", "红色连衣裙", "do you ship to canada"]
    assert unseen_indices(training, test) == [3]
