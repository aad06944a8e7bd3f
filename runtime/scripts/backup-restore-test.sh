#!/usr/bin/env bash
# Tests the backup and restore procedure of docs/operations.md end to end:
# start the platform with demo data, write a marker, back up, (PostgreSQL: write a second marker
# after the backup), stop, wipe the data directory (and the database), restore, start again
# WITHOUT --demo, and check through the API that the data is there: the demo initiative, its
# calendar listing and news items exactly as before, the marker, an API token issued before the
# backup, and (PostgreSQL) that the post-backup marker is gone.
#
#   runtime/scripts/backup-restore-test.sh h2
#       H2 (embedded): stop, `org.h2.tools.Script` to a zipped SQL script, wipe, `org.h2.tools.RunScript`.
#   runtime/scripts/backup-restore-test.sh postgresql
#       PostgreSQL (online): `pg_dump -Fc` while the platform runs, stop, drop and create the database,
#       `pg_restore`. Needs pg_dump, pg_restore and psql (Debian: apt-get install -y postgresql-client) and
#       a server: PGHOST, PGPORT, PGUSER (a role that may create databases), optional PGPASSWORD; the
#       script uses (and drops!) the database PGDATABASE (default samenredzaam_backup_test).
#
#   Options before the mode: -j JAR (default runtime/target/samenredzaam.jar), -k (keep the work directory)
# Prints each step and "backup-restore h2|postgresql: OK" at the end; exits non-zero on any failure.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jar="$root/runtime/target/samenredzaam.jar"
keep=
while getopts "j:k" opt; do
  case $opt in
    j) jar=$OPTARG ;;
    k) keep=1 ;;
    *) sed -n '2,20p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
mode=${1:-}
case $mode in h2|postgresql) ;; *) sed -n '2,20p' "$0"; exit 2 ;; esac
[ -f "$jar" ] || { echo "no jar at $jar: run 'mvn -B -q install -DskipTests' first" >&2; exit 2; }
for tool in curl python3 unzip; do command -v $tool >/dev/null || { echo "$tool is needed" >&2; exit 2; }; done
if [ "$mode" = postgresql ]; then
  for tool in pg_dump pg_restore psql; do
    command -v $tool >/dev/null || { echo "$tool is needed: apt-get install -y postgresql-client" >&2; exit 2; }
  done
  : "${PGHOST:?set PGHOST}" "${PGPORT:?set PGPORT}" "${PGUSER:?set PGUSER}"
  export PGDATABASE=${PGDATABASE:-samenredzaam_backup_test}
fi

work=$(mktemp -d /tmp/backup-restore.XXXXXX)
data="$work/data"
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  if [ -z "$keep" ]; then rm -rf "$work"; else echo "kept $work" >&2; fi
}
trap cleanup EXIT
step() { echo "== $*"; }
fail() { echo "FAILED: $*" >&2; [ -f "$work/platform.log" ] && tail -n 30 "$work/platform.log" >&2; exit 1; }

# A private copy of the jar (others may rebuild the shared one), and H2's own jar from inside it,
# so the backup is written by exactly the H2 version the platform runs.
cp "$jar" "$work/samenredzaam.jar"
unzip -q -j -o "$work/samenredzaam.jar" 'jar/h2-*.jar' -d "$work/h2" 2>/dev/null || true
h2jar=$(ls "$work"/h2/h2-*.jar 2>/dev/null | head -n 1 || true)

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
export SAMENREDZAAM_ADMIN_PASSWORD="backup-test-$(date +%s)"
if [ "$mode" = postgresql ]; then
  export SAMENREDZAAM_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE"
  export SAMENREDZAAM_DB_USER="$PGUSER"
  export SAMENREDZAAM_DB_PASSWORD="${PGPASSWORD:-}"
else
  unset SAMENREDZAAM_DB_URL SAMENREDZAAM_DB_USER SAMENREDZAAM_DB_PASSWORD
fi

start() {
  java -jar "$work/samenredzaam.jar" --port "$port" --data-dir "$data" "$@" >>"$work/platform.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 900); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health")" = 200 ] && return 0
    kill -0 "$pid" 2>/dev/null || fail "the platform exited during start"
    sleep 0.2
  done
  fail "no /health 200 within 180 s"
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }
get() { curl -sf "$base$1" "${@:2}" || fail "GET $1"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
token() {
  curl -sf -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$2\"}" | json 'd["token"]' || fail "token for $1"
}
post_news() {
  curl -sf -X POST "$base/api/v1/lindeholt/buurtnieuws/items" -H "Authorization: Bearer $1" \
    -H 'Content-Type: application/json' -d "{\"title\":\"$2\",\"body\":\"Geschreven door de back-uptest.\"}" \
    | json 'd["id"]' || fail "POST news item"
}
# What must survive: initiatives, a calendar listing over a fixed period, the news items.
from=$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m-01)
to=$(date -d "$from +4 month" +%Y-%m-01)
snapshot() {
  get /api/v1/platform/initiatives -H "Authorization: Bearer $operator" | json '[(i["slug"], i["name"]) for i in d]'
  get "/api/v1/lindeholt/calendar/activities?from=${from}T00:00:00%2B01:00&to=${to}T00:00:00%2B01:00" \
    | json '[(o["activityId"], o["title"], o["start"], o["registered"]) for o in d]'
  get /api/v1/lindeholt/buurtnieuws/items | json '[(i["id"], i["title"]) for i in d]'
}

step "start with --demo ($mode)"
t0=$(date +%s)
start --demo
operator=$(token admin "$SAMENREDZAAM_ADMIN_PASSWORD")
coordinator=$(token coordinator lindeholt-demo)
marker="Back-up-test $(date +%s%N)"
marker_id=$(post_news "$coordinator" "$marker")
snapshot > "$work/before.txt"
activities=$(grep -o "), (" "$work/before.txt" | wc -l)
[ "$(sed -n 2p "$work/before.txt")" != "[]" ] || fail "the demo calendar is empty: nothing to prove"
echo "   snapshot: $(wc -c < "$work/before.txt") bytes, marker item $marker_id"

if [ "$mode" = h2 ]; then
  step "stop, then back up with org.h2.tools.Script"
  stop
  [ -n "$h2jar" ] || fail "no H2 jar inside $jar"
  java -cp "$h2jar" org.h2.tools.Script -url "jdbc:h2:file:$data/samenredzaam" -user sa \
    -script "$work/backup.zip" -options compression zip
  cp -r "$data/deploy" "$work/backup-deploy" 2>/dev/null || true
  ls -l "$work/backup.zip"
  step "wipe the data directory"
  rm -rf "$data"
  step "restore with org.h2.tools.RunScript"
  mkdir -p "$data"
  java -cp "$h2jar" org.h2.tools.RunScript -url "jdbc:h2:file:$data/samenredzaam" -user sa \
    -script "$work/backup.zip" -options compression zip
  [ -d "$work/backup-deploy" ] && cp -r "$work/backup-deploy" "$data/deploy"
else
  step "back up online with pg_dump -Fc"
  pg_dump -Fc -f "$work/backup.dump" "$PGDATABASE"
  ls -l "$work/backup.dump"
  late=$(post_news "$coordinator" "Na de back-up geschreven")
  step "stop, wipe the data directory, drop and create the database"
  stop
  rm -rf "$data"
  psql -q -d postgres -v ON_ERROR_STOP=1 -c "DROP DATABASE \"$PGDATABASE\"" -c "CREATE DATABASE \"$PGDATABASE\""
  step "restore with pg_restore"
  pg_restore --no-owner --exit-on-error -d "$PGDATABASE" "$work/backup.dump"
fi

step "start again, without --demo"
start
snapshot > "$work/after.txt"
diff -u "$work/before.txt" "$work/after.txt" || fail "the data differ after the restore"
get "/api/v1/lindeholt/buurtnieuws/items/$marker_id" | grep -q "$marker" || fail "the marker item is gone"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/platform/initiatives" -H "Authorization: Bearer $operator")" = 200 ] \
  || fail "an API token issued before the backup no longer works"
if [ "$mode" = postgresql ]; then
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/lindeholt/buurtnieuws/items/$late")" = 404 ] \
    || fail "an item written after the backup is still there: not restored to the backup"
fi
stop
echo "backup-restore $mode: OK ($activities+ calendar occurrences, news and marker restored; $(( $(date +%s) - t0 )) s)"
