"""The database: engine, tables, migrations and the unit of work."""
