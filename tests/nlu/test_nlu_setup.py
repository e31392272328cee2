"""The bot loads the model `shopbot nlu train` saved, and trains one where the CLI will find it when missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.nlu_setup import catalog_vocabulary, load_nlu
from bot.settings import Settings
from knowledge.encoders.fake import FakeEncoder
from nlu.artifact import current_metadata, save_model, train_from_dir
from nlu.context import DialogueContext
from nlu.entities.extractor import EntityExtractor
from nlu.entities.lexicon import Lexicon
from nlu.factory import DEFAULT_DATA_DIR
from nlu.model import NLUModel
from nlu.pipeline import BuiltinNLU
from nlu.training_data import load_training_data
from store.catalog import ProductInput, VariantInput, delete_product, upsert_product
from store.money import Money
from store.uow import UnitOfWorkFactory


async def test_bot_loads_the_artifact_the_cli_saved(
    tmp_path: Path, small_data_dir: Path, fake_encoder: FakeEncoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(data_dir=tmp_path / "var")
    trained = train_from_dir(small_data_dir, fake_encoder)  # what `shopbot nlu train` does ...
    save_model(trained, settings.model_dir)  # ... and where it saves (bot/cli/nlu.py)

    def no_training(*args: object, **kwargs: object) -> NLUModel:
        raise AssertionError("the bot retrained instead of loading the saved model")

    monkeypatch.setattr("nlu.artifact.train_model", no_training)
    nlu = await load_nlu(settings, fake_encoder, None, small_data_dir)
    assert isinstance(nlu, BuiltinNLU)
    assert nlu.model.metadata.version == trained.metadata.version


async def test_bot_trains_a_missing_model_where_the_cli_finds_it(
    tmp_path: Path, small_data_dir: Path, fake_encoder: FakeEncoder
) -> None:
    settings = Settings(data_dir=tmp_path / "var")
    assert current_metadata(settings.model_dir) is None
    nlu = await load_nlu(settings, fake_encoder, None, small_data_dir)
    assert current_metadata(settings.model_dir) == nlu.model.metadata
    assert not (settings.model_dir / "nlu" / "nlu").exists()


async def test_catalogue_vocabulary_has_the_variants_colours_and_sizes(uow_factory: UnitOfWorkFactory) -> None:
    """Colours and sizes of active variants of active products, on SQLite and PostgreSQL; the NLU then finds
    them in messages and spells them the catalogue's way."""
    def variant(sku: str, **attributes: object) -> VariantInput:
        return VariantInput(sku, Money(1000, "USD"), 5, attributes)

    async with uow_factory() as uow:
        await upsert_product(uow, ProductInput("HOOD", "Hoodie", [variant("H-S", color="Sage", size="M"),
                                                                 variant("H-G", color="Grey", size="XL")]))
        await upsert_product(uow, ProductInput("BOOT", "Boot", [variant("B-9", colour="Walnut", size="US 9")]))
        await upsert_product(uow, ProductInput("JEAN", "Jeans", [variant("J-30", size=30)]))
        await upsert_product(uow, ProductInput("GONE", "Old", [variant("G-1", color="Zorbleen", size="Tall 34")]))
    async with uow_factory() as uow:
        await delete_product(uow, "GONE")
    vocab = await catalog_vocabulary(uow_factory)
    assert sorted(vocab.colors.values()) == ["Grey", "Sage", "Walnut"]
    assert sorted(vocab.sizes.values()) == ["30", "M", "US 9", "XL"]
    extractor = EntityExtractor(Lexicon.from_training_data(load_training_data(DEFAULT_DATA_DIR)))
    ctx = DialogueContext(catalog=vocab)
    found = [(e.entity, e.value) for e in extractor.extract("any gray hoodie in us 9 or 鼠尾草绿的", ctx)]
    assert found == [("color", "Grey"), ("product", "hoodie"), ("size", "US 9"), ("color", "Sage")]
    assert [e.value for e in extractor.extract("zorbleen", ctx)] == []


async def test_chinese_names_of_catalogue_brands_are_brands(uow_factory: UnitOfWorkFactory) -> None:
    """"匡威帆布鞋", "新百伦跑鞋", "斯坦利保温杯": the brands' Chinese names (knowledge/text/brands.py) are brand
    entities with the catalogue's spelling, for brands the catalogue carries; before, only the few Chinese
    names in the NLU training data were, and "只看新百伦的" under running shoes searched "跑鞋 新百伦"."""
    async with uow_factory() as uow:
        for sku, brand in (("CV", "Converse"), ("NB", "New Balance"), ("ST", "Stanley")):
            await upsert_product(uow, ProductInput(sku, f"{brand} thing", [VariantInput(f"{sku}-1", Money(100, "USD"),
                                                                                      3, {})], brand=brand))
    vocab = await catalog_vocabulary(uow_factory)
    extractor = EntityExtractor(Lexicon.from_training_data(load_training_data(DEFAULT_DATA_DIR)))
    ctx = DialogueContext(catalog=vocab)
    for text, brand in (("匡威帆布鞋", "Converse"), ("只看新百伦的", "New Balance"), ("斯坦利保温杯", "Stanley"),
                        ("史丹利的水壶", "Stanley")):
        assert [e.value for e in extractor.extract(text, ctx) if e.entity == "brand"] == [brand], text
    assert [e.value for e in extractor.extract("宜家的台灯", ctx) if e.entity == "brand"] == []  # not carried
