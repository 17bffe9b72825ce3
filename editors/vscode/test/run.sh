#!/usr/bin/env bash
# Builds and tests the VS Code extension from a clean install:
#   npm ci && npm run build && npm test   (unit tests + end-to-end against the real server)
# and, when CI is set, packages dossier.vsix non-interactively.
# The end-to-end test runs DOSSIER_BIN, else `dossier` on PATH; when neither is set and the
# repository has a debug build, that build is used.
set -euo pipefail
cd "$(dirname "$0")/.."
repo_root="$(cd ../.. && pwd)"

if [ -z "${DOSSIER_BIN:-}" ] && ! command -v dossier >/dev/null 2>&1 && [ -x "$repo_root/target/debug/dossier" ]; then
  export DOSSIER_BIN="$repo_root/target/debug/dossier"
  echo "run.sh: DOSSIER_BIN=$DOSSIER_BIN"
fi

npm ci --no-audit --no-fund
npm run build
npm test
if [ -n "${CI:-}" ]; then
  npm run package </dev/null
fi
