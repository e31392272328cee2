"""shopbot's dialogue core, chat transports, command line and settings."""
