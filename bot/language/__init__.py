"""Reading what people write: red-flag triage, the report reader, the knowledge index, emergency numbers."""
