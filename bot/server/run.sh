#!/usr/bin/env bash
# Starts the action server (port 5055) in the background, waits until it answers,
# then runs the Rasa server (channels of credentials.yml, port 5005, through
# bot/server/rasa_run.py for its security settings) or `rasa shell`. Conversations are kept
# in var/ (endpoints.yml).
# The terminal stays quiet (bot/server/quiet_rasa.py): French status lines, then the conversation;
# BACKOFFICE_VERBOSE=1 shows every log.
# Stopping: Ctrl+C, or SIGTERM to this script or to the `make run` that runs it (make
# passes SIGTERM on), stops every server it started, within STOP_TIMEOUT_S seconds.
# Usage: bot/server/run.sh server|shell
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p var
mode=${1:-server}
venv=.venv/bin
actions_url=http://localhost:5055/health
STOP_TIMEOUT_S=8

actions_up() { "$venv/python" -c "import urllib.request as u; u.urlopen('$actions_url', timeout=1)" 2>/dev/null; }

started=()
any_alive() {
  local pid
  for pid in "${started[@]}"; do kill -0 "$pid" 2>/dev/null && return 0; done
  return 1
}
stop_servers() {
  trap - EXIT INT TERM
  [ ${#started[@]} -eq 0 ] && return 0
  kill "${started[@]}" 2>/dev/null || true
  for _ in $(seq 1 $((STOP_TIMEOUT_S * 4))); do
    any_alive || return 0
    sleep 0.25
  done
  # A server still busy after the delay is not waited for: its port must be free for the next start.
  kill -9 "${started[@]}" 2>/dev/null || true
}
trap stop_servers EXIT
trap 'stop_servers; exit 130' INT
trap 'stop_servers; exit 143' TERM

if actions_up; then
  echo "Serveur d'actions déjà lancé sur le port 5055 : il est réutilisé."
else
  echo "Démarrage du serveur d'actions (port 5055)…"
  # Only Rasa calls it: listening on this machine only (BACKOFFICE_ACTIONS_HOST to widen).
  SANIC_HOST=${BACKOFFICE_ACTIONS_HOST:-127.0.0.1} "$venv/python" -m bot.server.quiet_rasa run actions --port 5055 &
  actions_pid=$!
  started+=("$actions_pid")
  for _ in $(seq 1 120); do
    actions_up && break
    kill -0 "$actions_pid" 2>/dev/null || { echo "Le serveur d'actions s'est arrêté (voir le message ci-dessus)." >&2; exit 1; }
    sleep 0.5
  done
  actions_up || { echo "Le serveur d'actions ne répond pas sur le port 5055." >&2; exit 1; }
fi

case "$mode" in
  server)
    "$venv/python" -m bot.server.web &
    started+=($!)
    echo "Démarrage de Rasa (port 5005 ; chargement du modèle : une minute environ)…"
    # In the background, waited for: bash runs a trap only once its foreground command ends,
    # so SIGTERM would otherwise wait for Rasa, which never ends by itself.
    "$venv/python" -m bot.server.rasa_run --port 5005 --credentials credentials.yml --endpoints endpoints.yml &
    rasa_pid=$!
    started+=("$rasa_pid")
    until "$venv/python" -c "import urllib.request as u; u.urlopen('http://localhost:5005/', timeout=1)" 2>/dev/null; do
      kill -0 "$rasa_pid" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$rasa_pid" 2>/dev/null; then
      echo "Le bot est prêt. Page de discussion : http://localhost:${BACKOFFICE_WEB_PORT:-8080}/"
      echo "Ou, en ligne de commande :"
      echo "  curl -s localhost:5005/webhooks/rest/webhook -d '{\"sender\": \"moi\", \"message\": \"Quel est le salaire d'\''un opérateur back-office ?\"}'"
      echo "Arrêt : Ctrl+C. Journaux complets : BACKOFFICE_VERBOSE=1 make run"
    fi
    wait "$rasa_pid"
    ;;
  shell)
    # In the foreground: the shell reads the terminal (a background command reads /dev/null).
    echo "Chargement du modèle (une minute environ)… « /stop » pour quitter. Journaux complets : BACKOFFICE_VERBOSE=1 make shell"
    "$venv/python" -m bot.server.quiet_rasa shell --endpoints endpoints.yml
    ;;
  *)
    echo "usage : $0 server|shell" >&2; exit 2 ;;
esac
