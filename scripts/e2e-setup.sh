#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, idempotently: Debian's Chromium (driven by playwright-core),
# libkrb5-dev and ripgrep (both needed to build code-server), and code-server 4.100.3 (VS Code 1.100.3, the
# newest release that runs on Node 20) into .e2e/cs. Anything already present at the pinned version is skipped,
# so a second run takes about a second. Everything lands under .e2e/ (gitignored).
#
# code-server's install needs three workarounds on a machine that reaches only the npm registry and Debian:
#   - @vscode/ripgrep's postinstall downloads rg from GitHub: seed its download cache with Debian's rg 13.0.0;
#   - node-pty's postinstall runs `npx node-gyp`, which a `yes=false` npmrc cancels: set npm_config_yes=true;
#   - the kerberos add-on falls back to a source build that needs gssapi headers: libkrb5-dev.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E="${RSC_E2E_DIR:-$ROOT/.e2e}"
CODE_SERVER_VERSION=4.100.3
RIPGREP_CACHE=vscode-ripgrep-cache-1.15.11
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

mkdir -p "$E2E/tmp"
log() { echo "[e2e-setup] $*"; }

# 1) Debian packages. apt-get update only when something is missing, because it is the slow part.
missing=()
for pkg in chromium libkrb5-dev ripgrep; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "apt packages present: chromium libkrb5-dev ripgrep"
fi

# 2) code-server, pinned, in its own folder so it never touches the extension's node_modules.
CS_BIN="$E2E/cs/node_modules/.bin/code-server"
installed=""
if [ -f "$E2E/cs/node_modules/code-server/package.json" ]; then
  installed="$(node -p "require('$E2E/cs/node_modules/code-server/package.json').version" 2>/dev/null || true)"
fi
if [ "$installed" = "$CODE_SERVER_VERSION" ] && [ -x "$CS_BIN" ]; then
  log "code-server $CODE_SERVER_VERSION present"
else
  log "installing code-server $CODE_SERVER_VERSION into $E2E/cs"
  export TMPDIR="$E2E/tmp"
  # Seed @vscode/ripgrep's download cache (it lives in os.tmpdir()) with Debian's rg of the same version.
  mkdir -p "$TMPDIR/$RIPGREP_CACHE" "$E2E/rg"
  cp "$(command -v rg)" "$E2E/rg/rg"
  tar czf "$TMPDIR/$RIPGREP_CACHE/$RIPGREP_ASSET" -C "$E2E/rg" rg
  mkdir -p "$E2E/cs"
  echo '{"name":"rsc-e2e-code-server","private":true}' > "$E2E/cs/package.json"
  # node-gyp builds native add-ons against the system Node headers, so nothing is downloaded for them.
  nodedir_args=()
  if [ -f /usr/include/node/node.h ]; then nodedir_args=(--nodedir=/usr); fi
  (cd "$E2E/cs" && npm_config_yes=true npm install --unsafe-perm --no-audit --no-fund \
    "${nodedir_args[@]}" "code-server@$CODE_SERVER_VERSION" </dev/null)
  "$CS_BIN" --version | head -1
fi
log "ready"
