"""bot.safety.triage on labelled messages: recall on emergencies must be 100%, false alarms at most 5%."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import DEFAULT_CONTENT_DIR
from bot.content.loader import ENGLISH, languages, load_content, load_languages
from bot.content.safety import GlossedLanguage, SafetyRules
from bot.language.triage import Triager
from bot.safety import triage

DATA = Path(__file__).parent / "data"
SETS = sorted(DATA.glob("triage_*.tsv"))


def labelled(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, text = line.split("\t", 1)
            rows.append((label, text))
    return rows


def test_emergency_recall_is_total_and_false_alarms_are_rare(capsys: pytest.CaptureFixture[str]) -> None:
    total_e = total_caught = total_rest = total_alarms = 0
    missed: list[str] = []
    alarms: list[str] = []
    lines = []
    for path in SETS:
        rows = labelled(path)
        emergencies = [text for label, text in rows if label == "emergency"]
        rest = [text for label, text in rows if label != "emergency"]
        caught = [t for t in emergencies if triage(t).level == "emergency"]
        false = [t for t in rest if triage(t).level == "emergency"]
        missed += sorted(set(emergencies) - set(caught))
        alarms += false
        total_e, total_caught = total_e + len(emergencies), total_caught + len(caught)
        total_rest, total_alarms = total_rest + len(rest), total_alarms + len(false)
        lines.append(
            f"  {path.name}: recall {len(caught)}/{len(emergencies)}, false alarms {len(false)}/{len(rest)}"
        )
    recall = total_caught / total_e
    false_rate = total_alarms / total_rest
    with capsys.disabled():
        print(f"\ntriage on {total_e + total_rest} labelled messages:")
        print("\n".join(lines))
        print(f"  emergency recall {recall:.1%} ({total_caught}/{total_e}), "
              f"false alarms {false_rate:.1%} ({total_alarms}/{total_rest})")  # fmt: skip
    assert total_e + total_rest >= 200
    assert not missed, f"missed emergencies: {missed}"
    assert false_rate <= 0.05, f"false alarms: {alarms}"


def test_urgent_signs_are_found_in_the_labelled_set() -> None:
    rows = [(label, text) for path in SETS for label, text in labelled(path) if label == "urgent"]
    assert rows
    assert [text for label, text in rows if triage(text).level != "urgent"] == []


@pytest.mark.parametrize(
    ("text", "reasons"),
    [
        ("no seizure but I can't breathe", ("breathing",)),
        ("I had a siezure and now my face droops", ("seizure", "face_droop")),
        ("CANT LIFT MY ARM", ("paralysis",)),
        ("my speech is slurred and my left arm is weak", ("weakness", "speech")),
    ],
)
def test_reasons_name_every_red_flag_found(text: str, reasons: tuple[str, ...]) -> None:
    result = triage(text)
    assert result.level == "emergency" and set(result.reasons) == set(reasons)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("no seizure", "none"),
        ("I didn't pass out", "none"),
        ("i did not faint", "none"),
        ("never lost consciousness", "none"),
        ("no numbness, no weakness", "none"),
        ("no shaking today", "none"),
        ("no", "none"),
        ("no seizure but he is gone all floppy and wont wake up", "emergency"),
        ("didnt faint but i cant lift my left arm", "emergency"),
        ("not sure if i passed out, woke up on the floor", "emergency"),
        ("hes not shaking anymore but his lips are going blue", "emergency"),
    ],
)
def test_a_short_denial_is_not_read_as_what_it_denies(text: str, level: str) -> None:
    """The learned model judges what is left once the denied red flags are out: "no seizure" is
    not a seizure, while whatever else the message says is still read."""
    assert triage(text).level == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("GP checked her over, normal. Tonight she collapsed and is unresponsive.", "emergency"),
        ("It was only a cough earlier, then he passed out and is unresponsive.", "emergency"),
        ("the vet said the dog is fine but then my husband collapsed and isnt breathing", "emergency"),
        ("el medico dijo que era normal, esta noche se cayo y no responde", "emergency"),
        ("GP checked her over after the faint, all normal, she's home now watching telly", "none"),
        ("it was just a cough, she is fine, breathing normally", "none"),
        ("el veterinario dijo que el perro esta bien y ya come", "none"),
    ],
)
def test_a_settled_account_frames_nothing_that_happened_after_it(text: str, level: str) -> None:
    """A check that found nothing, or "just a cough", frames what came before it, never what a
    later "tonight" or "then" says happened next."""
    assert triage(text).level == level


@pytest.mark.parametrize("text", ["", "   ", "\u200b", "👍", "x" * 5000, "?!?!", "0"])
def test_odd_input_is_never_an_emergency_and_never_raises(text: str) -> None:
    assert triage(text).level == "none"


@pytest.mark.parametrize("code", languages(DEFAULT_CONTENT_DIR))
def test_the_blind_red_flag_sets(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Sets written blind for issue 15 (carers, broken English, misspellings, hard negatives) and,
    in Spanish, for issue 18; each file's header gives its first measurement, taken before any
    change because of it. Every language with a content folder needs two such sets, passed: a
    language is offered only when its red-flag triage passes its own."""
    language = "" if code == ENGLISH else f"{code}_"
    paths = sorted(DATA.glob(f"redflags_{language}blind_*.tsv"))
    assert len(paths) >= 2, f"{code}: write two blind red-flag sets before offering it"
    lines = []
    for path in paths:
        rows = labelled(path)
        emergencies = [text for label, text in rows if label == "emergency"]
        rest = [text for label, text in rows if label != "emergency"]
        caught = sum(triage(t).level == "emergency" for t in emergencies)
        alarms = sum(triage(t).level == "emergency" for t in rest)
        lines.append(f"  {path.name}: recall {caught}/{len(emergencies)}, false alarms {alarms}/{len(rest)}")
        assert caught == len(emergencies) and alarms / len(rest) <= 0.05, path.name
    assert lines
    with capsys.disabled():
        print(f"\nblind red-flag sets ({language or 'en_'}):\n" + "\n".join(lines))


def test_emergencies_in_other_languages_are_caught(capsys: pytest.CaptureFixture[str]) -> None:
    """Emergencies wholly in a language with no rules of its own, read through the glossary: every
    one missed by a blind set (moved here), and the glossary's own checks, both kinds."""
    other = labelled(DATA / "redflags_other_languages.tsv")
    checks = labelled(DATA / "redflags_glossed.tsv")
    missed = [
        text
        for label, text in [*other, *checks]
        if label == "emergency" and triage(text).level != "emergency"
    ]
    calm = [text for label, text in checks if label != "emergency"]
    alarms = [text for text in calm if triage(text).level == "emergency"]
    emergencies = len(other) + len(checks) - len(calm)
    with capsys.disabled():
        print(f"\nemergencies in languages with no rules of their own: {emergencies - len(missed)}"
              f"/{emergencies} caught, false alarms {len(alarms)}/{len(calm)}")  # fmt: skip
    assert not missed
    assert len(alarms) / len(calm) <= 0.05, alarms


def _glossed(phrases: list[tuple[str, str]], words: list[str] | None = None) -> SafetyRules:
    english = load_content(DEFAULT_CONTENT_DIR).safety
    language = GlossedLanguage(code="pt", name="Portuguese", words=words or [], phrases=phrases)
    return english.model_copy(update={"glossary": [language]})


def test_a_glossed_phrase_of_another_language_is_read_as_its_gloss() -> None:
    """Glossary phrases are written as people spell them and matched with accents folded on both
    sides; the English rules then read the gloss, history and all."""
    glossary = [(r"\bnão consegue respirar\b", "cannot breathe"), (r"\bhá (\w+ )?anos\b", "years ago")]
    glossed = Triager(_glossed(glossary))
    assert glossed.triage("meu pai nao consegue respirar").level == "emergency"
    assert glossed.triage("Meu pai NÃO CONSEGUE respirar").level == "emergency"
    assert glossed.triage("meu pai não consegue respirar há dois anos").level == "none"
    # The same rules without these two glosses do not read the phrase: the glossary did.
    assert Triager(_glossed([])).triage("meu pai nao consegue respirar").level == "none"


def test_english_is_never_glossed_and_a_language_with_rules_keeps_its_own_words() -> None:
    """Two English small words make a text English (an emoji or an accent does not make it
    foreign); a glossed language's phrases are read only where its own small words are at least
    as many as those of a language with rules of its own (Spanish "derrame" is Spanish's)."""
    spanish = frozenset(load_languages(DEFAULT_CONTENT_DIR)[1]["es"].safety.function_words)
    rules = _glossed([(r"\bderrame\b", "stroke"), (r"\bpai\b", "dad")], words=["meu", "um", "o"])
    glossed, plain = Triager(rules, rivals=[spanish]), Triager(_glossed([]))
    for english in ["my dad and the derrame 😩", "the café is where my pai works"]:
        assert glossed.normalise(english) == plain.normalise(english)
    assert glossed.normaliser.glossed_in("mi hermana tuvo un derrame hace 3 años") == 0
    assert "stroke" in glossed.normalise("o meu pai teve um derrame")
    assert "stroke" in glossed.normalise("derrame")  # no language's words at all: glossed


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("meu pai caiu e está tremendo o corpo todo, revirou os olhos", "emergency"),
        ("acho que meu pai está tendo um AVC agora", "emergency"),
        ("min son har ett krampanfall just nu", "emergency"),
        ("papa is gevallen en schokt over zijn hele lichaam", "emergency"),
        ("mi hermana tuvo un derrame cerebral hace 3 años y se recuperó bien", "none"),
        ("la nonna è morta di ictus 10 anni fa", "none"),
        ("Não tenho falta de ar nem dificuldade para engolir, só o olho tremendo", "none"),
        ("mein Gesicht reagiert nicht auf Botox, was nun?", "none"),
        ("I nearly died laughing", "none"),
    ],
)
def test_languages_are_told_apart_before_their_words_are_read(text: str, level: str) -> None:
    """Portuguese with Spanish-looking words is still read through the glossary; Spanish history is
    Spanish's to read, and Italian history is not misread by Spanish's rules."""
    assert triage(text).level == level
