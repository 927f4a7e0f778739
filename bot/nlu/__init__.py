"""NLU pipeline components of the project, named in config.yml."""
