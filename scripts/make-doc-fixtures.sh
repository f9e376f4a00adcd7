#!/usr/bin/env bash
# Remakes fixtures/docs/ and fixtures/malformed/ from the plain-text sources in
# fixtures/docs/ (see scripts/make-doc-fixtures.py). Needs python3 (3.9 or
# later) and the DejaVu fonts (Debian: apt-get install -y fonts-dejavu-core);
# the Python packages are installed, at pinned versions, into a virtual
# environment under target/.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${FIXTURES_VENV:-target/fixtures-venv}"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet reportlab==5.1.0 python-docx==1.2.0 pillow==13.0.0
fi
exec "$venv/bin/python" scripts/make-doc-fixtures.py "$@"
