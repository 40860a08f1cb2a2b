#!/usr/bin/env bash
# Set up kehoach on a fresh Debian/Ubuntu machine: system packages (where missing), a venv,
# and the package itself installed from this checkout with its test extras. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie || need+=(tesseract-ocr tesseract-ocr-vie)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu fonts-liberation)
if [ "${KEHOACH_BROWSER:-1}" = 1 ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing system packages: ${need[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
# Install only when the project files changed since the last install.
stamp=.venv/.kehoach-installed
sum=$(cat pyproject.toml | sha256sum | cut -c1-16)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sum" ]; then
  .venv/bin/pip install -q --upgrade pip wheel setuptools >/dev/null
  .venv/bin/pip install -q -e ".[test,fast]"
  echo "$sum" > "$stamp"
fi

# The parser's modules compiled by Cython (issue 14: the same code, ~14% fewer instructions a
# plan); only the modules changed since their last compilation are compiled again.
# KEHOACH_PURE=1 skips it (and makes kehoach import every .py).
if [ "${KEHOACH_PURE:-0}" = 0 ]; then
  .venv/bin/python scripts/compile.py || echo "setup: the parser was not compiled; it runs as pure Python" >&2
fi
