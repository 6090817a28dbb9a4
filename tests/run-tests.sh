#!/usr/bin/env bash
# Runs Trap's whole test suite. Installs what the tests need (Debian packages) when missing, so it
# works on a fresh machine: casacore-tools (image2fits for CASA images), python3-astropy and
# python3-photutils (independent cross-checks), PostgreSQL (catalogue database tests), Chromium
# (web interface tests, driven headless by Playwright without downloading a browser).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v image2fits >/dev/null 2>&1 || need+=(casacore-tools)
/usr/bin/python3 -c "import astropy" >/dev/null 2>&1 || need+=(python3-astropy)
/usr/bin/python3 -c "import photutils" >/dev/null 2>&1 || need+=(python3-photutils)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing test prerequisites: ${need[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi

dotnet build Trap.sln -c Release -nologo -v q
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
# One test project at a time (-m:1): the cluster tests share the project-local PostgreSQL with the
# storage and web tests and must not run beside them. A test that hangs fails the run after 10 minutes
# (with a dump) instead of holding CI to its limit.
dotnet test Trap.sln -c Release --no-build -nologo -m:1 --blame-hang-timeout 10m "$@" 2>&1 | tee "$log" || status=$?
# One closing line for the whole suite, summed over the test projects.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { gsub(",", "", p); printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
