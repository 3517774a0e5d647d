### Every word the bot says, in English, in Fluent's syntax (projectfluent.org).
### { $name } is a value the bot fills in; { $count -> [one] ... *[other] ... } picks a plural form.
### A message's id is its place in the schema (bot/content/messages.py) joined by "-"; every
### language's messages.ftl has the same ids with the same placeholders, checked at start-up.

## onboarding

onboarding-welcome =
    Hi, I'm Spasm Diary 🌿

    I help you keep track of facial spasms: a short check-in each day at a time you choose, a note of where, how strong and how long, your stress and likely triggers, and tips that fit what you report.

    I'm a diary, not a doctor: I can't diagnose anything, and I'm not for emergencies. If a spasm comes with a seizure, fainting, weakness, or trouble breathing, call your emergency number straight away.
onboarding-ask_timezone = First, which time zone are you in? Tap one, or type a city or a zone name such as Europe/Berlin.
onboarding-timezone_unknown = I couldn't find a time zone for “{ $text }”. Try a large city near you, a zone name such as Europe/Berlin or America/New_York, or an offset such as UTC+2.
onboarding-ask_time = What time should I check in each day? Tap one, or type a time such as 21:15.
onboarding-time_invalid = “{ $text }” isn't a time I can use. Please type it as HH:MM, for example 08:30 or 20:00.
onboarding-done = All set! I'll check in every day at { $time } ({ $timezone }). Tap /checkin to record something now, or /help to see everything I can do.
onboarding-welcome_back = Welcome back! Here is how things are set up.
onboarding-need_setup = Let's finish setting you up first.
onboarding-not_started = There's no diary for you here yet. Send /start to begin one.

## settings

settings-overview =
    Your settings
    Time zone: { $timezone }
    Check-ins each day: { $time }
    Reminders: { $reminders }
    Next check-in: { $next_checkin }
settings-reminders_on = on
settings-reminders_paused = paused
settings-next_none = none while paused
settings-ask_timezone = Which time zone are you in now? Tap one, or type a city or a zone name such as Europe/Berlin.
settings-ask_time = What time should I check in each day from now on? Tap one, or type a time such as 21:15.
settings-change_timezone = 🌍 Change time zone
settings-change_time = ⏰ Change check-in time
settings-move_time = ⏰ Move { $time }
settings-remove_time = ✖ Remove { $time }
settings-add_time = ➕ Add a check-in
settings-ask_move_time = What time should the { $time } check-in move to? Tap one, or type a time such as 21:15.
settings-ask_add_time = What time should the new check-in be? A morning one (before noon, with another later in the day) asks about your sleep and how your face is on waking; the others ask about spasms since the last one, stress and triggers. Tap a time, or type one such as 07:30.
settings-time_added = Check-ins each day: { $times }.
settings-time_removed = The { $time } check-in is removed. Check-ins each day: { $times }.
settings-times_full = You have { $count } check-ins a day already, the most I offer. Move or remove one in /settings.
settings-time_too_close = { $time } is less than an hour from another of your check-ins. Please choose a time further apart.
settings-timezone_saved = Time zone set to { $timezone }.
settings-fixed_offset_note = Note: a fixed offset like this one doesn't change for daylight saving time. If your clocks go forward or back during the year, choose your city instead (send /settings).
settings-time_saved = Daily check-in set to { $time }.
settings-paused = Reminders are paused. Your diary stays as it is; send /resume to turn them back on.
settings-already_paused = Reminders are already paused. Send /resume to turn them back on.
settings-resumed = Reminders are back on. Next check-in: { $next_checkin }.
settings-already_on = Reminders are already on. Next check-in: { $next_checkin }.

## checkin

checkin-scheduled_intro = Time for your check-in 🌿
checkin-ask_spasm = Any facial spasms since the last check-in?
checkin-morning_intro = Good morning 🌅 Time for your morning check-in.
checkin-ask_spasm_morning = How is your face this morning: any spasms since you woke up?
checkin-log_intro = Let's log this episode.
checkin-ask_locations = Where was it? Tap all that apply, then Done.
checkin-another_day = 📅 Another day
checkin-ask_day = Which day was it? (Today, or one of the last two weeks.)
checkin-day_today = Today
checkin-day_yesterday = Yesterday
checkin-day_button = { $weekday } { $day }
checkin-day_line = 📅 For { $day }
checkin-day_taken = That day already has a check-in. To change it, open it from /history.
checkin-day_future = That day hasn't come yet, so I haven't recorded anything. Tell me about it once it has happened.
checkin-seen_day = Day: { $day }
checkin-ask_sides = Which side of your face? ({ $places }) Tap one for each place, or Skip.
checkin-skip = Skip
checkin-side_choice = { $place }: { $side }
checkin-place_side = { $place } ({ $side })
checkin-ask_severity = How strong, from 0 (barely noticeable) to 10 (the worst)?
checkin-ask_duration = Roughly how long did it last?
checkin-ask_stress = How stressed have you felt, from 0 (calm) to 10 (extremely)?
checkin-ask_triggers = Anything that may have set it off? Tap all that apply, then Done.
checkin-ask_day_held = What did today hold? Tap all that apply, then Done. (It helps find patterns later.)
checkin-pick_a_location = Please pick at least one place (or Other), then Done.
checkin-yes = Yes
checkin-no = No
checkin-later = ⏰ Later
checkin-snooze_ask = When should I ask again?
checkin-snooze_1h = In 1 hour
checkin-snooze_3h = In 3 hours
checkin-snooze_tomorrow = Tomorrow
checkin-snoozed = Okay, I'll ask again at { $time }.
checkin-snoozed_tomorrow = Okay, no check-in today. See you at tomorrow's.
checkin-snooze_once = This check-in was snoozed once already today; it's here whenever you're ready.
checkin-followup_intro = Still there? Your check-in is waiting, whenever you have a moment.
checkin-done = Done ✔
checkin-back = ↩ Back
checkin-saved_title = Saved ✅ { $date }
checkin-line_spasm = Spasms: { $locations }; strength { $severity }/10; { $duration }
checkin-line_no_spasm = Spasms: none
checkin-line_stress = Stress: { $stress }/10
checkin-line_triggers = Likely triggers: { $triggers }
checkin-line_no_triggers = Likely triggers: none noted
checkin-line_note = Note: { $note }
checkin-line_redflags = Also reported: { $flags }
checkin-note_prompt = To add a note, tap Add a note, or reply to this message.
checkin-add_note = 📝 Add a note
checkin-note_ask = Type your note and send it. (Cancel if you changed your mind.)
checkin-note_empty = That note was empty, so nothing was added. Type your note, or tap Cancel.
checkin-note_too_long = That note is longer than { $limit } characters, so I didn't keep it. Please send a shorter one, or tap Cancel.
checkin-note_saved = Note added to your entry of { $date }.
checkin-correct = ✏️ Correct
checkin-correct_title = What would you like to correct?
checkin-field_spasm = Spasms
checkin-field_stress = Stress
checkin-field_triggers = Triggers
checkin-field_sleep = Sleep
checkin-field_where = Where
checkin-field_strength = Strength
checkin-field_duration = How long
checkin-field_redflags = Also reported
checkin-value_none = none
checkin-value_unset = not recorded
checkin-change_title = Here's what would change in your entry of { $date }:
checkin-change_line = { $field }: { $old } → { $new }
checkin-no_change = That is what your entry says already: nothing would change.
checkin-ask_sleep = How many hours did you sleep? Tap a number, or type one such as 6.5.
checkin-sleep_none = Not recorded
checkin-in_progress = You have a check-in in progress; here it is again.
checkin-stale = That check-in is closed, so nothing was changed. Send /checkin to start a new one.
checkin-number_hint = Please tap a number from 0 to 10, or type one.
checkin-use_buttons = Your check-in is waiting for a tap on one of its buttons above. Send /checkin to see it again.
checkin-tips_title = Something that may help:
checkin-tip_line =
    • { $text }
      (Source: { $source })
checkin-understood_title = Here's what I understood:
checkin-seen_spasm = Spasms: yes
checkin-seen_where = Where: { $locations }
checkin-seen_strength = Strength: { $severity }/10
checkin-seen_duration = How long: { $duration }
checkin-line_sleep = Sleep: { $hours } h
checkin-review_ask = Is that right? Save it to your diary, or edit it first.
checkin-save = ✅ Save
checkin-edit = ✏️ Edit
checkin-minutes = { $count } min
checkin-hours = { $count } h
checkin-days = { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
checkin-duration_unknown = length not recorded
checkin-about_a_minute = a minute or less
checkin-locations-eyelid = Eyelid
checkin-locations-eyebrow = Eyebrow
checkin-locations-cheek = Cheek
checkin-locations-nose = Nose
checkin-locations-lip = Lip / mouth corner
checkin-locations-jaw = Jaw
checkin-locations-chin = Chin
checkin-locations-forehead = Forehead
checkin-locations-other = Other
checkin-side_buttons-left = Left
checkin-side_buttons-right = Right
checkin-side_buttons-both = Both
checkin-side_names-left = left
checkin-side_names-right = right
checkin-side_names-both = both sides
checkin-durations-seconds = Seconds
checkin-durations-minutes = Minutes
checkin-durations-hour = About an hour
checkin-durations-day = Most of the day
checkin-triggers-stress = Stress
checkin-triggers-poor_sleep = Poor sleep
checkin-triggers-fatigue = Fatigue
checkin-triggers-caffeine = Caffeine
checkin-triggers-alcohol = Alcohol
checkin-triggers-screen = Screen time
checkin-triggers-overuse = Talking, chewing, jaw clenching
checkin-triggers-medication = New medication
checkin-triggers-not_sure = Not sure

## safety

safety-emergency =
    Call { $number } now.

    You mentioned { $reasons }. With facial spasms, that needs emergency care straight away.

    While you wait:
    • Stay with someone, or ask someone to come to you. Unlock the door if you can.
    • Do not drive yourself.
    • Note the time it started; the doctors will ask.
    • If someone is unconscious but breathing, lay them on their side.

    I'm a diary, not a medical service: I can't call for help, and nobody watches these messages. If you were in the middle of a check-in, it is kept as it was: finish it later with /checkin.
safety-still_urgent =
    Call { $number } now, even if it has passed.

    I'm glad it feels better, but seizure-like or stroke-like symptoms that pass quickly still need urgent care: they can be a warning of something more serious. I can't call for help myself.
safety-urgent =
    That's worth getting checked by a doctor soon, within the next few days ({ $reasons }).
    If it suddenly gets worse, or comes with a seizure, fainting, weakness, trouble breathing or trouble speaking, call { $number } straight away.
safety-prompt_care = A note from your diary: please see a doctor soon about your spasms ({ $reasons }). What you have recorded here will help them.
safety-ask_redflags = Anything else right now?
safety-none_of_these = None of these
safety-and_word = and
safety-if_it_happens = If that ever happens, call { $number } at once: it needs emergency care, whatever else is going on.
safety-reasons-seizure = a seizure
safety-reasons-unconscious = fainting or losing consciousness
safety-reasons-paralysis = not being able to move part of your body or face
safety-reasons-breathing = trouble breathing
safety-reasons-face_droop = a drooping face
safety-reasons-weakness = weakness in an arm, a leg or one side
safety-reasons-speech = slurred or lost speech
safety-reasons-numbness = sudden numbness on one side
safety-reasons-vision = sudden loss of sight or double vision
safety-reasons-stroke = possible signs of a stroke
safety-reasons-help = that you may need emergency help
safety-reasons-signs = signs that can mean an emergency
safety-buttons-seizure = Seizure
safety-buttons-unconscious = Fainting or passing out
safety-buttons-paralysis = Weakness, can't move part of the body, or face drooping
safety-buttons-breathing = Trouble breathing
safety-buttons-speech = Slurred or lost speech
safety-urgent_reasons-worsening = spasms getting worse
safety-urgent_reasons-spreading = spasms spreading
safety-urgent_reasons-persistent = spasms that keep going
safety-urgent_reasons-weak_or_stiff = weakness or stiffness
safety-urgent_reasons-other_symptoms = other symptoms alongside the spasms
safety-urgent_reasons-most_days = spasms on most days for more than two weeks
safety-urgent_reasons-severity_up = spasms getting stronger over the last three weeks
safety-urgent_reasons-new_areas = spasms in more places than before
safety-urgent_reasons-medication = a new medication as a likely trigger

## summary

summary-title_week = Your week: { $start } to { $end }
summary-title_month = Your last 30 days: { $start } to { $end }
summary-too_little = Not much in your diary for { $start } to { $end } yet: { $recorded }. A few more check-ins and I can show you a summary with a chart. Send /checkin any time.
summary-days_recorded = { $count ->
        [one] { $count } day recorded
       *[other] { $count } days recorded
    }
summary-line_days = Days with spasms: { $spasm_days } of { $days } recorded { $trend }
summary-line_episodes = Spasm entries: { $episodes } { $trend }
summary-line_severity = Strength: average { $average }/10, highest { $highest }/10 { $trend }
summary-line_no_severity = Strength: no spasms recorded
summary-line_stress = Stress: average { $average }/10 { $trend }
summary-line_sleep = Sleep: average { $hours } h { $trend }
summary-line_places = Places: { $places }
summary-line_triggers = Most frequent triggers: { $triggers }
summary-line_no_triggers = Triggers: none noted
summary-trend_up = (↑ from { $before })
summary-trend_down = (↓ from { $before })
summary-trend_same = (same as before)
summary-insight = Spasms on { $high_spasm } of { $high_days } high-stress days, and { $calm_spasm } of { $calm_days } calmer days.
summary-tip = For { $trigger }: { $tip }
summary-change_start = 💊 Started { $name }{ $dose } on { $day }.
summary-change_dose = 💊 { $name }: dose changed to{ $dose } on { $day }.
summary-change_stop = 💊 Stopped { $name } on { $day }.
summary-change_followed = Since then: spasms on { $spasm_days } of { $days } written, average strength { $after }/10 with spasm-free days as 0 (the week before: { $before }/10).
summary-change_followed_alone = Since then: spasms on { $spasm_days } of { $days } written, average strength { $after }/10 with spasm-free days as 0 (no days written the week before, so nothing to compare with).
summary-change_too_early = Too early to tell what followed: { $days } written since.
summary-change_days = { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
summary-more = More on your week:
summary-chart_title = { $start } to { $end }
summary-chart_severity = Spasm strength (0–10)
summary-chart_stress = Stress (0–10)
summary-chart_no_checkin = no check-in
summary-chart_no_spasm = no spasms
summary-weekly_intro = Your weekly summary is here 📊
summary-settings_button = 📊 Weekly summary: { $day } { $time }
summary-ask_day = Which day should your weekly summary come?
summary-ask_time = And at what time? Tap one, or type a time such as 18:30.
summary-saved = Your weekly summary will come on { $day }s at { $time }.
summary-days-0 = Monday
summary-days-1 = Tuesday
summary-days-2 = Wednesday
summary-days-3 = Thursday
summary-days-4 = Friday
summary-days-5 = Saturday
summary-days-6 = Sunday

## history

history-title = Your recent entries (newest first). Tap one to see it, correct it or delete it.
history-empty = Nothing in your diary yet. Send /checkin to add the first entry.
history-entry_button = { $date }: { $summary }
history-spasm_short = spasms { $severity }/10
history-no_spasm_short = no spasms
history-episode_short = episode { $severity }/10
history-partial_short = unfinished
history-delete = 🗑 Delete
history-confirm_delete = Delete your entry of { $date }? This cannot be undone.
history-yes_delete = Yes, delete it
history-keep = No, keep it
history-deleted = Deleted your entry of { $date }.
history-kept = Kept it.
history-alerts_title = Red-flag alerts and see-a-doctor notes you received:
history-alert_line = • { $when }: { $level } ({ $what })
history-alert_emergency = emergency
history-alert_urgent = see a doctor soon

## export

export-preparing = Preparing your diary: a spreadsheet (CSV) and a report for your doctor (PDF)…
export-empty = Nothing to export yet: your diary is empty.
export-csv_caption = Every entry in your diary, as a spreadsheet.
export-pdf_caption = A report to take to your doctor.
export-csv_filename = spasm-diary.csv
export-csv_header = date,time,kind,status,spasms,places,sides,strength,duration,duration_minutes,red_flags,stress,triggers,sleep_hours,notes
export-pdf_filename = spasm-diary-report.pdf
export-report_title = Facial spasm diary
export-report_period = Period: { $start } to { $end } ({ $length })
export-report_days = { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
export-report_disclaimer = Self-reported diary kept by the patient in the Spasm Diary app; entries are the patient's own words and taps, not a diagnosis. Times are the patient's local time. Strength and stress are on a 0-10 scale.
export-report_summary = Summary
export-report_charts = Spasm strength and stress by day
export-report_triggers = Likely triggers reported
export-report_events = Red-flag events reported
export-report_no_events = None reported.
export-report_entries = Journal entries
export-report_col_date = Date
export-report_col_time = Time
export-report_col_kind = Entry
export-report_col_places = Places (side)
export-report_col_strength = Strength
export-report_col_duration = Duration
export-report_col_stress = Stress
export-report_col_sleep = Sleep
export-report_col_triggers = Triggers reported
export-report_col_notes = Notes
export-report_col_reported = Reported
export-report_col_advised = Advice given by the app
export-source_text = in a message
export-source_checkin = at the check-in's red-flag question
export-source_diary = from the pattern of diary entries
export-advised_emergency = Call the local emergency number at once
export-advised_urgent = See a doctor soon
export-report_no_spasms = none
export-level_emergency = emergency
export-level_urgent = see a doctor soon
export-kind_checkin = check-in
export-kind_episode = episode
export-kind_morning = morning

## general

general-help =
    Here is what I can do:
    /checkin: answer a check-in now
    /log: record a spasm episode happening now
    /causes: what can cause facial spasms, and what helps (or just ask me a question)
    /summary: your week, with a chart (/summary month for 30 days)
    /history: your recent entries, to correct or delete
    /export: your diary as a spreadsheet and a report for your doctor
    /treatment: your botulinum toxin injections, and how each cycle goes
    /settings: change your time zone and check-in time
    /language: choose the language I write to you in
    /pause: stop the daily reminders
    /resume: start them again
    /cancel: stop whatever is under way (a note, a draft, a correction); your saved diary stays as it was
    /privacy: what I store about you, and how to delete it
    /delete: delete everything I store about you
    /help: this list

    I'm a diary, not a doctor: I can't diagnose anything and I'm not for emergencies. If a spasm comes with a seizure, fainting, weakness, or trouble breathing, call your emergency number now.
general-unknown_text = I'm not sure what to do with that. Send /checkin to record how you are, or /help to see everything I can do.
general-button_expired = That button no longer works, so nothing was changed. Send /help to see what I can do.
general-unknown_command = I don't know that command. Send /help to see what I can do.
general-error = Sorry, something went wrong on my side. What you entered before is safe; please try that again.
general-not_text =
    I can only read typed messages: I can't open photos, stickers, voice messages, videos, files or locations. Please type what you'd like to tell me.
    If something feels urgent, call your local emergency number now.
general-edited = I noticed you edited a message. Edits don't change your diary: to correct an entry, send /history.
general-forwarded = That message was forwarded, so I haven't added it to your diary: I only record what you type to me yourself.
general-too_long = That message is too long for me (over 4,096 characters), so I haven't stored it. Please send it in shorter parts.
general-slow_down =
    You're sending messages faster than I can answer, so I'll pause my replies for a minute.

    Nothing you type is lost: check-in answers, notes and reports are kept (send /checkin afterwards to pick up where you are). If you mention an emergency symptom, I'll still answer at once. Commands and questions sent meanwhile won't get an answer, so please send those again in a minute.
general-greeting_reply = Hi! 🌿 Tell me how your face has been (for example "left eyelid twitching, stress 6"), send /checkin for a check-in, or ask me a question.
general-thanks_reply = You're welcome! 🌿 I'm here whenever you want to record something or ask a question.
general-cancelled = Cancelled. Your diary is as it was before.
general-nothing_to_cancel = There was nothing under way to cancel.
general-cancel = ✖ Cancel

## privacy

privacy-privacy =
    What I store, and why:
    • your settings (time zone, check-in and summary times), to message you at the right time;
    • your check-in answers and notes, episodes, and when I urged you to get care, so you can see your summaries, history and doctor's report;
    • a record of each message I send you, so a reminder never goes out twice;
    • your incoming messages, for at most 3 days, so none is lost if I restart.

    How long: until you delete it. Nothing is shared with anyone, and my logs never hold what you write or your health details.

    /export sends you everything as a spreadsheet and a report.
    /delete removes all of it, for good.
privacy-delete_ask = This deletes your settings and every entry, note and record I hold about you, for good. It cannot be undone. Delete everything?
privacy-delete_yes = 🗑 Yes, delete everything
privacy-delete_no = Cancel
privacy-deleted = Done: everything I stored about you has been deleted. If you ever want to start again, send /start.
privacy-nothing_stored = I had nothing stored about you, so there was nothing to delete. Send /start to begin.
privacy-delete_cancelled = Cancelled: nothing was deleted.
privacy-private_only = For your privacy I only work in a private chat. Please message me directly; I'll leave this chat now.


## language

language-name = English
language-ask = Which language should I write to you in?
language-saved = Done: I'll write to you in English from now on.
language-only_one = English is the only language I can write in so far.
language-day_format = yyyy-MM-dd

## admin

admin-stats =
    Spasm Diary in numbers
    People: { $people }
    Active in the last 7 days: { $active }
    Check-ins answered: { $checkins } ({ $checkins_week } in the last 7 days)
    Escalations (safety events): { $escalations } ({ $escalations_week } in the last 7 days)

    Active: started or answered a check-in or an episode (tapped, typed or in words), or sent a red-flag message, in the last 7 days.
admin-error_alert = ⚠️ Unhandled error: { $kind } at { $where }. The stack is in the log.
admin-error_alert_held = { $count } more of this kind since the last alert.

## treatment

treatment-none_yet =
    No treatment recorded yet.

    If you have botulinum toxin injections, add each one here. From your check-ins I can then follow each cycle with you: when relief starts, when it is at its best, and when it wears off.
treatment-last_injection = 💉 Last injection: { $day }. Today is day { $cycle_day } of this cycle (week { $week }).
treatment-wearing_off_since = 📉 You said it began wearing off on { $day }.
treatment-pattern_intro = Over your last { $count } finished cycles:
treatment-pattern_onset = relief began around day { $day }
treatment-pattern_best = it worked best in week { $week }
treatment-pattern_wear_off = it wore off around week { $week }
treatment-add_injection = 💉 Add an injection
treatment-wearing_off = 📉 It's wearing off
treatment-ask_day = When was the injection? (Today, one of the last two weeks, or further back.)
treatment-weeks_ago = { $count ->
        [one] { $count } week ago
       *[other] { $count } weeks ago
    }
treatment-confirm =
    💉 Botulinum toxin injection on { $day }.

    Where was it injected? This is optional: tap the places and the side, then Save.
treatment-where_line = 📍 Where: { $where }
treatment-report_where = injected at: { $where }
treatment-save = ✅ Save
treatment-cancel = ✖️ Cancel
treatment-saved = ✅ Saved: injection on { $day }. I'll follow this cycle in your check-ins.
treatment-cancelled = Cancelled: nothing was saved.
treatment-future = That day hasn't come yet, so I haven't recorded anything. Add the injection once it has happened.
treatment-same_day = There is already an injection on { $day }. I kept that one and added nothing.
treatment-wearing_off_saved =
    📉 Noted: your injection began wearing off on { $day }, in week { $week } of this cycle.

    If it wears off earlier than you would like, that is worth telling the clinic at your next appointment: the interval or the dose can sometimes be adjusted.
treatment-wearing_off_already = You told me it began wearing off on { $day }; that stays as it is.
treatment-no_injection = There's no injection recorded yet, so nothing to wear off. Send /treatment to add one first.
treatment-stale = That button no longer works, so nothing was changed. Send /treatment to start again.
treatment-cycle_line = 💉 Day { $day } since your injection (week { $week }).
treatment-ask_started = Has it started working? Fewer or milder spasms count.
treatment-started_yes = Yes, I notice it
treatment-started_no = Not yet
treatment-ask_effect = How well is it working right now?
treatment-effect_0 = 0 · not at all
treatment-effect_1 = 1 · a little
treatment-effect_2 = 2 · partly
treatment-effect_3 = 3 · well
treatment-effect_4 = 4 · spasms gone
treatment-started_saved = Good to hear: relief began by day { $day }. I'll ask how well it works in about a week.
treatment-not_yet_saved = Noted. It often takes a few more days to start; I'll ask again at your next check-in.
treatment-effect_saved = Noted for today: { $label }.
treatment-cycle_answered = You already answered this today, so I kept that answer.
treatment-cycle_stale = That question was about an earlier injection, so nothing was changed.
treatment-draft_injection = 💉 Botulinum toxin injection{ $dose } on { $day }.
treatment-draft_medicine = 💊 Started { $name }{ $dose } on { $day }.
treatment-draft_dose = 💊 { $name }: new dose{ $dose } from { $day }.
treatment-draft_stop = 💊 Stopped { $name } on { $day }.
treatment-draft_surgery = 🏥 Surgery ({ $name }) on { $day }.
treatment-draft_ask = Save it to your diary?
treatment-dose_part = {" "}{ $dose } { $unit }
treatment-dose_unreadable = I couldn't read the dose as a number, so it is left out. To include it, write it like 0.5 mg.
treatment-not_found = { $name } isn't among the medicines you take in your diary, so I haven't changed anything. To add it, write for example: started { $name } 10 mg on Monday.
treatment-stop_before_start = { $day } is before you started { $name } ({ $started }), so I haven't changed anything. Check the day and write it again.
treatment-draft_saved = ✅ Saved.
treatment-draft_gone = That card is no longer current (saved, cancelled or replaced by a newer one), so nothing changed.
treatment-medicines_title = 💊 Medicines you take:
treatment-medicine_line = • { $name }{ $dose }, since { $since }
treatment-surgery_line = 🏥 { $name } on { $day }
treatment-day_unclear = I couldn't tell which day that was, so I haven't recorded anything. Write it again with the day, like "on 14 Nov", "3 weeks ago" or "yesterday". For an injection you can also pick the day in /treatment.
treatment-draft_side_effect = ⚠️ After your injection of { $injected }: { $effects } (noted on { $day }).
treatment-tell_clinic = Tell the clinic that injected you soon. These effects usually fade as the injection wears off, and the clinic may change where or how much they inject next time. If you have trouble swallowing, speaking or breathing, call your emergency number at once.
treatment-side_effect_saved = ✅ Saved: { $effects }.
treatment-no_injection_for_effect = That sounds like a side effect of an injection, but there is no injection in your diary before that day, so I haven't recorded it. Add the injection in /treatment first, then tell me again.
treatment-report_side_effect = ⚠️ A side effect
treatment-side_effects_line = ⚠️ Side effects this cycle: { $effects }.
treatment-report_heading = Treatment
treatment-report_cycle = Botulinum toxin injection on { $day }{ $dose }, cycle until { $until }
treatment-report_current = now (current cycle)
treatment-report_said = (reported by the patient)
treatment-report_from_diary = (from the diary's strength ratings)
treatment-report_no_signal = too few check-ins to tell onset, best week or wear-off
treatment-report_no_relief = no clear relief in the strength ratings so far (no week a quarter below the fortnight before)
treatment-report_side_effects = Side effects: { $effects }
treatment-report_ratings = Effect ratings (0 none to 4 spasms gone): { $ratings }
treatment-report_medicine = { $name }{ $dose } from { $since }
treatment-report_change = changed to{ $dose } on { $day }
treatment-report_stopped = stopped on { $day }
treatment-report_scores = Self-rated score (in the way, how often; 0-4): before { $before }, 4-6 weeks after { $after }
treatment-csv_filename = spasm-diary-treatments.csv
treatment-csv_header = date,kind,name,dose,unit,detail,treatment_started
treatment-ask_severity = How much do the spasms get in the way of what you do? 0 not at all · 1 a little · 2 some things are harder · 3 reading, screens or driving are hard · 4 you can hardly keep your eyes open or get through the day.
treatment-ask_frequency = How often do they come? 0 not at all · 1 a few times a week · 2 every day, briefly · 3 many times a day · 4 nearly all the time.
treatment-score_before_intro = Two quick questions about how things are just before this injection, so the change can be shown later.
treatment-score_start_intro = Two quick questions about how things are now, as your starting point: later scores, before and after each injection, are set beside it.
treatment-score_start_line = 📊 Your starting score ({ $day }; in the way, how often; 0-4): { $score }.
treatment-report_start_score = Self-rated score at the start ({ $day }; in the way, how often; 0-4): { $score }
treatment-score_after_intro = 4 to 6 weeks after your injection: the same two questions as before it, to see the change.
treatment-score_saved = Kept: in the way { $severity }/4, how often { $frequency }/4.
treatment-score_change = Before the injection: { $before }. Now: { $after }.
treatment-score_line = 📊 Your score (in the way, how often; 0-4): before the injection { $before }, 4-6 weeks after { $after }.
treatment-score_pair = { $severity } and { $frequency }
treatment-score_none = not given
treatment-booking_button = ⏰ Reminder to book: { $weeks }
treatment-booking_off = off
treatment-booking_menu = When should I remind you to book your next injection? Pick how long after each injection.
treatment-booking_weeks = { $count ->
        [one] { $count } week
       *[other] { $count } weeks
    }
treatment-booking_set = I'll remind you to book your next injection on { $day }, at your check-in time.
treatment-booking_waiting = I'll remind you to book { $weeks } after your next injection.
treatment-booking_cleared = Reminders to book are off.
treatment-medicine_button = 💊 Reminder to take medicines: { $time }
treatment-medicine_menu = At what time each day should I remind you to take your medicines?
treatment-medicine_set = I'll remind you every day at { $time } to take your medicines, with a tap for each one taken.
treatment-medicine_cleared = Medicine reminders are off.
treatment-medicine_reminder = 💊 Time for your medicines: { $medicines }. Tap each one once you have taken it.
treatment-medicine_none = 💊 It's your medicine time, but no medicine is in your diary now. Send /treatment to turn this reminder off.
treatment-taken_button = ✅ { $name } taken
treatment-recovery_ask = 🏥 Week { $weeks } after your operation. Improvement after decompression surgery often comes slowly, over weeks or months, so keep going with your check-ins. Since the operation, has your hearing on that side, or the strength of your face, changed?
treatment-recovery_ok = No change
treatment-recovery_hearing = Hearing is worse
treatment-recovery_weakness = Face is weaker
treatment-recovery_ok_saved = Noted. Your check-ins will show the slow changes as they come.
treatment-recovery_tell_surgeon = Noted. Tell your surgeon's team about it soon. If your face suddenly droops, you can't speak, or you get a sudden severe headache, call your emergency number at once.
treatment-taken_saved = ✅ Noted for today: { $name } taken.
treatment-booking_reminder = ⏰ Time to book your next botulinum toxin injection, as you asked. Send /treatment to see how this cycle has gone, to tell the clinic.
treatment-chart_title = Your injection cycles
treatment-chart_x = Weeks since the injection
treatment-chart_y = Spasm strength (0-10, 7-day average)
treatment-chart_caption = Your last injection cycles side by side: the thick line is the current one.
treatment-csv_caption = Your treatments: each injection, medicine and operation, and what you recorded after each.
treatment-ask_side_effect = Which side effect? Tap the one you have (tap again for another).
treatment-injection_not_from_report = 💉 You mentioned an injection too. I read that message as a check-in only, so the injection isn't in your diary: to add it, send it on its own ("had my botox on 3 March") or use /treatment.
treatment-typed_hint = To add a medicine or an operation, write it as you would say it: "started clonazepam 0.5 mg yesterday", "upped baclofen to 20 mg", "stopped gabapentin on Monday", "had MVD surgery on 3 March".
treatment-side_effects-droop = a drooping eyelid
treatment-side_effects-double_vision = double or blurred vision
treatment-side_effects-dry_eye = a dry eye
treatment-side_effects-watering = a watering eye
treatment-side_effects-cannot_close = trouble closing the eye

## commands

commands-start = Set up or see your settings
commands-checkin = Answer a check-in now
commands-log = Record a spasm happening now
commands-causes = What causes spasms, and what helps
commands-summary = Your week (or month) with a chart
commands-history = Recent entries: correct or delete
commands-export = Spreadsheet and doctor report
commands-treatment = Injections and how each cycle goes
commands-settings = Change time zone and check-in time
commands-language = Choose the language I write in
commands-pause = Pause daily reminders
commands-resume = Resume daily reminders
commands-cancel = Stop what is under way (nothing saved changes)
commands-privacy = What I store and how to delete it
commands-delete = Delete everything I store about you
commands-help = What I can do

## console

console-intro = Spasm Diary console chat. Type as you would in Telegram. Buttons show as [1], [2]...: type a button's label or its number to tap it (at a number question, a number means that number). :help lists the console commands.
console-help =
    Console commands:
      :due   your daily check-in arrives now
      :week  your weekly summary arrives now
      :demo  fill your diary with four weeks of made-up entries, to see /summary, /history and /export at work
      #N     tap button N of the newest message (when N alone would be read as a number)
      :help  this list
      :quit  leave (your diary is kept)
console-no_buttons = (no buttons to pick from)
console-bad_choice = (pick a number from 1 to { $count })
console-name_the_flag = (this question records a red flag: type the answer's words, or #N to tap button N)
console-due_none = (set up a time zone and check-in time first, with /start)
console-due_already = (that check-in was already sent or told today, and none goes out twice; answer it above or send /checkin)
console-week_none = (set up a time zone and check-in time first, with /start)
console-demo_done = (added { $count } made-up entries over the last four weeks, on days that had none: try /summary, /summary month, /history or /export)
console-demo_none = (set up a time zone and check-in time first, with /start; then :demo)
console-unknown = (unknown console command; :help lists them)
console-bye = Bye! Your diary is saved in { $database }.

## webapp

webapp-menu_button = Diary
webapp-open_button = 📊 Open my diary
webapp-title = Your spasm diary
webapp-week = Week
webapp-month = Month
webapp-cycles = Injection cycles
webapp-all_places = Every place
webapp-all_triggers = Every trigger
webapp-strength = Strongest spasm of the day (0–10)
webapp-stress = Stress (0–10)
webapp-weeks_since = Spasm strength by week since each injection (the latest cycle is the thick line)
webapp-no_entries = No entries for this period yet.
webapp-no_cycles = No injections recorded yet: add one with /treatment in the chat.
webapp-not_set_up = Your diary is not set up yet: send /start in the chat first.
webapp-add_note = Add a note
webapp-note_placeholder = Your note
webapp-save = Save
webapp-cancel = Cancel
webapp-delete = Delete
webapp-note_saved = Note saved.
webapp-note_empty = The note was empty, so nothing was saved.
webapp-note_too_long = That note is too long, so nothing was saved. Please shorten it.
webapp-gone = That entry is no longer in your diary.
webapp-error = Something went wrong and nothing was changed. Please try again.
webapp-not_signed_in = Please open this page from the Spasm Diary bot in Telegram.
webapp-console_url = Your diary as a page (for this console only): { $url }
webapp-correct = Correct
webapp-check = Check the change
webapp-change_line = { $what }: { $before } → { $after }
webapp-nothing_changed = Nothing would change.
webapp-corrected = Correction saved.
webapp-bad_number = Please use whole numbers from 0 to 10, and hours of sleep from 0 to 24 (halves allowed). Nothing was changed.
webapp-no_strength = That entry has no spasms to rate. Nothing was changed.
webapp-strength_short = Strength (0–10)
webapp-stress_short = Stress (0–10)
webapp-sleep_short = Sleep (hours)
webapp-places_short = Where
webapp-day_detail = { $day }: strongest spasm { $strength }/10, stress { $stress }/10
webapp-day_detail_quiet = { $day }: no spasms recorded, stress { $stress }/10
webapp-cycle_detail = Injection of { $date }, day { $day }: spasm strength { $strength }/10
webapp-side_unknown = side not recorded
webapp-duration_short = How long
webapp-triggers_short = Likely triggers
webapp-no_triggers = None of these
webapp-bad_choice = That choice is not one the diary knows, so nothing was changed. An entry with spasms needs at least one place.
