"""Tools for the people who run the bot: the stored conversations, their retention and erasure."""
