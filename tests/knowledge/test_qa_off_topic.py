"""An answer must be about what was asked: a question sharing a word (or a request shape) with an entry, on a
subject the entry does not cover, is not answered with it."""

from __future__ import annotations

import pytest

from knowledge.encoders.base import Encoder
from knowledge.qa import DEFAULT_CONFIG
from store.uow import UnitOfWorkFactory
from tests.helpers.kb_builders import add_pair, start_qa

POINTS = ("You earn 1 point for every $1 spent on delivered orders (after discounts, excluding shipping). "
          "100 points are worth $1 off, and points can pay for up to 50% of an order's items.")


async def test_one_entry_does_not_answer_a_question_on_another_subject(uow_factory: UnitOfWorkFactory) -> None:
    # The community walk-through: the only entry is about shipping to Canada (fake encoder, shipped config).
    await add_pair(uow_factory, "Do you ship to Canada?", "Yes, in 5-8 business days.")
    qa = await start_qa(uow_factory)
    assert (await qa.ask("Do you ship to Canada?")).answer == "Yes, in 5-8 business days."
    unknown = await qa.ask("Do you sell tractors?")
    assert unknown.answer is None and unknown.offer_to_post
    # Once someone answers it, the same question is answered.
    await add_pair(uow_factory, "Do you sell tractors?", "Small garden tractors, yes.")
    assert (await qa.ask("Do you sell tractors?")).answer == "Small garden tractors, yes."


async def _shop_kb(uow_factory: UnitOfWorkFactory) -> None:
    await add_pair(uow_factory, "How do reward points work?", POINTS)
    await add_pair(uow_factory, "Do my points expire?", "Points expire 12 months after your last order.")
    await add_pair(uow_factory, "Which countries do you ship to?", "The US, Canada, the UK, the EU, China and Japan.")
    await add_pair(uow_factory, "How long does delivery take?", "3-5 business days in the US, 7-14 abroad.")
    await add_pair(uow_factory, "What is your return policy?", "Most items can be returned within 30 days.")


@pytest.mark.model
async def test_a_shared_keyword_is_not_an_answer(uow_factory: UnitOfWorkFactory, use_encoder: Encoder) -> None:
    await _shop_kb(uow_factory)
    qa = await start_qa(uow_factory, encoder=use_encoder, config=DEFAULT_CONFIG)
    for question in ("what is the boiling point of lead?", "how many points is a touchdown worth?",
                     "do you sell motorbikes?"):
        answer = await qa.ask(question)
        assert answer.answer is None and answer.offer_to_post, (question, answer.matched_question)
    # ... while questions about the entries, in other words, are still answered.
    assert (await qa.ask("how do I earn points when I shop?")).matched_question == "How do reward points work?"
    assert (await qa.ask("do you deliver to japan?")).matched_question == "Which countries do you ship to?"


@pytest.mark.model
async def test_a_paraphrase_is_not_punished_for_its_other_words(uow_factory: UnitOfWorkFactory,
                                                                use_encoder: Encoder) -> None:
    # "cost" and "delivery" are not words of "How much is shipping?" while "delivery" is a word of the cash
    # on delivery entry; the question means the same as the shipping entry, so its cosine covers what the
    # words do not (``with_paraphrase``). Without that: the cash on delivery entry, and the pickup entry
    # below the threshold. A question sharing only a word gains nothing.
    await _shop_kb(uow_factory)
    for question, text in (("How much is shipping?", "Standard shipping is $5.99 in the US, free over $50."),
                           ("Do you offer cash on delivery?", "Yes, for US addresses: pay the courier in cash."),
                           ("Can I pick up my order instead of having it shipped?", "Yes, choose pickup at checkout."),
                           ("Can I add an item to an order I already placed?", "No, please place a second order.")):
        await add_pair(uow_factory, question, text)
    qa = await start_qa(uow_factory, encoder=use_encoder, config=DEFAULT_CONFIG)
    assert (await qa.ask("what does delivery cost")).matched_question == "How much is shipping?"
    pickup = await qa.ask("can I collect my order myself at your store?")
    assert pickup.matched_question == "Can I pick up my order instead of having it shipped?"
    assert (await qa.ask("do you sell motorbikes?")).answer is None
