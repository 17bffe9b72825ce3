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
  # The platform .vsix with the server inside (here the binary under test, not a release
  # build): it must carry an executable extension/server/dossier.
  if [ -n "${DOSSIER_BIN:-}" ] && [ -x "$DOSSIER_BIN" ]; then
    DOSSIER_SERVER="$DOSSIER_BIN" npm run package:platform </dev/null
    python3 - <<'PY'
import glob, sys, zipfile
(vsix,) = [v for v in glob.glob("dossier-*.vsix")]
entry = zipfile.ZipFile(vsix).getinfo("extension/server/dossier")
mode = entry.external_attr >> 16
sys.exit(0 if mode & 0o111 else f"{vsix}: extension/server/dossier is not executable ({oct(mode)})")
PY
    rm -rf server dossier-*.vsix
  fi
fi
