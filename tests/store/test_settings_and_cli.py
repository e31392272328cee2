"""The foundation seen from outside: project layout, settings from the environment and `.env`, and the store's
CLI commands (`shopbot db`, `shopbot catalog`) honouring them, so two stores live side by side.

The commands run in-process through typer's test runner with an explicit environment; every test works in
its own temporary directory (no `.env` of the checkout can leak in).
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from bot.cli.main import app
from bot.settings import Settings, SettingsError, load_settings
from store.migrate import head_revision
from tests.helpers.catalog_builders import write_csv

ROOT = Path(__file__).resolve().parents[2]
# Variables a developer's shell may carry; each command below sees only what the test gives it.
_CLEAR = ("DATABASE_URL", "SHOPBOT_DATA_DIR", "SHOPBOT_CURRENCY", "SHOPBOT_LOCALE", "SHOPBOT_STAFF_IDS",
          "REDIS_URL", "TELEGRAM_BOT_TOKEN", "SHOPBOT_ORDER_EXPIRY_MINUTES", "EMBEDDING_MODEL", "NLU_BACKEND")
ROWS = [
    {"product_id": "MUG", "sku": "MUG-R", "title": "Enamel mug", "category": "Home > Kitchen > Mugs",
     "price": "12.50", "stock": 4, "attributes": "color=Red;material=enamel"},
    {"product_id": "MUG", "sku": "MUG-B", "title": "Enamel mug", "category": "Home > Kitchen > Mugs",
     "price": "13.00", "stock": 2, "attributes": "color=Blue;material=enamel"},
]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(tmp_path)
    for name in _CLEAR:
        monkeypatch.delenv(name, raising=False)
    yield tmp_path


def shopbot(*args: str, **env: str) -> Result:
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


# -- layout and packaging -------------------------------------------------------------------------------------

def test_top_level_layout_and_one_distribution_with_a_shopbot_command() -> None:
    ignored = {"var", ".venv", "build", "dist"}
    entries = {p.name for p in ROOT.iterdir()
               if not p.name.startswith(".") and p.name not in ignored and not p.name.endswith(".egg-info")}
    assert entries == {"bot", "nlu", "store", "knowledge", "tests", "bench", "docs", "pyproject.toml",
                       "docker-compose.yml", "README.md"}
    assert (ROOT / ".ci" / "run").is_file()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "shopbot" and project["scripts"] == {"shopbot": "bot.cli.main:app"}


# -- settings --------------------------------------------------------------------------------------------------

def test_defaults_put_everything_under_the_data_dir(workdir: Path) -> None:
    settings = load_settings()
    assert settings.data_dir == Path("var") and settings.redis_url is None and settings.currency == "USD"
    assert settings.database_url == f"sqlite+aiosqlite:///{workdir / 'var' / 'shopbot.sqlite3'}"
    assert (settings.index_dir, settings.model_dir) == (Path("var/index"), Path("var/models"))


def test_dotenv_is_read_and_the_environment_wins(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (workdir / ".env").write_text(
        "SHOPBOT_CURRENCY=eur\nSHOPBOT_STAFF_IDS=7000000001; 42\nSHOPBOT_LOCALE=zh\n"
        "DATABASE_URL=postgres://shop@db.internal/shop\nREDIS_URL=redis://cache:6379/0\n", encoding="utf-8")
    settings = load_settings()
    assert (settings.currency, settings.staff_ids, settings.locale) == ("EUR", (7000000001, 42), "zh")
    assert settings.database_url == "postgresql+asyncpg://shop@db.internal/shop"
    assert settings.redis_url == "redis://cache:6379/0"
    monkeypatch.setenv("SHOPBOT_CURRENCY", "CNY")
    assert load_settings().currency == "CNY"


@pytest.mark.parametrize(("variable", "value", "why"), [
    ("SHOPBOT_CURRENCY", "usdx", "three-letter ISO 4217 code"),
    ("SHOPBOT_CURRENCY", "XYZ", "unknown currency"),
    ("DATABASE_URL", "mysql://shop@db/shop", "must start with sqlite:// or postgresql://"),
    ("SHOPBOT_STAFF_IDS", "alice,bob", "comma-separated Telegram user ids"),
    ("SHOPBOT_LOCALE", "fr", "'en' or 'zh'"),
    ("SHOPBOT_ORDER_EXPIRY_MINUTES", "0", "greater than or equal to 1"),
    ("EMBEDDING_MODEL", "bert", "'use-multilingual' or 'minilm'"),
])
def test_a_bad_setting_stops_every_command_at_start_naming_the_variable(
    workdir: Path, variable: str, value: str, why: str
) -> None:
    for command in (["db", "current"], ["db", "upgrade"], ["catalog", "export", "out.json"]):
        result = shopbot(*command, SHOPBOT_DATA_DIR=str(workdir / "data"), **{variable: value})
        assert result.exit_code == 2, (command, result.output)
        assert result.stderr.startswith("Invalid settings:")
        assert f"{variable}: " in result.stderr and why in result.stderr and repr(value) in result.stderr
        assert result.stdout == ""
    assert not (workdir / "data").exists()  # nothing was touched


def test_every_bad_variable_is_named_at_once(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOPBOT_CURRENCY", "dollars")
    monkeypatch.setenv("SHOPBOT_STAFF_IDS", "1,x")
    with pytest.raises(SettingsError) as info:
        load_settings()
    lines = str(info.value).splitlines()
    assert lines[0] == "Invalid settings:"
    assert [line.strip().split(":")[0] for line in lines[1:]] == ["SHOPBOT_CURRENCY", "SHOPBOT_STAFF_IDS"]
    assert Settings.model_fields["currency"].default == "USD"


# -- the CLI honours the settings: two stores side by side ----------------------------------------------------

def _export(data_dir: Path, name: str, **env: str) -> list[dict[str, object]]:
    out = data_dir.parent / name
    result = shopbot("catalog", "export", str(out), SHOPBOT_DATA_DIR=str(data_dir), **env)
    assert result.exit_code == 0, result.output
    records: list[dict[str, object]] = json.loads(out.read_text(encoding="utf-8"))
    return records


def test_two_stores_live_side_by_side_in_two_data_dirs(workdir: Path) -> None:
    euro, dollar = workdir / "euro-shop", workdir / "dollar-shop"
    catalog = write_csv(workdir / "catalog.csv", ROWS)
    for data_dir in (euro, dollar):
        assert shopbot("db", "upgrade", SHOPBOT_DATA_DIR=str(data_dir)).exit_code == 0
        current = shopbot("db", "current", SHOPBOT_DATA_DIR=str(data_dir))
        assert current.stdout.strip() == f"current: {head_revision()}  head: {head_revision()}"
    imported = shopbot("catalog", "import", str(catalog), SHOPBOT_DATA_DIR=str(euro), SHOPBOT_CURRENCY="EUR")
    assert imported.exit_code == 0, imported.output
    assert "Imported 2 rows from catalog.csv: 1 products (1 new, 0 updated)" in imported.stdout
    assert _export(dollar, "dollar.json") == []  # the other store did not see it
    assert shopbot("catalog", "import", str(catalog), SHOPBOT_DATA_DIR=str(dollar)).exit_code == 0
    euros, dollars = _export(euro, "euro.json"), _export(dollar, "dollar.json")
    assert [(r["sku"], r["price"], r["currency"]) for r in euros] == [("MUG-R", "12.50", "EUR"),
                                                                       ("MUG-B", "13.00", "EUR")]
    assert [(r["sku"], r["price"], r["currency"]) for r in dollars] == [("MUG-R", "12.50", "USD"),
                                                                         ("MUG-B", "13.00", "USD")]
    assert (euro / "shopbot.sqlite3").is_file() and (dollar / "shopbot.sqlite3").is_file()
    assert not (workdir / "var").exists()  # the default data dir was never used


def test_database_url_wins_over_the_data_dir(workdir: Path) -> None:
    elsewhere = workdir / "elsewhere" / "shop.sqlite3"
    env = {"SHOPBOT_DATA_DIR": str(workdir / "data"), "DATABASE_URL": f"sqlite:///{elsewhere}"}
    assert shopbot("db", "upgrade", **env).exit_code == 0
    assert shopbot("catalog", "import", str(write_csv(workdir / "c.csv", ROWS)), **env).exit_code == 0
    assert elsewhere.is_file() and not (workdir / "data" / "shopbot.sqlite3").exists()
    assert len(_export(workdir / "data", "out.json", DATABASE_URL=f"sqlite:///{elsewhere}")) == 2


def test_the_store_commands_work_on_postgresql(workdir: Path, postgres_url: str) -> None:
    env = {"SHOPBOT_DATA_DIR": str(workdir / "data"), "DATABASE_URL": postgres_url}
    assert shopbot("db", "upgrade", **env).exit_code == 0
    assert shopbot("catalog", "import", str(write_csv(workdir / "c.csv", ROWS)), **env).exit_code == 0
    records = _export(workdir / "data", "pg.json", DATABASE_URL=postgres_url)
    assert [r["sku"] for r in records] == ["MUG-R", "MUG-B"]
    assert not (workdir / "data" / "shopbot.sqlite3").exists()


# -- an unmigrated database is refused, clearly -----------------------------------------------------------------

def test_commands_refuse_an_unmigrated_database_with_a_clear_message(workdir: Path) -> None:
    env = {"SHOPBOT_DATA_DIR": str(workdir / "fresh")}
    catalog = write_csv(workdir / "c.csv", ROWS)
    for command in (["catalog", "export", str(workdir / "out.json")], ["catalog", "import", str(catalog)]):
        result = shopbot(*command, **env)
        assert result.exit_code == 3, result.output
        assert result.stderr.strip() == (
            f"The database has not been migrated (no shopbot tables), but this shopbot needs migration "
            f"{head_revision()}. Run `shopbot db upgrade` first.")
    assert not (workdir / "out.json").exists()
    assert shopbot("db", "current", **env).stdout.strip() == f"current: (empty)  head: {head_revision()}"


# -- catalog import from the command line ---------------------------------------------------------------------

def test_catalog_import_reports_every_bad_row_and_check_changes_nothing(workdir: Path) -> None:
    env = {"SHOPBOT_DATA_DIR": str(workdir / "data")}
    assert shopbot("db", "upgrade", **env).exit_code == 0
    bad = write_csv(workdir / "bad.csv", [*ROWS, {"sku": "X-1", "title": "", "price": "1"},
                                          {"sku": "X-2", "title": "Cup", "price": "1.005"}])
    result = shopbot("catalog", "import", str(bad), **env)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "bad.csv: 2 bad row(s) in 4; nothing was imported.",
        "line 4 [sku X-1]: title is required",
        "line 5 [sku X-2]: price: '1.005' has more than 2 decimals for USD",
    ]
    assert _export(workdir / "data", "after-bad.json") == []
    good = write_csv(workdir / "good.csv", ROWS)
    checked = shopbot("catalog", "import", "--check", str(good), **env)
    assert checked.exit_code == 0 and checked.stdout.strip() == "good.csv: 2 rows, 1 products, all valid."
    assert _export(workdir / "data", "after-check.json") == []
    unknown = workdir / "catalog.xlsx"
    unknown.write_text("x", encoding="utf-8")
    refused = shopbot("catalog", "import", str(unknown), **env)
    assert refused.exit_code == 1 and "use .csv or .json" in refused.stderr



async def test_the_app_refuses_an_unmigrated_database_before_loading_anything(workdir: Path) -> None:
    from bot.core.app import ShopBot
    from store.errors import DatabaseNotMigrated

    bot = ShopBot(load_settings(data_dir=workdir / "fresh"))
    try:
        with pytest.raises(DatabaseNotMigrated, match=r"Run `shopbot db upgrade` first\."):
            await bot.start()
        assert bot.services is None and bot.dispatcher is None  # no model, index or handler was loaded
    finally:
        await bot.stop()
