#!/usr/bin/env bash
# Tries editors/emacs/dossier.el in a real Emacs (batch, eglot) against $DOSSIER_BIN
# (else target/debug/dossier): a workspace of the seeds with dossier.toml and a brief.
# Needs Emacs with eglot and markdown-mode (Debian: emacs-nox elpa-eglot elpa-markdown-mode).
# Not run by CI; tried with Emacs 28.2 and eglot 1.9.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
bin="${DOSSIER_BIN:-$repo/target/debug/dossier}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/ws/seeds" "$work/ws/briefs"
cp "$repo"/seeds/*.txt "$work/ws/seeds/"
printf 'corpus = ["seeds"]\nbriefs = ["briefs/*.md"]\n' > "$work/ws/dossier.toml"
printf '# Brief\n\nLavrov met the press.\n\nHe said "the moon is made of green cheese and always was".\n' \
  > "$work/ws/briefs/brief.md"
cd "$work/ws/briefs"
WORKSPACE="$work/ws" BRIEF="$work/ws/briefs/brief.md" timeout 120 emacs --batch \
  -L "$repo/editors/emacs" -L "$here" \
  --eval "(setq dossier-program \"$bin\")" -l "$here/check.el"
