# Assistant métiers du back-office : point d'entrée unique (personnes, CI, README).
# `make` ou `make help` liste les cibles.
SHELL := /bin/bash
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

VENV := .venv
PYTHON := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
INSTALLED := $(VENV)/.installed
MODEL := models/backoffice.tar.gz
VOCABULARY_NLU := data/nlu/vocabulary.yml
KNOWLEDGE := $(wildcard knowledge/*.py knowledge/*.yml knowledge/jobs/*.yml)
TRAINING_DATA := config.yml domain.yml $(wildcard data/*.yml data/nlu/*.yml) $(VOCABULARY_NLU)

export RASA_TELEMETRY_ENABLED := false
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help install nlu train run shell actions validate test crossval clean

help: ## Affiche cette aide
	@echo "Cibles :"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-10s %s\n", $$1, $$2}'

install: $(INSTALLED) ## Crée .venv (Python 3.10) et installe les dépendances figées

$(INSTALLED): requirements.txt bot/find_python.sh
	@python310=$$(bot/find_python.sh) && \
	  { [ -x $(PYTHON) ] && $(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' \
	    || { echo "Création de $(VENV) avec $$python310"; rm -rf $(VENV) && "$$python310" -m venv $(VENV); }; }
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

nlu: $(VOCABULARY_NLU) ## Régénère data/nlu/vocabulary.yml (métiers, sujets, lexique) depuis knowledge/

# Touched even when its text is unchanged: a knowledge change retrains the model.
$(VOCABULARY_NLU): $(KNOWLEDGE) bot/nlu_generation.py | $(INSTALLED)
	$(PYTHON) -m bot.nlu_generation
	@touch $@

train: $(MODEL) ## Entraîne le modèle si les données sont plus récentes que lui

$(MODEL): $(TRAINING_DATA) | $(INSTALLED)
	$(RASA) train --fixed-model-name backoffice --out models
	@touch $@

run: $(MODEL) ## Installe et entraîne si besoin, puis lance le bot (REST, port 5005)
	bot/run.sh server

shell: $(MODEL) ## Discute avec le bot dans le terminal (rasa shell)
	bot/run.sh shell

actions: $(INSTALLED) ## Lance seulement le serveur d'actions (port 5055)
	$(RASA) run actions --port 5055

validate: $(VOCABULARY_NLU) ## Vérifie les données d'entraînement (rasa data validate)
	$(RASA) data validate --fail-on-warnings

test: $(MODEL) ## Installe, entraîne si besoin et lance tous les tests
	$(PYTHON) -m pytest

crossval: $(VOCABULARY_NLU) | $(INSTALLED) ## Validation croisée NLU (5 plis) dans results/crossval
	$(RASA) test nlu --cross-validation --folds 5 --out results/crossval

clean: ## Supprime modèles et résultats (garde .venv)
	rm -rf models results tests/output .rasa
