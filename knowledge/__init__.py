"""The bot's knowledge base: job sheets as validated records and queries over them."""
