#!/usr/bin/env bash
# The release as a user gets it: `npm pack` (prepack builds dist/) from a clean copy of the checkout, the tarball
# installed with --omit=dev (no TypeScript, no test tools) into an empty folder, then `npx qlik-sessions` run from
# there: --version, ask, analyze, and `npm ci --omit=dev` in a fresh copy (prepare must not need the compiler).
# Usage: bash scripts/check-package.sh   (CI runs it after npm test)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'check-package: %s\n' "$*" >&2; exit 1; }

step "copy the tracked files (what a fresh clone has)"
mkdir "$work/clone"
git ls-files -z --cached --others --exclude-standard | (cd "$root" && xargs -0 cp --parents -t "$work/clone")

step "npm ci --omit=dev in the clone: prepare skips the build without TypeScript, exit 0"
(cd "$work/clone" && npm ci --omit=dev --no-audit --no-fund --prefer-offline) > "$work/omit-dev.log" 2>&1 || { cat "$work/omit-dev.log"; fail "npm ci --omit=dev failed"; }
grep -q 'not building' "$work/omit-dev.log" || fail "prepare did not say it skipped the build"
(cd "$work/clone" && node bin/qlik-sessions.js --version) > "$work/unbuilt.out" 2>&1 && fail "an unbuilt checkout should refuse to run"
grep -q 'not built' "$work/unbuilt.out" || { cat "$work/unbuilt.out"; fail "an unbuilt checkout should say how to build"; }

step "npm ci (dev) and npm pack in the clone: prepack builds dist/"
rm -rf "$work/clone/node_modules"
(cd "$work/clone" && npm ci --no-audit --no-fund --prefer-offline --ignore-scripts && npm pack --pack-destination "$work") > "$work/pack.log" 2>&1 || { cat "$work/pack.log"; fail "npm pack failed"; }
tarball=$(ls "$work"/qlik-sessions-*.tgz)
# Listed to a file first: grep -q stopping early would fail the pipe under pipefail.
tar -tzf "$tarball" > "$work/files.txt"
grep -q '^package/dist/cli/main.js$' "$work/files.txt" || fail "the tarball lacks dist/"
grep -qE '^package/(src|test)/' "$work/files.txt" && fail "the tarball ships src/ or test/"
echo "tarball: $(basename "$tarball"), $(wc -l < "$work/files.txt") files, $(du -k "$tarball" | cut -f1) kB"

step "install the tarball with --omit=dev into an empty folder"
mkdir "$work/install"
(cd "$work/install" && npm init -y > /dev/null && npm install --omit=dev --no-audit --no-fund --prefer-offline "$tarball") > "$work/install.log" 2>&1 || { cat "$work/install.log"; fail "installing the tarball failed"; }
[ -e "$work/install/node_modules/typescript" ] && fail "a dev dependency was installed"

step "run it from there"
cd "$work/install"
version=$(npx --no-install qlik-sessions --version)
ask_json=$(npx --no-install qlik-sessions ask --json 'too many sessions active in parallel')
echo "$version"
[[ "$version" == "qlik-sessions $(node -p "require('$root/package.json').version")"* ]] || fail "--version printed: $version"
[[ "$(npx --no-install qlik-sessions ask --version)" == "qlik-sessions "* ]] || fail "ask --version"
[[ "$ask_json" == *'"five-session-limit"'* ]] || fail "ask did not match five-session-limit: $ask_json"
printf '%s\n' "Access was denied for User: 'CORP\\mweber', with AccessID 'a1', SessionID: 's1', SessionCount: '5', Hostname: '::1', OperationType: 'UsageDenied'" > excerpt.txt
analysis=$(npx --no-install qlik-sessions analyze --json excerpt.txt)
[[ "$analysis" == *'"limit-reached"'* ]] || fail "analyze did not find limit-reached: $analysis"
mkfifo pipe
set +e
timeout 20 npx --no-install qlik-sessions analyze pipe > fifo.out 2>&1
status=$?
set -e
[ "$status" = 2 ] || { cat fifo.out; fail "analyze on a FIFO exited $status, not 2"; }
echo "ok: --version, ask, analyze (and a FIFO refused) from the installed tarball"
