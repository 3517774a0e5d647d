#!/usr/bin/env python3
"""Set-up and everyday commands for Spasm Diary; needs only Python 3.11+.

python3 dev.py start   # the bot; the console chat when no token is set
python3 dev.py test    # the whole test suite (SQLite, plus PostgreSQL if TEST_DATABASE_URL)
python3 dev.py lint    # ruff and mypy
python3 dev.py train-triage [es]  # retrain content/<language>/triage_model.json from training/redflags*
python3 dev.py train-topics [es]  # retrain content/<language>/topic_model.json from training/questions*
python3 dev.py cli ... # any `spasm-diary` command, e.g. `cli migrate`
    python3 dev.py bench charts [people]  # benchmarks, printing their figures
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
TRAINER = (
    "scikit-learn==1.9.1"  # only for train-triage and train-topics: the bot reads the weights without it
)
LOCKS = {"runtime": ["requirements.lock"], "dev": ["requirements.lock", "requirements-dev.lock"]}


def _stamp(kind: str) -> str:
    digest = hashlib.sha256(kind.encode())
    for name in [*LOCKS[kind], "pyproject.toml"]:
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def ensure_env(kind: str) -> None:
    """Create .venv and install the locked dependencies unless they are already there."""
    if sys.version_info < (3, 11):
        sys.exit("Spasm Diary needs Python 3.11 or newer.")
    marker = VENV / f".installed-{kind}"
    want = _stamp(kind)
    if marker.exists() and marker.read_text() == want:
        return
    if not PY.exists():
        print("Creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Installing locked dependencies ...", flush=True)
    pip = [str(PY), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    lock = LOCKS[kind][-1]
    subprocess.run([*pip, "-r", str(ROOT / lock)], check=True)
    subprocess.run([*pip, "--no-deps", "-e", str(ROOT)], check=True)
    marker.write_text(want)


def _has_token() -> bool:
    if os.environ.get("TELEGRAM_BOT_TOKEN", "").strip():
        return True
    env_file = ROOT / ".env"
    if env_file.exists():
        for line in env_file.read_text().splitlines():
            key, _, value = line.partition("=")
            if key.strip() == "TELEGRAM_BOT_TOKEN" and value.strip().strip("'\""):
                return True
    return False


def run(*args: str) -> int:
    return subprocess.call([str(PY), *args], cwd=ROOT)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "start"
    if command == "start":
        ensure_env("runtime")
        return run("-m", "bot", "run" if _has_token() else "chat")
    if command == "test":
        ensure_env("dev")
        return run("-m", "pytest", *argv[1:])
    if command == "lint":
        ensure_env("dev")
        return run("-m", "ruff", "check", ".") or run(
            "-m", "mypy", "bot", "handlers", "tests", "benchmarks", "training"
        )
    if command == "bench" and len(argv) > 1:
        ensure_env("dev")
        return run("-m", f"benchmarks.{argv[1]}", *argv[2:])
    if command in ("train-triage", "train-topics"):
        ensure_env("dev")
        subprocess.run(
            [str(PY), "-m", "pip", "install", "-q", "--disable-pip-version-check", TRAINER], check=True
        )
        return run("-m", "training." + command.replace("-", "_"), *argv[1:])
    if command == "cli":
        ensure_env("runtime")
        return run("-m", "bot", *argv[1:])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
