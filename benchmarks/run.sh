#!/usr/bin/env bash
# The project's main job: the benchmark report.
#
#   benchmarks/run.sh [--scale smoke|small|large] [--db jdbc:postgresql://host:port/db --user U [--password-file F]]
#
# Builds the shaded JMH jar if it is missing or older than the sources, generates the data set into an
# embedded PostgreSQL (or the given database, which must be dedicated to this and reached as a
# superuser), runs every benchmark and writes benchmarks/results/<date>-<scale>.md and .png.
# The given database's password comes from INVOICEKIT_BENCH_PASSWORD or --password-file, never from
# the command line (--password is refused); one run on the machine at a time (JMH's lock).
set -euo pipefail
cd "$(dirname "$0")/.."

java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 |
        awk -F'= ' '/java.specification.version/ { split($2, v, "."); print (v[1] == 1 ? v[2] : v[1]) }'
}

# As .ci/run: JAVA_HOME if it is 21 or newer, else the newest JDK 21+ under /usr/lib/jvm.
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
    best=""
    for jdk in /usr/lib/jvm/*; do
        [ -x "$jdk/bin/javac" ] || continue
        major=$(java_major "$jdk")
        if [ "${major:-0}" -ge 21 ] && { [ -z "$best" ] || [ "$major" -gt "$(java_major "$best")" ]; }; then
            best=$jdk
        fi
    done
    if [ -z "$best" ]; then
        echo "No JDK 21+ found (JAVA_HOME=${JAVA_HOME:-unset}, nothing suitable under /usr/lib/jvm)." >&2
        exit 1
    fi
    export JAVA_HOME=$best
fi

jar=benchmarks/target/benchmarks.jar
if [ ! -f "$jar" ] || [ -n "$(find benchmarks/src benchmarks/pom.xml invoice-*/src migration-scripts/src pom.xml \
        -newer "$jar" -type f -print -quit)" ]; then
    echo "Building $jar with JAVA_HOME=$JAVA_HOME" >&2
    ./mvnw -B -q -pl benchmarks -am package -DskipTests
fi

exec "$JAVA_HOME/bin/java" -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true -jar "$jar" "$@"
