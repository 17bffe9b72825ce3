#!/usr/bin/env bash
# The dossier extension in a real VS Code: code-server 4.100.3 (npm) in headless Chromium
# (Debian's, driven by playwright-core), offline, with the packaged platform .vsix installed
# (carrying $DOSSIER_BIN as its server). vscode.test.mjs opens a workspace of seeds/ and a brief
# and checks hover, diagnostics (squiggle and Problems panel) and completion in the UI, taking
# screenshots into $SCREENSHOTS (default: editors/vscode/test/browser/screenshots).
#
#   bash editors/vscode/test/browser/run.sh
#
# DOSSIER_BIN: the server to package (default: target/debug/dossier of this repository).
# Installs its apt and npm packages first (install.sh). One code-server per run, always stopped.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
vscode_dir="$(cd "$here/../.." && pwd)"
repo_root="$(cd "$vscode_dir/../.." && pwd)"
log() { echo "browser/run.sh: $*"; }

export DOSSIER_BIN="${DOSSIER_BIN:-$repo_root/target/debug/dossier}"
[ -x "$DOSSIER_BIN" ] || { log "no dossier binary at $DOSSIER_BIN (cargo build, or set DOSSIER_BIN)"; exit 1; }

started=$SECONDS
bash "$here/install.sh"
log "install took $((SECONDS - started)) s"

# The extension, packaged as users get it: the platform .vsix with the server inside.
(
  cd "$vscode_dir"
  [ -d node_modules/@vscode/vsce ] || npm ci --no-audit --no-fund
  npm run build
  rm -rf server dossier-*.vsix
  DOSSIER_SERVER="$DOSSIER_BIN" npm run package:platform </dev/null
)
vsix="$(ls "$vscode_dir"/dossier-*.vsix)"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/dossier-browser-XXXXXX")"
server_pid=""
cleanup() {
  status=$?
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  if [ "$status" != 0 ] && [ -f "$tmp/code-server.log" ]; then
    echo "---- code-server log ($tmp/code-server.log) ----"
    tail -n 200 "$tmp/code-server.log"
    find "$tmp/data/logs" -name '*.log' 2>/dev/null | while read -r f; do
      echo "---- ${f#"$tmp/"} ----"
      tail -n 60 "$f"
    done
  fi
  rm -rf "$vscode_dir/server" "$vscode_dir"/dossier-*.vsix
  [ "$status" != 0 ] || rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT

code_server="$here/node_modules/.bin/code-server"
common=(--config "$tmp/config.yaml" --user-data-dir "$tmp/data" --extensions-dir "$tmp/extensions")
: >"$tmp/config.yaml"
"$code_server" "${common[@]}" --install-extension "$vsix" >"$tmp/install-extension.log" 2>&1 \
  || { cat "$tmp/install-extension.log"; log "installing $vsix failed"; exit 1; }
grep -q "was successfully installed" "$tmp/install-extension.log" \
  || { cat "$tmp/install-extension.log"; log "code-server did not install $vsix"; exit 1; }

# User settings: a quiet workbench (no trust prompt, welcome page or update checks).
mkdir -p "$tmp/data/User"
cat >"$tmp/data/User/settings.json" <<'JSON'
{
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "update.mode": "none",
  "telemetry.telemetryLevel": "off",
  "chat.disableAIFeatures": true,
  "editor.hover.delay": 200
}
JSON

# Only the server inside the .vsix: a `dossier` on PATH would hide a .vsix without one (the
# extension falls back to PATH), so code-server runs with the folders that hold one left out.
server_path="$(printf '%s\n' "$PATH" | tr ':' '\n' | while read -r dir; do [ -x "$dir/dossier" ] || printf '%s:' "$dir"; done)"
server_path="${server_path%:}"

port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
PATH="$server_path" "$code_server" "${common[@]}" --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry \
  --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  >"$tmp/code-server.log" 2>&1 &
server_pid=$!
url="http://127.0.0.1:$port"
answers() { node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$url/healthz"; }
for _ in $(seq 120); do
  answers && break
  kill -0 "$server_pid" 2>/dev/null || { log "code-server exited"; exit 1; }
  sleep 0.5
done
answers || { log "code-server does not answer on $url"; exit 1; }
log "code-server $url (pid $server_pid), extension $(basename "$vsix")"

started=$SECONDS
cd "$here"
CODE_SERVER_URL="$url" WORKSPACE_PARENT="$tmp" SCREENSHOTS="${SCREENSHOTS:-$here/screenshots}" \
  CHROMIUM="${CHROMIUM:-$(command -v chromium)}" REPO_ROOT="$repo_root" \
  node --test --test-concurrency=1 vscode.test.mjs
log "test took $((SECONDS - started)) s"
