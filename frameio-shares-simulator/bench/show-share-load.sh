#!/usr/bin/env bash
# Measures how many GET show-share requests per second the standalone simulator serves with keep-alive.
# Usage: frameio-shares-simulator/bench/show-share-load.sh [seconds] [connections]
# Needs: a built jar (mvn -pl frameio-shares-simulator package -DskipTests), curl and wrk (apt-get install wrk).
# Without wrk, the benchmarks module measures the same in Java (section 7 of docs/benchmarks.md):
#   java -cp <the benchmarks' classpath> io.github.camelframeio.benchmarks.BenchmarkSuite --only simulator
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/target/frameio-shares-simulator.jar"
seconds=${1:-15}
connections=${2:-16}
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 2; }
[ -f "$jar" ] || { echo "build the jar first: mvn -pl frameio-shares-simulator package -DskipTests" >&2; exit 2; }

out=$(mktemp)
java -jar "$jar" --port 0 --no-rate-limits >"$out" &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 1 100); do [ -s "$out" ] && break; sleep 0.1; done
url=$(head -1 "$out" | sed 's/.* on //')
fixtures=$(curl -s "$url/_sim/fixtures")
field() { printf '%s' "$fixtures" | sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"; }
token=$(field token); account=$(field account_id); project=$(field project_id)
share=$(curl -s -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"data":{"type":"asset","name":"Load","access":"public"}}' \
  "$url/v4/accounts/$account/projects/$project/shares" | sed -E 's/^\{"data":\{"id":"([^"]+)".*/\1/')

echo "simulator $url, share $share, $connections keep-alive connections, ${seconds}s, $(nproc) cores"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $token" \
  "$url/v4/accounts/$account/shares/$share"
