"""Read every file of content/ and check it against its schema, and the files against each other."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import model_validator

from bot.content.emergency import EmergencyBook
from bot.content.knowledge import KnowledgeBook
from bot.content.messages import Messages
from bot.content.reports import ReportWords
from bot.content.safety import SafetyRules
from bot.content.tips import TipBook
from bot.content.topic_model import NONE, TopicModel, load_topic_model
from bot.content.treatment_words import TreatmentWords
from bot.content.triage_model import MODEL_REASON, TriageModel, load_triage_model
from bot.content.wording import Strict
from bot.content.zones import Zones


class Content(Strict):
    messages: Messages
    tips: TipBook
    zones: Zones
    safety: SafetyRules
    emergency: EmergencyBook
    knowledge: KnowledgeBook
    reports: ReportWords
    treatments: TreatmentWords
    triage_model: TriageModel
    topic_model: TopicModel

    @model_validator(mode="after")
    def _consistent(self) -> Content:
        flags = {flag.id for flag in self.safety.flags} | {MODEL_REASON}
        if set(self.messages.safety.reasons) != flags:
            raise ValueError(f"safety.reasons must word exactly the flags {sorted(flags)}")
        signs = {sign.id for sign in self.safety.urgent}
        missing = signs - set(self.messages.safety.urgent_reasons)
        if missing:
            raise ValueError(f"safety.urgent_reasons: missing {sorted(missing)}")
        topics = {topic.id for topic in self.knowledge.topics} | {NONE}
        if set(self.topic_model.labels) != topics:
            raise ValueError("topic_model.json was trained on other topics: run python3 dev.py train-topics")
        return self


def _read(path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        return tomllib.load(fh)


def load_content(directory: Path) -> Content:
    return Content(
        messages=Messages.model_validate(_read(directory / "messages.toml")),
        tips=TipBook.model_validate(_read(directory / "tips.toml")),
        zones=Zones.model_validate(_read(directory / "timezones.toml")),
        safety=SafetyRules.model_validate(_read(directory / "safety.toml")),
        emergency=EmergencyBook.model_validate(_read(directory / "emergency.toml")),
        knowledge=KnowledgeBook.model_validate(_read(directory / "knowledge.toml")),
        reports=ReportWords.model_validate(_read(directory / "reports.toml")),
        treatments=TreatmentWords.model_validate(_read(directory / "treatments.toml")),
        triage_model=load_triage_model(directory / "triage_model.json"),
        topic_model=load_topic_model(directory / "topic_model.json"),
    )
