#!/usr/bin/env bash
# The wrk suite (issue 10): the platform's throughput and latency next to a bare Jetty 12 ceiling
# measured in the same run, on loopback, with the same wrk threads/connections/duration for each.
#
#   modules/benchmarks/wrk/run.sh [-d SECONDS] [-w WARMUP] [-c CONNECTIONS] [-t THREADS]
#                                 [-n ACTIVITIES] [-i INITIATIVES] [-J "JVM flags"] [-o FILE]
#                                 [-T TIMEOUT] [-s] [-S] [-p]
#
#   -d  measured seconds per target (default 15)      -w  warm-up seconds before each (default 5)
#   -c  wrk connections (default 16)                  -t  wrk threads (default 2)
#   -n  activities in the calendar data set (10000)   -i  initiatives for the scale test (1000)
#   -J  JVM flags for BOTH the platform and the ceiling (default "-Xmx1g")
#   -T  wrk's per-request timeout (default 10s; wrk's own default of 2s drops slow answers from the statistics)
#   -o  also write the result table to FILE (default modules/benchmarks/target/wrk-results.md)
#   -s  skip the scale test (1 vs N initiatives)      -S  only the scale test
#   -p  record a JFR profile of the platform during each platform target (target/wrk-*.jfr)
#       and print where its CPU samples go (jfr-top.py)
#
# What it does:
#  1. starts runtime/target/samenredzaam.jar with --demo on a fresh data directory and a free port;
#  2. creates ACTIVITIES one-off activities over the coming year in the demo initiative `lindeholt`
#     through the calendar API (Seeder calendar);
#  3. fetches each benchmarked answer once and starts the ceiling (CeilingServer, same JVM flags):
#     /json (a small Jackson-written JSON object) and /file/<target> (the very bytes the platform
#     answered, so a ratio against it measures the platform's work, not the answer's size);
#  4. runs wrk (warm-up, then measured) against: the ceiling; the calendar API month listing; the
#     resident calendar page (month view); an authenticated API call (Bearer token,
#     GET /api/v1/lindeholt/calendar/registrations/mine as the demo resident);
#  5. scale: creates bench-0001 (every module, small data), measures a request mix (resident home
#     page, calendar API listing, buurtnieuws API listing) on it; creates bench-0002..bench-N with
#     random module sets and data (Seeder initiatives), then measures the same mix spread over all N;
#  6. prints requests/s, p50/p99 latency, ratios and the platform's RSS after start and after load.
# Answers other than 2xx/3xx are counted in the table (a fast 404 or 503 is no result) and make the
# script exit 1 after the table is printed.
# Timing figures on a shared machine are noise: the load average is printed with every table.
set -euo pipefail

duration=15
warmup=5
connections=16
threads=2
activities=10000
initiatives=1000
jvm="-Xmx1g"
timeout=10s
failed=
skip_scale=
only_scale=
profile=
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
out="$root/modules/benchmarks/target/wrk-results.md"
while getopts "d:w:c:t:n:i:J:o:T:sSp" opt; do
  case $opt in
    d) duration=$OPTARG ;; w) warmup=$OPTARG ;; c) connections=$OPTARG ;; t) threads=$OPTARG ;;
    n) activities=$OPTARG ;; i) initiatives=$OPTARG ;; J) jvm=$OPTARG ;; o) out=$OPTARG ;; T) timeout=$OPTARG ;;
    s) skip_scale=1 ;; S) only_scale=1 ;; p) profile=1 ;;
    *) sed -n '2,39p' "$0"; exit 2 ;;
  esac
done

jar="$root/runtime/target/samenredzaam.jar"
bench="$root/modules/benchmarks/target"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }
[ -f "$jar" ] || { echo "no platform jar at $jar: run 'mvn -B -q install -DskipTests' first" >&2; exit 2; }
if ! ls "$bench"/nl.samenredzaam.benchmarks-*.jar >/dev/null 2>&1 || [ ! -f "$bench/classpath.txt" ]; then
  echo "building modules/benchmarks ..." >&2
  mvn -B -q -f "$root/modules/benchmarks/pom.xml" package -DskipTests >&2
fi
cp="$(ls "$bench"/nl.samenredzaam.benchmarks-*.jar | head -n 1):$(cat "$bench/classpath.txt")"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
rss_mib() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }

work=$(mktemp -d /tmp/wrk-suite.XXXXXX)
platform_pid=
ceiling_pid=
cleanup() {
  for p in $platform_pid $ceiling_pid; do
    if kill -0 "$p" 2>/dev/null; then kill "$p"; wait "$p" 2>/dev/null || true; fi
  done
  rm -rf "$work"
}
trap cleanup EXIT

# A private copy: others may rebuild the shared jar while the suite runs.
cp "$jar" "$work/samenredzaam.jar"
jar="$work/samenredzaam.jar"
export SAMENREDZAAM_ADMIN_PASSWORD="wrk-suite-$(date +%s)"
port=$(free_port)
base="http://127.0.0.1:$port"
echo "platform: java $jvm -jar $jar --port $port --data-dir $work/data --demo" >&2
# shellcheck disable=SC2086
java $jvm -jar "$jar" --port "$port" --data-dir "$work/data" --demo >"$work/platform.log" 2>&1 &
platform_pid=$!
for _ in $(seq 1 900); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health")" = 200 ] && break
  kill -0 "$platform_pid" 2>/dev/null || { tail -n 30 "$work/platform.log" >&2; exit 1; }
  sleep 0.2
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health")" = 200 ] || { echo "platform did not come up" >&2; tail -n 30 "$work/platform.log" >&2; exit 1; }
rss_start=$(rss_mib "$platform_pid")
echo "platform up on $base, RSS $rss_start MiB" >&2

seeder() { java $jvm -cp "$cp" nl.samenredzaam.benchmarks.wrk.Seeder "$@"; }

# One wrk run (warm-up, then measured): writes "rps p50 p99" to $work/NAME.res and the raw line
# to $work/raw; read it back with `result NAME`.
#   measure NAME URL [paths-file] [token]
measure() {
  local name=$1 url=$2 paths=${3:-} token=${4:-} line
  # wrk stops without waiting for the requests still in flight: give the server a moment to finish
  # them, so that one target's backlog does not count against the next.
  sleep 3
  WRK_PATHS=$paths WRK_TOKEN=$token wrk -t "$threads" -c "$connections" -d "${warmup}s" --timeout "$timeout" -s "$here/report.lua" "$url" >/dev/null
  local jfr=
  if [ -n "$profile" ] && [ "$url" != "${url#"$base"}" ]; then
    jfr="$bench/wrk-$name.jfr"
    jcmd "$platform_pid" JFR.start name="$name" settings=profile filename="$jfr" >/dev/null
  fi
  line=$(WRK_PATHS=$paths WRK_TOKEN=$token wrk -t "$threads" -c "$connections" -d "${duration}s" --timeout "$timeout" -s "$report" "$url" | grep '^RESULT')
  if [ -n "$jfr" ]; then
    jcmd "$platform_pid" JFR.stop name="$name" >/dev/null
    echo "--- $name: where the CPU samples go ($jfr) ---" >&2
    jfr print --stack-depth 64 --events jdk.ExecutionSample "$jfr" | python3 "$here/jfr-top.py" >&2
  fi
  echo "$name $line" >> "$work/raw"
  case $line in *"RESULT requests=0 "*) echo "$name: not a single answer within the run" >&2; failed=1 ;; esac
  case $line in *" non2xx=0 "*) ;; *) echo "$name: answers that were not 2xx/3xx: $line" >&2; failed=1 ;; esac
  case $line in *" connect_err=0 read_err=0 write_err=0 timeouts=0"*) ;; *) echo "$name: socket errors or timeouts: $line" >&2; failed=1 ;; esac
  echo "$line" | sed -E 's/.* rps=([0-9.]+) p50_ms=([0-9.]+) p99_ms=([0-9.]+).* non2xx=([0-9]+).* timeouts=([0-9]+).*/\1 \2 \3 \4+\5/' > "$work/$name.res"
  echo "$name: $(cat "$work/$name.res") (rps p50 p99 non-2xx+timeouts)" >&2
}
result() { cat "$work/$1.res"; }
report="$here/report.lua"

: > "$work/raw"
table="$work/table.md"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
{
  echo "wrk suite $(date -u '+%Y-%m-%d %H:%M UTC'): wrk -t $threads -c $connections -d ${duration}s (after ${warmup}s warm-up) on loopback;"
  echo "JVM flags \`$jvm\` for platform and ceiling; $(nproc) cores; $(java -version 2>&1 | sed -n 1p); load average at start $load_before"
  echo
} > "$table"

if [ -z "$only_scale" ]; then
  seeder calendar "$base" lindeholt "$activities" >&2
  month=$(date -d "$(date +%Y-%m-01) +1 month" +%Y-%m-01)
  next=$(date -d "$month +1 month" +%Y-%m-01)
  offset() { TZ=Europe/Amsterdam date -d "$1 00:00" +%:z | sed 's/+/%2B/'; }
  api="/api/v1/lindeholt/calendar/activities?from=${month}T00:00:00$(offset "$month")&to=${next}T00:00:00$(offset "$next")"
  page="/lindeholt/calendar?view=month&date=$month"
  auth="/api/v1/lindeholt/calendar/registrations/mine"
  resident=$(seeder token "$base" resident lindeholt-demo)
  curl -sf -o "$work/api.body" "$base$api"
  curl -sf -o "$work/page.body" "$base$page"
  curl -sf -o "$work/auth.body" -H "Authorization: Bearer $resident" "$base$auth"
  occurrences=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$work/api.body")
  cport=$(free_port)
  # shellcheck disable=SC2086
  java $jvm -cp "$cp" nl.samenredzaam.benchmarks.wrk.CeilingServer "$cport" "api=$work/api.body" \
    "page=$work/page.body:text/html;charset=utf-8" "auth=$work/auth.body" >"$work/ceiling.log" 2>&1 &
  ceiling_pid=$!
  for _ in $(seq 1 100); do grep -q listening "$work/ceiling.log" && break; sleep 0.1; done
  ceiling="http://127.0.0.1:$cport"
  echo "ceiling: $(grep listening "$work/ceiling.log")" >&2

  measure ceiling-json "$ceiling/json"
  read -r c_rps c_p50 c_p99 c_err < <(result ceiling-json)
  measure ceiling-api-bytes "$ceiling/file/api"
  read -r ca_rps ca_p50 ca_p99 ca_err < <(result ceiling-api-bytes)
  measure calendar-api "$base$api"
  read -r a_rps a_p50 a_p99 a_err < <(result calendar-api)
  measure ceiling-page-bytes "$ceiling/file/page"
  read -r cp_rps cp_p50 cp_p99 cp_err < <(result ceiling-page-bytes)
  measure resident-page "$base$page"
  read -r p_rps p_p50 p_p99 p_err < <(result resident-page)
  measure ceiling-auth-bytes "$ceiling/file/auth"
  read -r cu_rps cu_p50 cu_p99 cu_err < <(result ceiling-auth-bytes)
  measure authenticated-api "$base$auth" "" "$resident"
  read -r u_rps u_p50 u_p99 u_err < <(result authenticated-api)
  rss_load=$(rss_mib "$platform_pid")
  kill "$ceiling_pid"; wait "$ceiling_pid" 2>/dev/null || true; ceiling_pid=
  pct() { python3 -c "import sys; print('%.0f %%' % (100 * float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }
  {
    echo "Throughput: lindeholt with $activities extra activities; the month $month lists $occurrences occurrences ($(wc -c < "$work/api.body") bytes of JSON; the page is $(wc -c < "$work/page.body") bytes)."
    echo
    echo "| target | requests/s | p50 ms | p99 ms | not 2xx + timeouts | vs /json ceiling | vs same-bytes ceiling |"
    echo "|---|---|---|---|---|---|---|"
    echo "| ceiling: bare Jetty \`/json\` | $c_rps | $c_p50 | $c_p99 | $c_err | 100 % | |"
    echo "| ceiling: same bytes as the calendar API answer | $ca_rps | $ca_p50 | $ca_p99 | $ca_err | $(pct "$ca_rps" "$c_rps") | 100 % |"
    echo "| calendar API month listing \`GET $api\` | $a_rps | $a_p50 | $a_p99 | $a_err | $(pct "$a_rps" "$c_rps") | $(pct "$a_rps" "$ca_rps") |"
    echo "| ceiling: same bytes as the resident page | $cp_rps | $cp_p50 | $cp_p99 | $cp_err | $(pct "$cp_rps" "$c_rps") | 100 % |"
    echo "| resident calendar page, month view \`GET $page\` | $p_rps | $p_p50 | $p_p99 | $p_err | $(pct "$p_rps" "$c_rps") | $(pct "$p_rps" "$cp_rps") |"
    echo "| ceiling: same bytes as the authenticated answer | $cu_rps | $cu_p50 | $cu_p99 | $cu_err | $(pct "$cu_rps" "$c_rps") | 100 % |"
    echo "| authenticated API call (Bearer) \`GET $auth\` | $u_rps | $u_p50 | $u_p99 | $u_err | $(pct "$u_rps" "$c_rps") | $(pct "$u_rps" "$cu_rps") |"
    echo
    echo "Platform RSS: $rss_start MiB after start, $rss_load MiB after the load above."
    echo
  } >> "$table"
fi

if [ -z "$skip_scale" ]; then
  seeder initiatives "$base" 1 1 "$work/mix-1.txt" >&2
  measure mix-1-before "$base" "$work/mix-1.txt"
  read -r m0_rps m0_p50 m0_p99 m0_err < <(result mix-1-before)
  seeder initiatives "$base" 2 "$initiatives" "$work/mix-n.txt" | tee "$work/seed-n.log" >&2
  # Alternate the two mixes on the same warm JVM (N, 1, N, 1): the machine's load drifts, and a
  # later run is warmer; the ratio is the mean of the N runs over the mean of the 1 runs.
  for round in a b; do
    measure "mix-n-$round" "$base" "$work/mix-n.txt"
    measure "mix-1-$round" "$base" "$work/mix-1.txt"
  done
  read -r na_rps na_p50 na_p99 na_err < <(result mix-n-a)
  read -r nb_rps nb_p50 nb_p99 nb_err < <(result mix-n-b)
  read -r oa_rps oa_p50 oa_p99 oa_err < <(result mix-1-a)
  read -r ob_rps ob_p50 ob_p99 ob_err < <(result mix-1-b)
  rss_scale=$(rss_mib "$platform_pid")
  ratio() { python3 -c "import sys; print('%.0f %%' % (100 * float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }
  mean() { python3 -c "import sys; print('%.1f' % ((float(sys.argv[1]) + float(sys.argv[2])) / 2))" "$1" "$2"; }
  n_mean=$(mean "$na_rps" "$nb_rps")
  one_mean=$(mean "$oa_rps" "$ob_rps")
  {
    echo "Scale: the same request mix (resident home page, calendar API listing of the coming month, buurtnieuws API listing, in turn),"
    echo "$(grep -c . "$work/mix-n.txt") paths. bench-0001 has every module; bench-0002..bench-$(printf %04d "$initiatives") a random module set each"
    echo "($(tail -n 1 "$work/seed-n.log" 2>/dev/null)); 8 activities and 4 news items per enabled calendar/buurtnieuws."
    echo
    echo "| run | initiatives that exist | requests go to | requests/s | p50 ms | p99 ms | not 2xx + timeouts |"
    echo "|---|---|---|---|---|---|---|"
    echo "| before (reference) | 1 (+ the demo initiative) | bench-0001 | $m0_rps | $m0_p50 | $m0_p99 | $m0_err |"
    echo "| N, round a | $initiatives | all, spread | $na_rps | $na_p50 | $na_p99 | $na_err |"
    echo "| 1, round a | $initiatives | bench-0001 | $oa_rps | $oa_p50 | $oa_p99 | $oa_err |"
    echo "| N, round b | $initiatives | all, spread | $nb_rps | $nb_p50 | $nb_p99 | $nb_err |"
    echo "| 1, round b | $initiatives | bench-0001 | $ob_rps | $ob_p50 | $ob_p99 | $ob_err |"
    echo
    echo "**Requests spread over $initiatives initiatives: $n_mean requests/s; the same mix on one initiative: $one_mean requests/s;"
    echo "ratio $(ratio "$n_mean" "$one_mean")** (target ≥ 90 %). Against the reference run before the other initiatives existed: $(ratio "$n_mean" "$m0_rps")."
    echo
    echo "Platform RSS after the scale test: $rss_scale MiB."
    echo
  } >> "$table"
fi
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)." >> "$table"

mkdir -p "$(dirname "$out")"
cp "$table" "$out"
cat "$table"
echo "raw wrk lines:" >&2
cat "$work/raw" >&2
if [ -n "$failed" ]; then
  echo "some runs had answers that were not 2xx/3xx, or timeouts: see the table" >&2
  exit 1
fi
