"""The services one running bot uses, built once and handed to handlers, scheduler and console."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.config import Settings
from bot.content import Content
from bot.domain.clock import Clock
from bot.domain.flood import FloodGuard
from bot.language.knowledge import KnowledgeIndex
from bot.language.report_reader import ReportReader
from bot.language.small_talk import SmallTalk
from bot.language.treatment_reader import TreatmentReader
from bot.language.triage_languages import Triagers, screening_in
from bot.services.alarms import AlarmService
from bot.services.alerts import AlertGate
from bot.services.checkins import CheckinService
from bot.services.demo import DemoService
from bot.services.erase import EraseService
from bot.services.escalation import EscalationService
from bot.services.export import CSV_COLUMNS, ExportService, check_header
from bot.services.history import HistoryService
from bot.services.knowledge import KnowledgeService
from bot.services.languages import ByLanguage, LanguageService
from bot.services.medicine_reminders import MedicineReminders
from bot.services.notes import NoteService
from bot.services.outbox import OutboxService
from bot.services.recovery import RecoveryService
from bot.services.reminders import ReminderService
from bot.services.stats import StatsService
from bot.services.summary import SummaryService
from bot.services.tips import TipService
from bot.services.treatment_drafts import TreatmentDrafts
from bot.services.treatment_export import CSV_COLUMNS as TREATMENT_COLUMNS
from bot.services.treatment_export import TreatmentExport
from bot.services.treatment_scores import ScoreService
from bot.services.treatments import TreatmentService
from bot.services.users import UserService
from bot.storage.db import SessionFactory


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Services:
    settings: Settings
    languages: LanguageService
    db: SessionFactory
    clock: Clock
    users: UserService
    checkins: CheckinService
    outbox: OutboxService
    tips: TipService
    triager: Triagers
    escalation: EscalationService
    erase: EraseService
    knowledge: KnowledgeService
    summary: SummaryService
    export: ExportService
    history: HistoryService
    reminders: ReminderService
    stats: StatsService
    alerts: AlertGate
    flood: FloodGuard
    demo: DemoService
    notes: NoteService
    talk: ByLanguage[SmallTalk]
    alarms: AlarmService
    treatments: TreatmentService
    treatment_drafts: TreatmentDrafts
    scores: ScoreService
    treatment_export: TreatmentExport
    medicines: MedicineReminders
    recovery: RecoveryService

    @property
    def small_talk(self) -> SmallTalk:
        """Greetings, thanks and typed button words in the language of the update being handled."""
        return self.talk.get()

    @property
    def content(self) -> Content:
        """The words of the language of the update being handled (English outside one)."""
        return self.languages.content()


def build_services(
    settings: Settings,
    content: Content,
    db: SessionFactory,
    clock: Clock = system_clock,
    rng: random.Random | None = None,
    translations: Mapping[str, Content] | None = None,
) -> Services:
    """`content` is English; `translations` the other languages by code. A complete one is offered;
    one with its own red-flag rules is screened for in every message, offered or not."""
    tips = TipService(content.tips, rng)
    others = translations or {}
    triager = screening_in([content, *others.values()])

    def urgent_signs(text: str) -> tuple[str, ...]:
        result = triager.triage(text)
        return result.reasons if result.level == "urgent" else ()

    treatments = TreatmentService(db, clock)
    contents = {content.language: content, **others}
    for each in contents.values():  # start-up refuses a CSV heading that does not fit its columns
        check_header(each.messages.export.csv_header.split(","), CSV_COLUMNS, f"{each.language}: the CSV")
        check_header(
            each.messages.treatment.csv_header.split(","),
            TREATMENT_COLUMNS,
            f"{each.language}: the treatments CSV",
        )
    readers = ByLanguage({code: ReportReader(c.reports) for code, c in contents.items()})
    treatment_readers = ByLanguage(
        {code: TreatmentReader(c.treatments, c.reports, readers.get(code)) for code, c in contents.items()}
    )
    escalation = EscalationService(db, clock, content.emergency, settings.default_timezone)
    offered = [code for code, c in contents.items() if not c.missing]
    languages = LanguageService(db, contents, offered)

    def forget(telegram_id: int) -> None:
        """After /delete: what is held in memory about the person goes too."""
        escalation.forget(telegram_id)
        languages.forget(telegram_id)

    return Services(
        settings=settings,
        languages=languages,
        db=db,
        clock=clock,
        # A typed city is found whatever the language it is named in ("Londres", "London").
        users=UserService(db, clock, {k: v for c in contents.values() for k, v in c.zones.cities.items()}),
        checkins=CheckinService(db, clock, tips, urgent_signs, readers),
        outbox=OutboxService(
            db,
            clock,
            timedelta(hours=settings.checkin_grace_hours),
            timedelta(seconds=settings.retry_first_seconds),
        ),
        tips=tips,
        triager=triager,
        escalation=escalation,
        erase=EraseService(db, forget),
        summary=SummaryService(db, clock, tips, urgent_signs),
        export=ExportService(db, clock),
        history=HistoryService(db),
        reminders=ReminderService(db, clock, timedelta(hours=settings.followup_hours)),
        stats=StatsService(db, clock),
        alerts=AlertGate(clock),
        flood=FloodGuard(clock),
        demo=DemoService(db, clock),
        notes=NoteService(db, clock),
        treatments=treatments,
        treatment_export=TreatmentExport(db),
        medicines=MedicineReminders(db, clock),
        recovery=RecoveryService(db, clock),
        scores=ScoreService(db, clock),
        treatment_drafts=TreatmentDrafts(db, clock, treatment_readers),
        talk=ByLanguage({code: SmallTalk(c.reports) for code, c in contents.items()}),
        alarms=AlarmService(
            db,
            clock,
            triager,
            content.emergency,
            {code: contents[code].messages.safety for code in offered},
            settings.default_timezone,
        ),
        knowledge=KnowledgeService(
            ByLanguage({code: KnowledgeIndex(c.knowledge, c.topic_model) for code, c in contents.items()}),
            db,
            clock,
            ByLanguage({code: c.messages.checkin.triggers for code, c in contents.items()}),
            treatments.pattern,
        ),
    )
