"""The demo shop loads once, is idempotent, and its promotions point at real demo SKUs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from bot.cli.demo import prepare_demo
from bot.settings import load_settings
from store.catalog import get_variant_by_sku
from store.demo.loader import load_demo
from store.models.promotions import FlashSale
from store.pricing import price_lines
from store.uow import UnitOfWorkFactory

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


async def test_load_demo_is_idempotent_and_renews_ended_flash_sales(uow_factory: UnitOfWorkFactory) -> None:
    first = await load_demo(uow_factory, now=NOW)
    second = await load_demo(uow_factory, now=NOW + timedelta(minutes=1))
    assert first.catalog_imported and first.products > 500 and first.warnings == []
    assert (first.coupons_created, first.offers_created, first.flash_sales_created) == (3, 1, 3)
    assert not second.catalog_imported and second.variants == first.variants
    assert (second.coupons_created, second.offers_created, second.flash_sales_created,
            second.flash_sales_renewed) == (0, 0, 0, 0)
    async with uow_factory() as uow:
        headphones = await get_variant_by_sku(uow, "P0040-WHT")
        priced = await price_lines(uow.session, 1, [(headphones.id, 1)], coupon_code=None, shipping=None,
                                   now=NOW + timedelta(minutes=2))
    flash = priced.adjustment("flash_sale")
    assert flash is not None and priced.lines[0].unit_price.amount == 7999
    later = await load_demo(uow_factory, now=NOW + timedelta(days=3))
    assert later.flash_sales_renewed == 3
    async with uow_factory() as uow:
        starts = (await uow.session.scalars(select(FlashSale.starts_at))).all()
        groups = (await uow.session.scalars(select(FlashSale.group_chat_id))).all()
    assert all(s.replace(tzinfo=UTC) >= NOW + timedelta(days=3, minutes=-5) for s in starts)
    assert groups == [None, None, None]


async def test_prepare_demo_on_a_fresh_data_dir_twice(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path / "data", database_url_setting=None)
    first = await prepare_demo(settings)
    second = await prepare_demo(settings)
    assert first.catalog_imported and first.images_written == first.products
    assert (tmp_path / "data" / "media" / "images" / "P0001.png").exists()
    assert not second.catalog_imported and second.images_written == 0 and second.coupons_created == 0
    assert "already up to date" in second.lines()[1]


async def test_a_demo_store_made_before_the_offer_was_renamed_keeps_one_offer(uow_factory: UnitOfWorkFactory,
                                                                              tmp_path: Path) -> None:
    """The demo's tiered offer used to be called "Spend $200, save $30", which read wrong when the $100 tier
    applied; loading the renamed offer into an older store renames it instead of adding a second one."""
    import json

    from sqlalchemy.orm import selectinload

    from store.models.pricing import Offer
    from store.money import Money
    from store.pricing.admin import save_offer

    catalog = tmp_path / "catalog.json"
    catalog.write_text(json.dumps([{"sku": "A-1", "title": "A thing", "price": "10.00", "currency": "USD"}]))
    promotions = tmp_path / "promotions.json"
    promotions.write_text(json.dumps({"offers": [{
        "name": "Spend more, save more", "name_zh": "多买多省", "currency": "USD",
        "formerly": ["Spend $200, save $30"], "tiers": [["100.00", "10.00"], ["200.00", "30.00"]]}]}))
    async with uow_factory() as uow:
        await save_offer(uow.session, "Spend $200, save $30", [(Money(10000, "USD"), Money(1000, "USD")),
                                                                (Money(20000, "USD"), Money(3000, "USD"))])
        await uow.commit()
    result = await load_demo(uow_factory, now=NOW, catalog_path=catalog, promotions_path=promotions)
    again = await load_demo(uow_factory, now=NOW, catalog_path=catalog, promotions_path=promotions)
    async with uow_factory() as uow:
        offers = (await uow.session.scalars(select(Offer).options(selectinload(Offer.tiers)))).all()
        assert [(o.name, o.name_zh, len(o.tiers)) for o in offers] == [("Spend more, save more", "多买多省", 2)]
    assert result.offers_created == 0 and again.offers_created == 0
