#!/usr/bin/env bash
# Makes Debian's python3-kubernetes importable by /usr/bin/python3, installing it with apt-get
# when missing (quietly; idempotent). Exit 0: ready. Exit 3: apt cannot provide it here (no
# apt-get, no root, or the package cannot be fetched); the reason is the last line on stderr.
set -u
PY=/usr/bin/python3
has_module() { [ -x "$PY" ] && "$PY" -c 'import kubernetes' >/dev/null 2>&1; }

has_module && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "python3-kubernetes is missing and this machine has no apt-get" >&2
  exit 3
fi
SUDO=()
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=(sudo -n); else
    echo "python3-kubernetes is missing and apt-get needs root (no passwordless sudo)" >&2
    exit 3
  fi
fi
export DEBIAN_FRONTEND=noninteractive
if ! ${SUDO[@]+"${SUDO[@]}"} apt-get install -y -qq --no-install-recommends python3-kubernetes >/dev/null 2>&1; then
  ${SUDO[@]+"${SUDO[@]}"} apt-get update -qq >/dev/null 2>&1
  if ! ${SUDO[@]+"${SUDO[@]}"} apt-get install -y -qq --no-install-recommends python3-kubernetes >/dev/null 2>&1; then
    echo "apt-get could not install python3-kubernetes (no reachable Debian mirror?)" >&2
    exit 3
  fi
fi
has_module && exit 0
echo "python3-kubernetes was installed but /usr/bin/python3 cannot import kubernetes" >&2
exit 3
