"""The Mini App: the diary, its charts and treatment cycles as a page inside Telegram, with its
JSON API. Every API request carries Telegram's signed initData, checked here (`init_data`)."""
