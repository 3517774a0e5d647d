"""Charts and the doctor report, drawn in worker processes."""
