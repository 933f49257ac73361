#!/usr/bin/env bash
# Latchkey's authentication benchmark: one server, four measurements, side by side.
#   1. GET /api/v1/ping without credentials              (the baseline)
#   2. GET /api/v1/whoami with a valid key (warm cache)   target >= 0.9 x ping throughput
#   3. GET /api/v1/whoami with a malformed key (401)      target >= 0.9 x ping throughput
#   4. cold verification: each request a never-seen key   target median <= 40 ms
# Usage: bench/run.sh [seconds-per-run (default 20)] [connections (default 32)]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DURATION=${1:-20}
CONNECTIONS=${2:-32}
THREADS=2
PORT=${LATCHKEY_BENCH_PORT:-18480}
COLD_KEYS=${LATCHKEY_BENCH_COLD_KEYS:-200}
WORK=$(mktemp -d)
BASE="http://127.0.0.1:$PORT"
OWNER_EMAIL=bench@latchkey.test
OWNER_PASSWORD=bench-password-$(date +%s)

command -v wrk >/dev/null || { echo "bench: wrk is needed (apt-get install -y wrk)" >&2; exit 1; }
command -v jq >/dev/null || { echo "bench: jq is needed (apt-get install -y jq)" >&2; exit 1; }

if [[ ! -f api-module/target/latchkey.jar ]]; then
  ./latchkey mvn -q package -DskipTests -Dmaven.test.skip=true -pl api-module -am
fi
JAVA_HOME=$(./latchkey java-home)

cleanup() { [[ -n "${SERVER:-}" ]] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

LATCHKEY_DATA_DIR="$WORK/data" LATCHKEY_OWNER_EMAIL=$OWNER_EMAIL LATCHKEY_OWNER_PASSWORD=$OWNER_PASSWORD \
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar api-module/target/latchkey.jar --port "$PORT" \
  >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 180); do
  curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$BASE/health/ready" >/dev/null || { tail -50 "$WORK/server.log"; echo "bench: server not ready" >&2; exit 1; }

json() { curl -fsS -H 'Content-Type: application/json' -H 'Accept: application/json' "$@"; }
TOKEN=$(json -X POST "$BASE/api/v1/auth/tokens" -d "{\"email\":\"$OWNER_EMAIL\",\"password\":\"$OWNER_PASSWORD\"}" \
  | jq -r .data.attributes.token)
new_key() { # runs the whole wizard and prints the plaintext key
  local wizard key
  wizard=$(json -X POST -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/api-key-wizards" | jq -r .data.id)
  json -X PUT -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/api-key-wizards/$wizard/details" \
    -d "{\"name\":\"bench $1\",\"expiration\":\"1d\"}" >/dev/null
  key=$(json -X PUT -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/api-key-wizards/$wizard/scopes" \
    -d '{"scopes":["read:users"]}' | jq -r .data.attributes.apiKey)
  json -X POST -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/api-key-wizards/$wizard/acknowledgement" \
    -d '{"storedSafely":true}' >/dev/null
  printf '%s\n' "$key"
}

echo "Preparing keys..."
WARM_KEY=$(new_key warm)
for i in $(seq 1 "$COLD_KEYS"); do new_key "cold $i"; done >"$WORK/cold-keys.txt"
# Same length and prefix as a real key, but the checksum is wrong: rejected before any I/O.
MALFORMED_KEY="${WARM_KEY:0:48}zzzzzz"

run() { # name, then wrk arguments; prints "name requests/s p50 p99"
  local name=$1; shift
  wrk --latency -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" "$@" >"$WORK/$name.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/$name.txt")
  p50=$(awk '$1=="50%" {print $2}' "$WORK/$name.txt")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/$name.txt")
  printf '%-22s %12s %10s %10s\n' "$name" "$rps" "$p50" "$p99"
}

echo "Warming up..."
wrk -t2 -c"$CONNECTIONS" -d5s "$BASE/api/v1/ping" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s -H "X-API-Key: $WARM_KEY" "$BASE/api/v1/whoami" >/dev/null

printf '\n%-22s %12s %10s %10s\n' "run" "requests/s" "p50" "p99"
run ping "$BASE/api/v1/ping"
run whoami-valid-key -H "X-API-Key: $WARM_KEY" "$BASE/api/v1/whoami"
run whoami-malformed-key -H "X-API-Key: $MALFORMED_KEY" "$BASE/api/v1/whoami"
# One connection, so each verification is measured alone; 5 s at ~40 ms each stays within the fresh keys.
wrk --latency -t1 -c1 -d5s -s bench/cold.lua "$BASE/api/v1/whoami" -- "$WORK/cold-keys.txt" \
  >"$WORK/cold.txt"
printf '%-22s %12s %10s %10s\n' "cold-verification" "$(awk '/Requests\/sec/ {print $2}' "$WORK/cold.txt")" \
  "$(awk '$1=="50%" {print $2}' "$WORK/cold.txt")" "$(awk '$1=="99%" {print $2}' "$WORK/cold.txt")"
grep 'cold requests' "$WORK/cold.txt"

echo
echo "Machine: $(nproc) cores, $(awk '/model name/ {$1=$2=$3=""; print; exit}' /proc/cpuinfo | sed 's/^ *//'), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
