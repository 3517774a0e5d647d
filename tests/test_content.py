"""content/ is validated at start-up: a broken entry fails there, not in front of a person."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.config import DEFAULT_CONTENT_DIR
from bot.content import Content, load_content
from bot.content.catalogue import CatalogueError
from bot.domain.vocab import TRIGGERS


def broken_copy(tmp_path: Path, file: str, old: str, new: str) -> Path:
    target = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, target)
    path = target / "en" / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("messages.ftl", "checkin-ask_stress = ", "checkin-ask_strss = "),  # a missing key, an unknown one
        ("messages.ftl", "Saved ✅ { $date }", "Saved ✅ { $day }"),  # a placeholder the code never fills
        ("messages.ftl", "checkin-yes = Yes", "checkin-yes = Yes { $name }"),  # one in a text declaring none
        ("messages.ftl", "checkin-no = No", 'checkin-no = { " " }'),  # an empty text
        ("messages.ftl", "checkin-locations-jaw = Jaw\n", ""),  # a location without a label
        ("tips.toml", 'source = "guidance"', 'source = "a blog"'),  # a tip without a known source
        ("timezones.toml", '"Europe/London"', '"Europe/Londn"'),  # a zone that does not exist
        ("reports.toml", "[triggers]\nstress", "[triggers]\nstres"),  # a trigger the diary does not have
        ("reports.toml", '"moderate" = 5', '"moderate" = 50'),  # a strength off the 0-10 scale
        ("reports.toml", 'chin = ["chin"]', "chin = []"),  # a place with no words for it
    ],
)
def test_broken_content_fails_at_load(tmp_path: Path, file: str, old: str, new: str) -> None:
    with pytest.raises((ValidationError, CatalogueError)):
        load_content(broken_copy(tmp_path, file, old, new))


def test_a_misspelt_placeholder_is_named_by_its_path_in_the_file(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"checkin\.saved_title: unknown placeholder\(s\) \['day'\]"):
        load_content(broken_copy(tmp_path, "messages.ftl", "Saved ✅ { $date }", "Saved ✅ { $day }"))


def test_every_trigger_has_a_tip_and_every_tip_names_its_source(content: Content) -> None:
    for trigger in TRIGGERS:
        assert any(trigger in tip.triggers for tip in content.tips.tips), trigger
    titles = set(content.tips.sources.values())
    assert "Facial Spasm – Common Causes Explained" in titles
    assert all(content.tips.sources[tip.source] for tip in content.tips.tips)


def test_tips_are_our_own_words_not_the_source_sentences(content: Content) -> None:
    seeds = DEFAULT_CONTENT_DIR.parent.parent / "shared" / "seeds"
    if not seeds.exists():
        pytest.skip("shared/seeds is not beside the checkout")
    source_text = " ".join(p.read_text(encoding="utf-8") for p in seeds.glob("*.txt")).lower()
    for tip in content.tips.tips:
        words = tip.text.lower().split()
        # No run of eight words is copied from a source article.
        for i in range(len(words) - 7):
            assert " ".join(words[i : i + 8]) not in source_text, tip.id
