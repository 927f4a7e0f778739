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
# The chat widget, from the npm registry (checked against its published SHA-1).
WEBCHAT_VERSION := 1.0.1
WEBCHAT_SHA1 := 918985573aa505d81ab927c5ea5919ae29a5ecfd
WEBCHAT := web/vendor/rasa-webchat.js
# The accessibility audit the browser tests run inside the page (axe-core, from npm, checked).
AXE_VERSION := 4.14.1
AXE_SHA1 := 14d8a6f3f085afd126b8b5ca1e42e50e17fb1d99
AXE := .make/axe/axe.min.js
# Debian packages the tests use: the browser Playwright drives (it never downloads one), and
# the PostgreSQL and Redis servers of the scale-out test (skipped, saying why, without them).
CHROMIUM := /usr/bin/chromium
REDIS := /usr/bin/redis-server
POSTGRES := /usr/bin/pg_ctlcluster
CHARTS := web/charts/.drawn
VOCABULARY_NLU := data/nlu/vocabulary.yml
KNOWLEDGE := $(wildcard knowledge/*.py knowledge/*.yml knowledge/jobs/*.yml)
TRAINING_DATA := config.yml domain.yml $(wildcard data/*.yml data/nlu/*.yml data/topics/*.yml) $(VOCABULARY_NLU)
# Rasa trains on data/nlu/; the topic phrasings of data/topics/ are read by the topic and
# intent classifiers themselves (bot/nlu/): Rasa's importer would take 20 s more to read them.
RASA_DATA := data/nlu data/rules.yml

export RASA_TELEMETRY_ENABLED := false
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help install nlu train web run shell actions validate test crossval bench bench-report bench-scale audit purge forget report review-export clean

help: ## Affiche cette aide
	@echo "Cibles :"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-14s %s\n", $$1, $$2}'

install: $(INSTALLED) ## Crée .venv (Python 3.10) et installe les dépendances figées

$(INSTALLED): requirements.txt bot/tools/find_python.sh
	@python310=$$(bot/tools/find_python.sh) && \
	  { [ -x $(PYTHON) ] && $(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' \
	    || { echo "Création de $(VENV) avec $$python310"; rm -rf $(VENV) && "$$python310" -m venv $(VENV); }; }
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

nlu: $(VOCABULARY_NLU) ## Régénère data/nlu/vocabulary.yml (métiers, sujets, lexique) depuis knowledge/

# Touched even when its text is unchanged: a knowledge change retrains the model.
$(VOCABULARY_NLU): $(KNOWLEDGE) bot/tools/nlu_generation.py | $(INSTALLED)
	$(PYTHON) -m bot.tools.nlu_generation
	@touch $@

web: $(WEBCHAT) $(CHARTS) ## Installe le widget (rasa-webchat, depuis npm) et dessine les graphiques

$(WEBCHAT):
	@mkdir -p $(@D) .make/npm
	cd .make/npm && npm pack --silent rasa-webchat@$(WEBCHAT_VERSION) > /dev/null
	echo "$(WEBCHAT_SHA1)  .make/npm/rasa-webchat-$(WEBCHAT_VERSION).tgz" | sha1sum --check --quiet
	tar -xzf .make/npm/rasa-webchat-$(WEBCHAT_VERSION).tgz -C .make/npm package/lib/index.js package/LICENSE
	cp .make/npm/package/LICENSE web/vendor/LICENSE-rasa-webchat
	@# The bundle imports a font from Google: nothing is fetched from the Internet at run time.
	sed 's#@import url(https://fonts.googleapis.com/css?family=Inter:400,500,700&display=swap);##g' \
	  .make/npm/package/lib/index.js > $@
	! grep -q fonts.googleapis.com $@

$(AXE):
	@mkdir -p $(@D)
	cd $(@D) && npm pack --silent axe-core@$(AXE_VERSION) > /dev/null
	echo "$(AXE_SHA1)  $(@D)/axe-core-$(AXE_VERSION).tgz" | sha1sum --check --quiet
	tar -xzf $(@D)/axe-core-$(AXE_VERSION).tgz -C $(@D) --strip-components=1 package/axe.min.js

# Touched after drawing, so a knowledge change redraws every chart.
$(CHARTS): $(KNOWLEDGE) bot/tools/charts.py actions/charts.py | $(INSTALLED)
	$(PYTHON) -m bot.tools.charts
	@touch $@

$(CHROMIUM): PACKAGE := chromium
$(REDIS): PACKAGE := redis-server
$(POSTGRES): PACKAGE := postgresql
$(CHROMIUM):
	@[ "$$(id -u)" = 0 ] || { echo "Installez le paquet Debian $(PACKAGE) (apt-get install $(PACKAGE))." >&2; exit 1; }
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(PACKAGE)
$(REDIS) $(POSTGRES):
	@if [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(PACKAGE) \
	  || echo "Paquet $(PACKAGE) non installé : le test de montée en charge sera sauté." >&2; \
	else echo "Sans le paquet Debian $(PACKAGE) (apt-get install $(PACKAGE)), le test de montée en charge sera sauté." >&2; fi

train: $(MODEL) ## Entraîne le modèle si les données sont plus récentes que lui

$(MODEL): $(TRAINING_DATA) | $(INSTALLED)
	$(RASA) train --data $(RASA_DATA) --fixed-model-name backoffice --out models
	@touch $@

run: $(MODEL) $(WEBCHAT) $(CHARTS) ## Installe et entraîne si besoin, puis lance le bot : page http://localhost:8080/, REST et socketio sur 5005
	@bot/server/run.sh server

shell: $(MODEL) ## Discute avec le bot dans le terminal (rasa shell)
	@bot/server/run.sh shell

actions: $(INSTALLED) ## Lance seulement le serveur d'actions (port 5055, sur cette machine seulement)
	SANIC_HOST=$${BACKOFFICE_ACTIONS_HOST:-127.0.0.1} $(RASA) run actions --port 5055

validate: $(VOCABULARY_NLU) ## Vérifie les données d'entraînement (rasa data validate)
	$(RASA) data validate --fail-on-warnings

test: $(MODEL) $(WEBCHAT) $(CHARTS) $(AXE) $(CHROMIUM) $(REDIS) $(POSTGRES) ## Installe, entraîne si besoin et lance tous les tests
	$(PYTHON) -m pytest

crossval: $(VOCABULARY_NLU) | $(INSTALLED) ## Validation croisée NLU (5 plis) : results/crossval et results/topic_crossval.md
	$(PYTHON) -m bot.tools.topic_crossval
	$(RASA) test nlu --nlu data/nlu --cross-validation --folds 5 --out results/crossval

bench: $(VOCABULARY_NLU) | $(INSTALLED) ## Mesure ce bot face au plancher `rasa init` → docs/PERFORMANCE.md
	$(PYTHON) -m bot.tools.bench

bench-report: $(MODEL) | $(INSTALLED) ## Temps, mémoire et taille de `make report` sur 10 000 conversations → docs/REPORT_PERFORMANCE.md
	$(PYTHON) -W ignore::DeprecationWarning -m bot.tools.report_bench --conversations $${CONVERSATIONS:-10000}

bench-scale: | $(INSTALLED) ## Le bot avec 2, 50 et 500 fiches (synthétiques au-delà de 2) → docs/SCALE.md (≈ 25 min)
	$(PYTHON) -W ignore::DeprecationWarning -m bot.tools.scale_bench

# pip-audit needs a newer `packaging` than Rasa allows: it gets a venv of its own.
PIP_AUDIT_VERSION := 2.10.1
PIP_AUDIT := .make/audit/bin/pip-audit

$(PIP_AUDIT):
	python3 -m venv .make/audit
	.make/audit/bin/pip install --quiet pip-audit==$(PIP_AUDIT_VERSION)

audit: $(PIP_AUDIT) | $(INSTALLED) ## Avis de sécurité visant les versions figées (pip-audit) → results/pip-audit.json
	@mkdir -p results
	-$(PIP_AUDIT) -r requirements.txt --no-deps --disable-pip --progress-spinner off --format json -o results/pip-audit.json
	$(PYTHON) -m bot.tools.audit results/pip-audit.json

# Conversations kept RETENTION_DAYS days (README, « Données personnelles »); the store is the
# one ENDPOINTS names (PostgreSQL: ENDPOINTS=deploy/endpoints-multi.yml and its variables).
RETENTION_DAYS := 30
ENDPOINTS ?= endpoints.yml

purge: | $(INSTALLED) ## Efface les conversations de plus de DAYS jours (par défaut 30) : make purge DAYS=30
	@days="$${DAYS:-$(RETENTION_DAYS)}"; [[ "$$days" =~ ^[0-9]+$$ ]] \
	  || { echo "DAYS doit être un nombre de jours : make purge DAYS=30" >&2; exit 2; }; \
	  $(PYTHON) -m bot.operations.retention --endpoints "$(ENDPOINTS)" purge --days "$$days"

forget: | $(INSTALLED) ## Efface les conversations d'une personne : make forget SENDER=identifiant-ou-pseudonyme
	@[ -n "$$SENDER" ] || { echo "Indiquez la personne : make forget SENDER=identifiant-ou-pseudonyme" >&2; exit 2; }
	@$(PYTHON) -m bot.operations.retention --endpoints "$(ENDPOINTS)" forget --sender "$$SENDER"

report: | $(INSTALLED) ## Rapport d'exploitation → results/rapport.html (une page autonome) et .json, FROM=/TO= AAAA-MM-JJ
	@$(PYTHON) -m bot.operations.report --endpoints "$(ENDPOINTS)" --from "$$FROM" --to "$$TO" --out results/rapport

review-export: | $(INSTALLED) ## Messages incompris et réponses notées 👎 → results/revue.yml (format NLU), FROM=/TO= AAAA-MM-JJ
	@$(PYTHON) -m bot.operations.review_export --endpoints "$(ENDPOINTS)" --from "$$FROM" --to "$$TO" --out results/revue.yml

clean: ## Supprime modèles et résultats (garde .venv)
	rm -rf models results tests/output .rasa
