#!/usr/bin/env bash
# Runs every test: domain units, integration tests on a throwaway PostgreSQL cluster, bUnit, and Playwright in
# Debian's Chromium. Installs what is missing (Chromium), then prints "N passed, N failed, N skipped" alone on
# the last line and exits non-zero when anything failed or no test ran.
#   ./test.sh                    everything
#   ./test.sh --filter EXPR      a subset (dotnet test --filter syntax)
set -uo pipefail
cd "$(dirname "$0")"
root=$PWD

# 1. Chromium for the browser tests (Debian's package; Playwright's own download is not reachable here).
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium (Debian package)..."
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null || {
    echo "Could not install Chromium." >&2
    echo "0 passed, 1 failed"
    exit 1
  }
fi
export CHROMIUM_PATH=/usr/bin/chromium

# 2. A throwaway PostgreSQL cluster, reached through its Unix socket only (no port to collide with).
# shellcheck source=tools/pg.sh
source tools/pg.sh
work=$(mktemp -d /tmp/servicebooking-test.XXXXXX)
chmod 755 "$work"
cleanup() {
  pg_stop "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT
PG_FSYNC=off pg_init "$work/pg" && PG_FSYNC=off pg_start "$work/pg" "$work/sock" || {
  echo "0 passed, 1 failed"
  exit 1
}
export SERVICEBOOKING_TEST_PG="Host=$work/sock;Port=5432;Username=app;Database=postgres"

# 3. The tests.
dotnet test ServiceBooking.sln --nologo "$@" \
  --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" \
  --results-directory "$work/results"
status=$?

# 4. The summary line.
trx=$(find "$work/results" -name '*.trx' 2>/dev/null | head -n 1)
passed=0 failed=0 skipped=0
if [ -n "$trx" ]; then
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$(value passed)
  failed=$(( $(value failed) + $(value error) + $(value timeout) + $(value aborted) ))
  skipped=$(value notExecuted)
fi
if [ -n "$trx" ] && [ "$failed" -gt 0 ]; then
  # Name each failed test with the start of its message, so the end of a long log says what broke.
  echo "Failed tests:"
  awk 'BEGIN { RS = "<UnitTestResult " } substr($0, 1, index($0, ">")) ~ /outcome="Failed"/ {
         match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11)
         msg = ""; if (match($0, /<Message>[^<]*/)) msg = substr($0, RSTART + 9, RLENGTH - 9)
         gsub(/[\r\n]+/, " ", msg); print "  " name "\n    " substr(msg, 1, 600) }' "$trx"
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the run itself failed (build error, crashed test host)
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
