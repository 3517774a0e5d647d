"""The running bot: intake (polling, webhook), dispatch, sending, leadership, console, offline API."""
