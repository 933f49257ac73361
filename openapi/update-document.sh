#!/usr/bin/env bash
# Rewrites openapi/openapi.yaml from the document that a freshly built server serves at /openapi, minus
# Payara's non-standard x-endpoints list. Run it after changing the API and commit the result;
# OpenApiDocumentIT fails, with a diff, until the committed file matches the served one. (Payara may list
# a path's operations in another order from one start to the next; the test ignores that order.)
# The server runs without latchkey.testing.clock-control, so the file is the document users see: without the
# test-only endpoints, their tag and their schemas.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
port="${LATCHKEY_UPDATE_PORT:-18089}"
data="$(mktemp -d)"
trap 'kill "${server:-}" 2>/dev/null || true; wait "${server:-}" 2>/dev/null || true; rm -rf "$data"' EXIT

# ./latchkey run builds with -Dmaven.test.skip=true, so the tests, the lint and the end-to-end suites, which use
# clients generated from the old document, cannot stand in the way of writing the new one.
echo "Building and starting the server on port $port (LATCHKEY_UPDATE_PORT to change it)..."
LATCHKEY_TESTING_CLOCK_CONTROL=false LATCHKEY_DATA_DIR="$data" ./latchkey run --port "$port" >"$data/server.log" 2>&1 &
server=$!
for _ in $(seq 1 600); do
  if curl -fsS "http://127.0.0.1:$port/health/ready" 2>/dev/null | grep -q '"UP"'; then
    curl -fsS "http://127.0.0.1:$port/openapi" \
      | awk '/^x-endpoints:/ { skip = 1; next } skip && /^[^ -]/ { skip = 0 } !skip' >openapi/openapi.yaml
    echo "Rewrote openapi/openapi.yaml from the served document; review it with git diff, then commit it."
    exit 0
  fi
  kill -0 "$server" 2>/dev/null || { cat "$data/server.log" >&2; echo "the server stopped before it was ready" >&2; exit 1; }
  sleep 1
done
cat "$data/server.log" >&2
echo "the server was not ready within 10 minutes" >&2
exit 1
