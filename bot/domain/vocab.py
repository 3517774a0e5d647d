"""The fixed answer ids of a check-in; their wording lives in content/<language>/messages.ftl."""

LOCATIONS = ("eyelid", "eyebrow", "cheek", "nose", "lip", "jaw", "chin", "forehead", "other")
SIDES = ("left", "right", "both")  # of the face, for each place
DURATIONS = ("seconds", "minutes", "hour", "day")
TRIGGERS = (
    "stress",
    "poor_sleep",
    "fatigue",
    "caffeine",
    "alcohol",
    "screen",
    "overuse",
    "medication",
    "not_sure",
)
# What a typed report can name as a trigger ("not sure" is for the buttons only).
REPORT_TRIGGERS = tuple(t for t in TRIGGERS if t != "not_sure")
SCALE = tuple(range(11))
# The red-flag buttons of the "Anything else right now?" step (each is a triage flag id).
REDFLAG_BUTTONS = ("seizure", "unconscious", "paralysis", "breathing", "speech")
# Reasons the diary itself can give for seeing a doctor soon.
# After a botulinum toxin injection: worth telling the clinic soon, not an emergency.
SIDE_EFFECTS = ("droop", "double_vision", "dry_eye", "watering", "cannot_close")
CARE_REASONS = ("most_days", "severity_up", "new_areas", "medication", "weak_or_stiff")
