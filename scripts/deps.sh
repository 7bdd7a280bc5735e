#!/usr/bin/env bash
# deps.sh installs what raftplay's build and tests need on Debian when it is missing:
# Chromium for the browser tests, the X11/GL headers Ebiten's native (cgo) build needs, and
# etcd 3.4 (server and etcdctl) and curl for the console's differential test against a real etcd.
# (The wasm bundle is compressed by scripts/precompress, in Go.) It is idempotent: with everything
# present it installs nothing and exits 0.
set -euo pipefail

# command-or-file : Debian package that provides it.
needs=(
  "/usr/bin/chromium:chromium"
  "/usr/include/GL/gl.h:libgl1-mesa-dev"
  "/usr/include/X11/Xcursor/Xcursor.h:libxcursor-dev"
  "/usr/include/X11/extensions/XInput2.h:libxi-dev"
  "/usr/include/X11/extensions/Xinerama.h:libxinerama-dev"
  "/usr/include/X11/extensions/Xrandr.h:libxrandr-dev"
  "/usr/include/X11/extensions/xf86vmode.h:libxxf86vm-dev"
  "/usr/bin/etcd:etcd-server"
  "/usr/bin/etcdctl:etcd-client"
  "/usr/bin/curl:curl"
)

missing=()
for pair in "${needs[@]}"; do
  path=${pair%%:*}
  pkg=${pair##*:}
  [ -e "$path" ] || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "deps.sh: installing ${missing[*]}" >&2
if [ "$(id -u)" -ne 0 ]; then
  sudo=""
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi
  if [ -z "$sudo" ]; then
    echo "deps.sh: missing packages: ${missing[*]}" >&2
    echo "deps.sh: run as root, or install them with: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
else
  sudo=""
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "deps.sh: installed ${missing[*]}" >&2
