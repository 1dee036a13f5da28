#!/usr/bin/env bash
# Turns an env file in .env.example's shell syntax (quotes, comments after values) into plain KEY=value lines for
# `docker run --env-file` (which keeps quotes and comments as part of the value). Usage: deploy/plain-env.sh .env
set -euo pipefail
file=${1:-.env}
# Read it the way the comments in .env.example say: as shell assignments.
set -a
# shellcheck disable=SC1090
. "$file"
set +a
grep -oE '^[A-Z][A-Z0-9_]*=' "$file" | tr -d '=' | while read -r name; do
  printf '%s=%s\n' "$name" "${!name}"
done
