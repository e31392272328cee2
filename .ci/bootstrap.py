#!/usr/bin/env python3
"""Set up shopbot on a fresh machine with nothing but python3 (3.11).

Creates ./.venv, installs the CPU build of torch first (so no resolver can pull a multi-GB CUDA build), then the
project with its test extras. With --browser it also makes sure Debian's chromium is present for the web-chat
browser test. Re-running is quick: a stamp records what was installed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
PY = VENV / "bin" / "python"
STAMP = VENV / ".shopbot-installed"
TORCH = "torch==2.13.0"


def run(*cmd: str) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT)


def want_stamp() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_venv() -> None:
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"shopbot needs Python 3.11, this is {sys.version.split()[0]}")
    if not PY.exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if STAMP.exists() and STAMP.read_text() == want_stamp():
        return
    pip = [str(PY), "-m", "pip", "--disable-pip-version-check"]
    run(*pip, "install", "-q", "--upgrade", "pip")
    run(*pip, "install", "-q", TORCH)
    run(*pip, "install", "-q", "-e", ".[test]")
    STAMP.write_text(want_stamp())


def ensure_browser() -> None:
    """Debian's chromium for the playwright web-chat test (playwright's own browser download cannot work here)."""
    if Path("/usr/bin/chromium").exists():
        return
    if shutil.which("apt-get") and os.geteuid() == 0:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=env)
    else:
        print("chromium is missing and cannot be installed here (needs root + apt-get): "
              "the browser test will be skipped", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--browser", action="store_true", help="also install chromium for the browser test")
    args = parser.parse_args()
    ensure_venv()
    if args.browser:
        ensure_browser()


if __name__ == "__main__":
    main()
