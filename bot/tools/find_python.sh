#!/usr/bin/env bash
# Prints the path of a working Python 3.10 (Rasa 3.6 runs on 3.8–3.10; the pinned
# requirements are resolved for 3.10). Looks on PATH, then in pyenv's versions.
# A pyenv shim can be on PATH and still fail, so each candidate is run, not trusted.
set -u

works() {
  "$1" -c 'import sys, venv; sys.exit(sys.version_info[:2] != (3, 10))' >/dev/null 2>&1
}

candidates=()
for name in python3.10 python3 python; do
  command -v "$name" >/dev/null 2>&1 && candidates+=("$(command -v "$name")")
done
for root in "${PYENV_ROOT:-}" "${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}/.pyenv"; do
  [ -n "$root" ] || continue
  for path in "$root"/versions/3.10*/bin/python3.10; do
    [ -x "$path" ] && candidates+=("$path")
  done
done

for candidate in "${candidates[@]}"; do
  if works "$candidate"; then
    echo "$candidate"
    exit 0
  fi
done

cat >&2 <<'MSG'
Erreur : Python 3.10 introuvable (Rasa 3.6 ne fonctionne qu'avec Python 3.8 à 3.10,
et les dépendances figées de ce projet le sont pour Python 3.10).
Installez-le, puis relancez la commande, par exemple :
  - Debian/Ubuntu : apt-get install python3.10 python3.10-venv
  - pyenv         : pyenv install 3.10.13
MSG
exit 1
