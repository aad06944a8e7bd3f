#!/usr/bin/env bash
# Module switch latency: how long from "switch module X off/on for an initiative" until the very
# next request to that initiative sees it, and how long a bundle update takes. Starts the exported
# jar with --demo on a free port and a fresh data directory, signs in as the demo admin, then:
#   - N times: PUT /api/v1/lindeholt/modules/buurtnieuws {"enabled":false|true} and immediately
#     GET /api/v1/lindeholt/buurtnieuws/items, checking 404 resp. 200 (the switch is visible on the
#     next request, or the script fails); reports median/p90/max of PUT+GET in ms;
#   - M times: POST /api/v1/platform/bundles with the hello fixture (new version each time) and
#     reports median/max of the update call (resolve, update, refresh, start, module active).
#
#   runtime/scripts/toggle-latency.sh [-n TOGGLES] [-m UPDATES] [-j JAR]
set -euo pipefail
toggles=50
updates=10
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jar="$root/runtime/target/samenredzaam.jar"
while getopts "n:m:j:" opt; do
  case $opt in
    n) toggles=$OPTARG ;;
    m) updates=$OPTARG ;;
    j) jar=$OPTARG ;;
    *) sed -n '2,12p' "$0"; exit 2 ;;
  esac
done
hello=$(ls "$root"/modules/fixtures/hello/target/nl.samenredzaam.fixture.hello-*.jar 2>/dev/null | head -n 1 || true)
[ -f "$jar" ] || { echo "no jar at $jar: run 'mvn -B -q install -DskipTests' first" >&2; exit 2; }
[ -n "$hello" ] || { echo "hello fixture not built: run 'mvn -B -q install -DskipTests' first" >&2; exit 2; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
SAMENREDZAAM_ADMIN_PASSWORD=toggle-latency-2026 java -jar "$jar" --port "$port" --data-dir "$work/data" --demo >"$work/log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health")" = 200 ] && break
  sleep 0.2
done
token() { curl -s -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$1\",\"password\":\"$2\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'; }
admin=$(token beheerder lindeholt-demo)
operator=$(token admin toggle-latency-2026)

ms() { python3 -c 'import sys,statistics; v=sorted(float(x) for x in sys.stdin.read().split()); print("n=%d median=%.1f p90=%.1f max=%.1f ms" % (len(v), statistics.median(v), v[int(0.9*(len(v)-1))], v[-1]))'; }

: > "$work/toggle"
for i in $(seq 1 "$toggles"); do
  for state in false true; do
    want=$([ $state = true ] && echo 200 || echo 404)
    t0=$(date +%s%N)
    curl -s -o /dev/null -X PUT "$base/api/v1/lindeholt/modules/buurtnieuws" -H "Authorization: Bearer $admin" \
      -H 'Content-Type: application/json' -d "{\"enabled\":$state}"
    got=$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/lindeholt/buurtnieuws/items")
    t1=$(date +%s%N)
    [ "$got" = "$want" ] || { echo "switch not visible on the next request: wanted $want, got $got" >&2; exit 1; }
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", (b - a) / 1000000 }' >> "$work/toggle"
  done
done
echo "switch + next request: $(ms < "$work/toggle")"

: > "$work/update"
for i in $(seq 1 "$updates"); do
  python3 - "$hello" "$work/hello.jar" "9.0.$i" <<'PY'
import sys, zipfile
src, dst, version = sys.argv[1:]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "META-INF/MANIFEST.MF":
            lines = data.decode().replace("\r\n ", "").splitlines()
            data = ("\r\n".join(l if not l.startswith("Bundle-Version:") else "Bundle-Version: " + version for l in lines) + "\r\n").encode()
        zout.writestr(item, data)
PY
  code=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X POST "$base/api/v1/platform/bundles" \
    -H "Authorization: Bearer $operator" -H 'Content-Type: application/java-archive' --data-binary @"$work/hello.jar")
  case $code in 20[01]*) ;; *) echo "bundle upload failed: $code" >&2; exit 1 ;; esac
  echo "${code#* }" | awk '{printf "%.1f\n", $1*1000}' >> "$work/update"
done
echo "bundle install/update: $(ms < "$work/update")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
