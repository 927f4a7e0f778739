"""Developer tools run by the Makefile: generation, charts, measures, audit, finding Python."""
