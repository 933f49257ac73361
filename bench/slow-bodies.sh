#!/usr/bin/env bash
# Slow-body check: 300 loopback connections each trickle a sign-in body (one byte every 5 s) while ping is timed.
# Passes when every ping answers in under 1 s. Usage: bench/slow-bodies.sh [connections=300] [seconds=60]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

CONNECTIONS=${1:-300}
SECONDS_TO_RUN=${2:-60}
PORT=${LATCHKEY_BENCH_PORT:-18481}
WORK=$(mktemp -d)

if [[ ! -f api-module/target/latchkey.jar ]]; then
  ./latchkey mvn -q package -Dmaven.test.skip=true -pl api-module -am
fi
JAVA_HOME=$(./latchkey java-home)

cleanup() { [[ -n "${SERVER:-}" ]] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

LATCHKEY_DATA_DIR="$WORK/data" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -jar api-module/target/latchkey.jar --port "$PORT" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 300); do
  curl -fsS "http://127.0.0.1:$PORT/health/ready" 2>/dev/null | grep -q '"UP"' && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 1
done
ulimit -n 4096 2>/dev/null || true
"$JAVA_HOME/bin/java" bench/SlowBodies.java "$PORT" "$CONNECTIONS" "$SECONDS_TO_RUN" 5
