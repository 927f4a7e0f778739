#!/usr/bin/env bash
# Starts the action server (port 5055) in the background, waits until it answers,
# then runs the Rasa server (channels of credentials.yml, port 5005, through
# bot/rasa_run.py for its security settings) or `rasa shell` in the foreground.
# The action server is stopped when the foreground command ends. Conversations are
# kept in var/ (endpoints.yml).
# Usage: bot/run.sh server|shell
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var
mode=${1:-server}
venv=.venv/bin
actions_url=http://localhost:5055/health

actions_up() { "$venv/python" -c "import urllib.request as u; u.urlopen('$actions_url', timeout=1)" 2>/dev/null; }

actions_pid=""
web_pid=""
cleanup() {
  [ -n "$actions_pid" ] && kill "$actions_pid" 2>/dev/null
  [ -n "$web_pid" ] && kill "$web_pid" 2>/dev/null
  true
}
trap cleanup EXIT INT TERM

if actions_up; then
  echo "Serveur d'actions déjà lancé sur le port 5055 : il est réutilisé."
else
  echo "Démarrage du serveur d'actions (port 5055)…"
  # Only Rasa calls it: listening on this machine only (BACKOFFICE_ACTIONS_HOST to widen).
  SANIC_HOST=${BACKOFFICE_ACTIONS_HOST:-127.0.0.1} "$venv/rasa" run actions --port 5055 &
  actions_pid=$!
  for _ in $(seq 1 120); do
    actions_up && break
    kill -0 "$actions_pid" 2>/dev/null || { echo "Le serveur d'actions s'est arrêté (voir le message ci-dessus)." >&2; exit 1; }
    sleep 0.5
  done
  actions_up || { echo "Le serveur d'actions ne répond pas sur le port 5055." >&2; exit 1; }
fi

case "$mode" in
  server)
    "$venv/python" -m bot.web &
    web_pid=$!
    echo "Démarrage de Rasa (port 5005). Page de discussion : http://localhost:${BACKOFFICE_WEB_PORT:-8080}/"
    echo "Ou, en ligne de commande :"
    echo "  curl -s localhost:5005/webhooks/rest/webhook -d '{\"sender\": \"moi\", \"message\": \"Quel est le salaire d'\''un opérateur back-office ?\"}'"
    "$venv/python" -m bot.rasa_run --port 5005 --credentials credentials.yml --endpoints endpoints.yml
    ;;
  shell)
    "$venv/rasa" shell --endpoints endpoints.yml
    ;;
  *)
    echo "usage : $0 server|shell" >&2; exit 2 ;;
esac
