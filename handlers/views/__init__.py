"""Keyboards and texts, one module per feature; wording comes from content/."""
