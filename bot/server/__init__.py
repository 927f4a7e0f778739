"""Starting the servers, their channels, and what the project fixes in Rasa 3.6 (run.sh starts it all)."""
