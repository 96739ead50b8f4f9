#!/usr/bin/env bash
# Measures the show-share throughput of the simulator at two commits one after the other, with the same load
# (ShowShareLoad.java, the load of benchmark 7), e.g. the hand-written server (36da98f) and this build's Jetty 12:
#   frameio-shares-simulator/bench/compare-servers.sh 36da98f HEAD
# Needs only the JDK and Maven (offline is fine once the dependencies are in ~/.m2).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
here="$repo/frameio-shares-simulator/bench"
work=$(mktemp -d)
trap 'for c in "$work"/*/; do git -C "$repo" worktree remove --force "$c" 2>/dev/null || true; done; rm -rf "$work"' EXIT
for commit in "$@"; do
  dir="$work/$commit"
  git -C "$repo" worktree add -q --detach "$dir" "$commit"
  (cd "$dir" && mvn -q -o -pl frameio-shares-simulator -am package -DskipTests \
     && mvn -q -o -pl frameio-shares-simulator dependency:build-classpath -Dmdep.outputFile="$dir/cp.txt" \
          -Dmdep.includeScope=test) >/dev/null
  own="$dir/frameio-shares-simulator/target/classes:$dir/frameio-shares-contract/target/classes"
  hc=$(cd "$repo" && mvn -q -o -pl frameio-shares-client dependency:build-classpath -Dmdep.outputFile=/dev/stdout \
        -Dmdep.includeScope=compile)
  # the contract module of the same commit, not one that may sit in ~/.m2
  deps=$(tr ':' '\n' <"$dir/cp.txt" | grep -v 'io/github/camelframeio' | paste -sd:)
  echo "$commit"
  java -cp "$own:$deps:$hc" "$here/ShowShareLoad.java" 3000 8 "$commit" 2>/dev/null | tail -3
done
