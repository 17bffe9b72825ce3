#!/usr/bin/env bash
# Short smoke run of every fuzz target (CI). Usage: fuzz/smoke.sh [SECONDS_PER_TARGET]
# Needs cargo-fuzz; the stable toolchain's nightly features are enabled by RUSTC_BOOTSTRAP.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
export RUSTC_BOOTSTRAP=1
targets=(brief extraction quote_match config positions html pdf)
cargo fuzz build -O
passed=0
for target in "${targets[@]}"; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus"
  # Seed inputs: the sample articles and briefs are realistic starting points.
  case "$target" in
    brief) cp examples/*.md "$corpus/" 2>/dev/null || true ;;
    extraction|quote_match) cp seeds/*.txt "$corpus/" ;;
    config) cp dossier.toml "$corpus/" ;;
    # The committed fixtures: a cluttered article, malformed and empty pages; a two-column
    # report, and the encrypted, image-only and truncated files.
    html) cp tests/fixtures/sources/*.html "$corpus/" ;;
    pdf) cp tests/fixtures/sources/*.pdf "$corpus/" ;;
  esac
  echo "== fuzz $target for ${seconds}s"
  cargo fuzz run -O "$target" "$corpus" -- -max_total_time="$seconds" -rss_limit_mb=4096 -print_final_stats=0 2>&1 | tail -n 3
  passed=$((passed + 1))
done
echo "fuzz smoke: $passed targets ran without a crash"
