"""Every public module's ``__all__`` names things that exist (httpx's tests/test_exported_members.py idea),
and the domain packages never import a Telegram library."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("store", "knowledge", "nlu", "bot")
SKIP = ("store.migrations.versions", "store.migrations.env", "bot.transports.ptb", "bot.transports.aiogram")


def _modules() -> list[str]:
    names = []
    for package in PACKAGES:
        pkg = importlib.import_module(package)
        for info in pkgutil.walk_packages(pkg.__path__, prefix=f"{package}."):
            if not info.name.startswith(SKIP) and not info.name.endswith("__main__"):
                names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("name", _modules())
def test_all_names_exist(name: str) -> None:
    module = importlib.import_module(name)
    exported = getattr(module, "__all__", [])
    missing = [n for n in exported if not hasattr(module, n)]
    assert not missing, f"{name}.__all__ lists missing names {missing}"


@pytest.mark.parametrize("package", ["store", "knowledge", "nlu"])
def test_domain_packages_never_import_telegram(package: str) -> None:
    pattern = re.compile(r"^\s*(from|import)\s+(telegram|aiogram)\b", re.M)
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / package).rglob("*.py") if pattern.search(p.read_text())]
    assert not offenders
