#!/usr/bin/env bash
# The two set-up commands of the README:
#   ./build.sh demo   runs `sdstream demo --once` on the embedded default (private PostgreSQL, embedded Kafka, in-process silo)
#   ./build.sh test   runs every test, writing TRX results to TestResults/
# Both install what a fresh machine of this kind lacks (PostgreSQL 15 server binaries) and restore NuGet packages.
set -euo pipefail
cd "$(dirname "$0")"

PG_BIN="${SOCIAALDOMEIN_POSTGRES_BIN:-/usr/lib/postgresql/15/bin}"

ensure_postgres() {
  if [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ]; then return; fi
  echo "PostgreSQL 15 server binaries not found in $PG_BIN; installing postgresql-15." >&2
  local sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -q
  # The package's own cluster is not used (the project starts private instances), so keep it from starting.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q postgresql-15 >/dev/null
}

ensure_dotnet() {
  command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not on PATH)." >&2; exit 1; }
}

cmd="${1:-}"
shift || true
case "$cmd" in
  demo)
    ensure_dotnet; ensure_postgres
    dotnet build src/SociaalDomein.Cli -c Release -nologo -v q
    exec dotnet src/SociaalDomein.Cli/bin/Release/net10.0/sdstream.dll demo --once "$@"
    ;;
  test)
    ensure_dotnet; ensure_postgres
    # The dashboard tests drive Debian's Chromium through Playwright; a browser is never downloaded.
    if [ ! -x /usr/bin/chromium ]; then
      echo "/usr/bin/chromium not found; installing Debian's chromium for the dashboard tests." >&2
      sudo=""; if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
      $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium >/dev/null
    fi
    export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
    rm -rf TestResults
    dotnet build SociaalDomein.Streaming.sln -c Release -nologo -v q
    # One project at a time, each with its own TRX file: on two cores, parallel projects only compete for the CPU.
    status=0
    for project in tests/*/*.Tests.csproj; do
      name=$(basename "$project" .csproj)
      dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$name.trx" --results-directory TestResults "$@" || status=$?
    done
    exit "$status"
    ;;
  *)
    echo "usage: ./build.sh demo [sdstream demo options] | ./build.sh test [dotnet test options]" >&2
    exit 2
    ;;
esac
