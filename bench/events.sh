#!/usr/bin/env bash
# The event backbone against a running suite (./coachos up with the rate limits raised, see
# docs/benchmarks.md): create-to-notification latency over USERS new users, then the outbox relay's
# throughput over EVENTS events next to the broker's raw produce rate, in one run.
#   bench/events.sh [users=300] [events=20000]     (either may be 0 to skip that part)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
PG=$(ls "$HOME"/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -n 1)
[ -d platform/kafka-broker/target/lib ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
exec "$JAVA" -Dlogback.configurationFile=bench/logback.xml -cp "platform/kafka-broker/target/lib/*:$PG" \
  bench/EventBench.java "${1:-300}" "${2:-20000}"
