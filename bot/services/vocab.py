"""The fixed answer ids of a check-in; their wording lives in content/messages.toml."""

LOCATIONS = ("eyelid", "eyebrow", "cheek", "nose", "lip", "jaw", "chin", "forehead", "other")
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
SCALE = tuple(range(11))
