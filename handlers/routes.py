"""Every handler, registered in one place and in order."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from handlers import (
    admin,
    callbacks,
    cancel,
    checkin,
    flood,
    general,
    history,
    knowledge,
    language,
    medicines,
    onboarding,
    privacy,
    safety,
    summary,
    treatment,
    treatment_cycle,
)  # fmt: skip

COMMANDS = (
    "start", "checkin", "log", "causes", "summary", "history", "export", "treatment",
    "settings", "language", "pause", "resume", "cancel", "privacy", "delete", "help",
)  # fmt: skip


# Only new messages in private chats drive the diary: an edit is not a new answer, and group
# chats are not private enough for health data.
PRIVATE = filters.ChatType.PRIVATE
NEW_PRIVATE = filters.UpdateType.MESSAGE & PRIVATE


def register(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    # Order matters. Group -4 picks the language the update is answered in. Group -3 deletes a
    # stored update from a group or channel (nothing else for private chats). Group -1, red-flag
    # triage of every text and caption (new or edited, any chat), runs before everything else
    # and stops the rest on an emergency. Group 0 counts each person's messages and, in a flood,
    # keeps their data without answering (after triage, so it never delays an emergency reply).
    # Within group 1 the first match wins.
    application.add_handler(TypeHandler(Update, language.use_persons), group=-4)
    application.add_handler(TypeHandler(Update, privacy.forget_if_not_private), group=-3)
    application.add_handler(MessageHandler(filters.TEXT | filters.CAPTION, safety.screen), group=-1)
    application.add_handler(MessageHandler(NEW_PRIVATE, flood.limit), group=0)
    application.add_handlers(
        [
            MessageHandler(filters.FORWARDED & NEW_PRIVATE, general.forwarded),
            MessageHandler(filters.UpdateType.EDITED_MESSAGE & PRIVATE, general.edited),
            CommandHandler("start", onboarding.start, filters=NEW_PRIVATE),
            CommandHandler("settings", onboarding.show_settings, filters=NEW_PRIVATE),
            CommandHandler("language", language.language, filters=NEW_PRIVATE),
            CommandHandler("pause", onboarding.pause, filters=NEW_PRIVATE),
            CommandHandler("resume", onboarding.resume, filters=NEW_PRIVATE),
            CommandHandler("checkin", checkin.checkin, filters=NEW_PRIVATE),
            CommandHandler("log", checkin.log_episode, filters=NEW_PRIVATE),
            CommandHandler("causes", knowledge.causes, filters=NEW_PRIVATE),
            CommandHandler("summary", summary.summary, filters=NEW_PRIVATE),
            CommandHandler("history", history.history, filters=NEW_PRIVATE),
            CommandHandler("export", summary.export, filters=NEW_PRIVATE),
            CommandHandler("privacy", privacy.privacy, filters=NEW_PRIVATE),
            CommandHandler("delete", privacy.delete, filters=NEW_PRIVATE),
            CommandHandler("treatment", treatment.show, filters=NEW_PRIVATE),
            CommandHandler("help", general.help_command, filters=NEW_PRIVATE),
            CommandHandler("cancel", cancel.cancel, filters=NEW_PRIVATE),
            # Operators only, and kept out of COMMANDS and /help: to others it is an unknown command.
            CommandHandler("stats", admin.stats, filters=NEW_PRIVATE),
            MessageHandler(filters.COMMAND & NEW_PRIVATE, general.unknown_command),
            # An old or forged check-in button is answered as stale by its own handler.
            CallbackQueryHandler(checkin.button, pattern=callbacks.CHECKIN.family),
            CallbackQueryHandler(
                checkin.snooze_button, pattern=callbacks.any_of(callbacks.SNOOZE_MENU, callbacks.SNOOZE)
            ),
            CallbackQueryHandler(onboarding.zone_button, pattern=callbacks.ZONE.pattern),
            CallbackQueryHandler(onboarding.time_button, pattern=callbacks.CHECKIN_TIME.pattern),
            CallbackQueryHandler(onboarding.settings_button, pattern=callbacks.SETTING.pattern),
            CallbackQueryHandler(onboarding.slot_button, pattern=callbacks.CHECKIN_SLOT.pattern),
            CallbackQueryHandler(knowledge.topic_button, pattern=callbacks.TOPIC.pattern),
            CallbackQueryHandler(summary.settings_button, pattern=callbacks.SUMMARY_SETTING.pattern),
            CallbackQueryHandler(summary.day_button, pattern=callbacks.SUMMARY_DAY.pattern),
            CallbackQueryHandler(summary.time_button, pattern=callbacks.SUMMARY_TIME.pattern),
            CallbackQueryHandler(
                history.button,
                pattern=callbacks.any_of(
                    callbacks.HISTORY_ENTRY, callbacks.HISTORY_DELETE, callbacks.HISTORY_DELETE_SURE
                ),
            ),
            CallbackQueryHandler(privacy.delete_button, pattern=callbacks.ERASE.pattern),
            CallbackQueryHandler(language.language_button, pattern=callbacks.LANGUAGE.pattern),
            CallbackQueryHandler(treatment.button, pattern=callbacks.TREATMENT.pattern),
            CallbackQueryHandler(treatment.where_button, pattern=callbacks.INJECTION_WHERE.pattern),
            CallbackQueryHandler(treatment_cycle.cycle_button, pattern=callbacks.CYCLE.pattern),
            CallbackQueryHandler(treatment_cycle.side_effect_button, pattern=callbacks.SIDE_EFFECT.pattern),
            CallbackQueryHandler(treatment.booking_button, pattern=callbacks.BOOKING.pattern),
            CallbackQueryHandler(medicines.time_button, pattern=callbacks.MEDICINE_TIME.pattern),
            CallbackQueryHandler(medicines.taken_button, pattern=callbacks.TAKEN.pattern),
            CallbackQueryHandler(treatment_cycle.recovery_button, pattern=callbacks.RECOVERY.pattern),
            CallbackQueryHandler(cancel.cancel_button, pattern=callbacks.CANCEL.pattern),
            CallbackQueryHandler(general.unknown_button),
            MessageHandler(filters.TEXT & ~filters.COMMAND & NEW_PRIVATE, general.text),
            MessageHandler(~filters.TEXT & ~filters.StatusUpdate.ALL & NEW_PRIVATE, general.not_text),
            # Groups and channels: said once on joining (or at the first message), then left.
            ChatMemberHandler(privacy.not_private, ChatMemberHandler.MY_CHAT_MEMBER),
            MessageHandler(
                ~PRIVATE & (filters.UpdateType.MESSAGE | filters.UpdateType.CHANNEL_POST), privacy.not_private
            ),
        ],
        group=1,
    )
    application.add_error_handler(general.on_error)
