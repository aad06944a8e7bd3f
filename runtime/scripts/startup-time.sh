#!/usr/bin/env bash
# Startup time of the exported runtime: wall-clock time from `java -jar samenredzaam.jar` to the
# first HTTP 200 on /health, median of N runs, each with a fresh data directory (a first start:
# empty database, migrations run, framework cache filled).
#
#   runtime/scripts/startup-time.sh [-n RUNS] [-r] [-p PATH] [-s STATUS] [-j JAR] [-- extra launcher args]
#
#   -n RUNS    number of runs (default 7); the first run is reported but counts like the others
#   -r         restarts instead: one unmeasured start prepares a data directory (migrations, first
#              operator, demo data with --demo), then every run starts again on it
#   -p PATH    path to poll (default /health)
#   -s STATUS  HTTP status that counts as "up" (default 200; use "any" for any HTTP answer)
#   -j JAR     the jar (default runtime/target/samenredzaam.jar; build it with `mvn -pl runtime -am package`)
#
# The environment is passed on: SAMENREDZAAM_JVM_TUNING=off measures the platform in the JVM that
# `java -jar` starts (see docs/performance.md, "JVM settings").
#
# Method: the clock starts right before `java` is exec'd; curl polls every 20 ms (connect timeout
# 1 s) until the status matches; the process is then stopped with SIGTERM and awaited before the
# next run, so runs never overlap. Each run uses a free port. Prints one line per run and the
# median, min and max in milliseconds, and the median CPU time the JVM used until then (less
# sensitive to other load; report the load average with any figure); exits 1 if a run does not
# come up within 60 s.
set -euo pipefail

runs=7
restart=false
path=/health
want=200
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/../target/samenredzaam.jar"
while getopts "n:rp:s:j:" opt; do
  case $opt in
    n) runs=$OPTARG ;;
    r) restart=true ;;
    p) path=$OPTARG ;;
    s) want=$OPTARG ;;
    j) jar=$OPTARG ;;
    *) sed -n '2,20p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ -f "$jar" ] || { echo "no jar at $jar: run 'mvn -pl runtime -am package' first" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

times=()
cpus=()
rsss=()
rounds=$(seq 1 "$runs")
if $restart; then rounds="0 $rounds"; fi
for i in $rounds; do
  port=$(free_port)
  data="$work/run$i"
  if $restart; then data="$work/restarted"; fi
  log="$work/run$i.log"
  start=$(date +%s%N)
  java -jar "$jar" --port "$port" --data-dir "$data" "$@" >"$log" 2>&1 &
  pid=$!
  deadline=$((start + 60000000000))
  while :; do
    code=$(curl -s -o /dev/null --connect-timeout 1 -w '%{http_code}' "http://127.0.0.1:$port$path" || true)
    if [ "$want" = any ] && [ "$code" != 000 ]; then break; fi
    if [ "$code" = "$want" ]; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "run $i: the process exited; log:" >&2; tail -n 20 "$log" >&2; exit 1; fi
    if [ "$(date +%s%N)" -gt "$deadline" ]; then echo "run $i: no $want on $path within 60 s; log:" >&2; tail -n 20 "$log" >&2; exit 1; fi
    sleep 0.02
  done
  ms=$((($(date +%s%N) - start) / 1000000))
  if [ "$i" = 0 ]; then
    echo "preparing start (not counted): ${ms} ms wall"
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
    continue
  fi
  # CPU time the JVMs used until then (user + system, all threads): less sensitive than wall-clock
  # time to other load on the machine. Summed over the JVM `java -jar` started and the one it runs
  # the platform in (the launcher's TunedJvm; one JVM with SAMENREDZAAM_JVM_TUNING=off), as is RSS.
  cpu_ticks=0
  rss_kib=0
  for p in $pid $(pgrep -P "$pid" || true); do
    read -r utime stime < <(awk '{print $14, $15}' "/proc/$p/stat")
    cpu_ticks=$((cpu_ticks + utime + stime))
    rss_kib=$((rss_kib + $(awk '/^VmRSS/ {print $2}' "/proc/$p/status")))
  done
  cpu_ms=$((cpu_ticks * 1000 / $(getconf CLK_TCK)))
  rss_mib=$((rss_kib / 1024))
  times+=("$ms")
  cpus+=("$cpu_ms")
  rsss+=("$rss_mib")
  echo "run $i: ${ms} ms wall, ${cpu_ms} ms CPU, ${rss_mib} MiB RSS (HTTP $code on $path)"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
done

median() {
  local sorted n
  sorted=($(printf '%s\n' "$@" | sort -n)); n=${#sorted[@]}
  if [ $((n % 2)) -eq 1 ]; then echo "${sorted[$((n / 2))]}"; else echo $(((sorted[n / 2 - 1] + sorted[n / 2]) / 2)); fi
}
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
n=${#sorted[@]}
kind="first starts"; if $restart; then kind="restarts"; fi
echo "$kind to $path ($want): median $(median "${times[@]}") ms wall (min ${sorted[0]}, max ${sorted[$((n - 1))]}), median $(median "${cpus[@]}") ms CPU, median $(median "${rsss[@]}") MiB RSS, $n runs"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | sed -n 1p)"
