#!/usr/bin/env bash
# Installs what the browser test needs, offline apart from Debian's and npm's registries:
#   Debian: chromium (driven by playwright-core; no browser download), libkrb5-dev (code-server
#           builds the kerberos module), ripgrep (stands in for @vscode/ripgrep's GitHub download),
#           a font, and a C++ toolchain and Python for node-gyp;
#   npm:    code-server 4.100.3 and playwright-core from package-lock.json (npm ci).
# Idempotent: skips apt-get when the packages are there and npm ci when node_modules matches
# the lockfile. Fails (never skips) when something cannot be installed.
set -euo pipefail
cd "$(dirname "$0")"

log() { echo "browser/install.sh: $*"; }

# --- Debian packages -------------------------------------------------------------------
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
missing=()
for package in chromium libkrb5-dev ripgrep; do installed "$package" || missing+=("$package"); done
# Without recommends, chromium may come without a font: the screenshots would show no text.
ls /usr/share/fonts/truetype/*/*.ttf >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
command -v make >/dev/null 2>&1 && command -v g++ >/dev/null 2>&1 || missing+=(build-essential)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  log "apt-get install ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
for tool in chromium rg; do command -v "$tool" >/dev/null 2>&1 || { log "$tool is not installed"; exit 1; }; done

# --- npm packages ----------------------------------------------------------------------
stamp=node_modules/.dossier-installed
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp" && [ -x node_modules/.bin/code-server ] \
  && [ -d node_modules/code-server/lib/vscode/node_modules/node-pty ]; then
  log "node_modules is up to date with package-lock.json"
  exit 0
fi

# @vscode/ripgrep (a dependency of code-server's VS Code) downloads rg from GitHub in its
# postinstall unless its cache holds the release archive: put Debian's rg there.
rg_package=1.15.11          # @vscode/ripgrep in code-server 4.100.3's npm-shrinkwrap.json
rg_release=v13.0.0-10       # VERSION in its lib/postinstall.js
case "$(uname -m)" in
  x86_64) rg_target=x86_64-unknown-linux-musl ;;
  aarch64) rg_target=aarch64-unknown-linux-musl ;;
  *) log "unsupported machine $(uname -m)"; exit 1 ;;
esac
tmp="$(node -p 'require("os").tmpdir()')"
rg_cache="$tmp/vscode-ripgrep-cache-$rg_package"
mkdir -p "$rg_cache"
staging="$(mktemp -d)"
cp "$(command -v rg)" "$staging/rg"
tar czf "$rg_cache/ripgrep-$rg_release-$rg_target.tar.gz" -C "$staging" rg
rm -rf "$staging"

# code-server's postinstall runs `npm install` in lib/vscode and lib/vscode/extensions, whose
# native modules (node-pty, kerberos, spdlog, ...) have install scripts. npm 11 runs a
# dependency's install scripts only when approved: allowScripts in package.json approves
# code-server and argon2 here, but the nested installs have their own package.json (without
# allowScripts) and reject an allow-scripts list from the environment. Everything installed is
# pinned (our package-lock.json, code-server's npm-shrinkwrap.json), so let every install
# script of this tree run, as npm 10 did.
export npm_config_dangerously_allow_all_scripts=true
# Native modules build with node-gyp against the installed Node's headers, not downloaded ones.
node_prefix="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
if [ -z "${npm_config_nodedir:-}" ] && [ -f "$node_prefix/include/node/node_api.h" ]; then
  export npm_config_nodedir="$node_prefix"
fi
export npm_config_unsafe_perm=true npm_config_yes=true
log "npm ci (code-server builds its native modules: a few minutes)"
npm ci --no-audit --no-fund --foreground-scripts
[ -x node_modules/.bin/code-server ] || { log "node_modules/.bin/code-server is missing"; exit 1; }
cp package-lock.json "$stamp"
