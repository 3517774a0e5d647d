"""The command line as a person runs it: `run` without a token, and the console chat."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.config import ROOT


def run_cli(args: list[str], tmp_path: Path, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("TELEGRAM_BOT_TOKEN", "DATABASE_URL")}
    environment.update({"DATA_DIR": str(tmp_path), "LOG_LEVEL": "INFO", **env})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=tmp_path, env=environment, input=stdin,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_run_without_a_token_says_how_to_get_one_and_how_to_try_chat(tmp_path: Path) -> None:
    result = run_cli(["run"], tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "@BotFather" in lines[0] and "chat" in lines[0]


def test_placeholder_token_is_refused(tmp_path: Path) -> None:
    result = run_cli(["run"], tmp_path, TELEGRAM_BOT_TOKEN="changeme")
    assert result.returncode == 2 and "placeholder" in result.stderr


def test_console_chat_onboards_and_shows_a_scheduled_checkin_on_due(tmp_path: Path) -> None:
    typed = "/start\n2\n20:00\n:due\nNo\n3\nnot recorded\nDone\n:due\n:quit\n"
    result = run_cli(["chat"], tmp_path, stdin=typed)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "which time zone" in out and "[2] Berlin / Paris" in out
    assert "All set! I'll check in every day at 20:00 (Europe/Berlin)" in out
    assert "Time for your check-in" in out and "[1] Yes" in out
    assert "Saved ✅" in out and "Stress: 3/10" in out
    assert "none goes out twice" in out  # the second :due on the same day
    assert (tmp_path / "spasm-diary.db").exists()
    assert " INFO " not in result.stdout + result.stderr  # log lines would break up the chat


def test_migrate_creates_the_schema(tmp_path: Path) -> None:
    result = run_cli(["migrate"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "spasm-diary.db").exists()
    assert ROOT.joinpath("bot", "storage", "migrations", "versions").is_dir()


def test_console_chat_escalates_mid_checkin_and_the_checkin_can_be_finished(tmp_path: Path) -> None:
    # Onboard (Sydney), start a check-in, report a red flag at the severity step, then finish,
    # tapping buttons by label (or by position, on a keyboard without numbers).
    steps = ["/start", "8", "20:00", "/checkin", "yes", "Eyelid", "done", "left",
             "i think im having a siezure", "4", "#2", "None of these", "2", "6.5", "Done",
             ":quit"]  # fmt: skip
    typed = "\n".join(steps) + "\n"
    result = run_cli(["chat"], tmp_path, stdin=typed)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    alarm = out.index("bot> Call 000 now.")
    assert "a seizure" in out[alarm : alarm + 300]
    assert out.index("How strong") < alarm < out.rindex("Saved ✅")
    assert "strength 4/10" in out


def test_console_chat_answers_questions_and_shows_the_topics(tmp_path: Path) -> None:
    typed = "/start\n2\n20:00\nwhy does my eyelid twitchh?\nhow much does botox cost?\n/causes\n9\n:quit\n"
    result = run_cli(["chat"], tmp_path, stdin=typed)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Most twitching of an eyelid, cheek or lip is harmless" in out  # the causes, and what to check
    assert "Source: Facial Spasm – Common Causes Explained" in out
    assert "I don't have an answer to that" in out
    assert "What would you like to know about?" in out
    assert "Repeated facial spasms are also called tics" in out  # topic 9 of the menu


def test_console_chat_saves_the_summary_chart_and_export_files(tmp_path: Path) -> None:
    typed = "/start\n2\n20:00\n/checkin\nNo\n3\n7\nDone\n/summary\n/export\n:quit\n"
    result = run_cli(["chat"], tmp_path, stdin=typed)
    assert result.returncode == 0, result.stderr
    assert "Not much in your diary" in result.stdout  # one day: no chart yet
    saved = sorted(p.name for p in (tmp_path / "console").iterdir())
    assert saved == ["spasm-diary-report.pdf", "spasm-diary.csv"]
    assert (
        "bot 📎" in result.stdout
        and (tmp_path / "console" / "spasm-diary-report.pdf").read_bytes()[:4] == b"%PDF"
    )


def test_console_chat_takes_a_check_in_written_in_free_text(tmp_path: Path) -> None:
    # Onboard (Berlin), write the day in one line, type strength 6 (a number means that number),
    # pick "None of these" (button 6: no label there is a number), then Save by its label.
    report = "left eyelid twitching all afternoon, stress 7, slept 5h, 3 coffees"
    typed = f"/start\n2\n20:00\n{report}\n6\n6\nsave\n:quit\n"
    result = run_cli(["chat"], tmp_path, stdin=typed)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Here's what I understood:" in out and "Where: Eyelid (left)" in out and "[1] ✅ Save" in out
    assert "Saved ✅" in out and "strength 6/10; 4 h" in out and "Sleep: 5 h" in out


def test_console_demo_fills_four_weeks_and_week_brings_the_summary_with_its_chart(tmp_path: Path) -> None:
    typed = "/start\n2\n20:00\n:help\n:demo\n:week\n/history\n:nonsense\n:quit\n"
    result = run_cli(["chat"], tmp_path, stdin=typed)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert ":demo" in out and ":week" in out and "#N" in out  # :help lists the console commands
    assert "made-up entries over the last four weeks" in out
    assert "Your week" in out and "Not much in your diary" not in out
    photos = [p for p in (tmp_path / "console").iterdir() if p.suffix == ".jpg"]
    assert photos and photos[0].read_bytes()[:2] == b"\xff\xd8"  # saved with its proper extension
    assert "(unknown console command; :help lists them)" in out


def test_console_typed_number_at_a_number_step_means_that_number(tmp_path: Path) -> None:
    typed = "/start\n2\n20:00\n/checkin\nno\n3\n6\nDone\n:quit\n"
    result = run_cli(["chat"], tmp_path, stdin=typed)
    assert result.returncode == 0, result.stderr
    assert "Stress: 3/10" in result.stdout and "Sleep: 6 h" in result.stdout


def test_console_a_bare_number_never_records_a_red_flag(tmp_path: Path) -> None:
    # "5" typed at the red-flag question (a late stress answer) would have tapped the fifth
    # button, "Slurred or lost speech"; only the answer's words or "#5" record one.
    typed = (
        "/start\n2\n20:00\n/checkin\nyes\nEyelid\ndone\nleft\n2\n#2\n5\nNone of these\n3\n6\nDone\n:quit\n"
    )
    result = run_cli(["chat"], tmp_path, stdin=typed)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "this question records a red flag" in out
    assert "Call 112 now." not in out and "Also reported" not in out
    assert "Saved ✅" in out and "Stress: 3/10" in out
