#!/bin/bash
# The production schedule on generated data (docs/AGGREGATION.md "Checking a day by hand", under the hourly schedule):
# splits a `bp010 generate` telemetry CSV (faults already planted) by reading hour, delivers some hours of a well late,
# and on a new database NAME runs init migrate, referencial, the well master, then per hour in order: stage ingest of
# that hour's file and `pipeline` with only asOf = the hour + 30 min (the default, incremental window); after each run
# recompute_rates.py compares the database with what was delivered so far (--to the as-of's day in BP010_TIMEZONE).
# usage: hourly_schedule.sh BP010 NAME GENDIR FROM LATE...   LATE = WELL/READING_HOUR/DELIVERY_HOUR (2026-12-05T22)
#   e.g. hourly_schedule.sh ./bp010 audit_h /tmp/gen 2026-12-03 DEMO-0004/2026-12-05T22/2026-12-06T03
# CATCHUP=HOUR CATCHUP_TO=DAY (optional, e.g. CATCHUP=2026-11-29T06 CATCHUP_TO=2026-11-28): the readings of the hours
# before HOUR (and those delivered before it) are ingested as one file and run once with the explicit window
# {"fechaInicio": FROM, "fechaFin": DAY, "asOf": HOUR:00Z} (a database catching up), then the hourly schedule goes on.
# Writes NAME-runs.jsonl (each response), NAME-checks.txt (each comparison), NAME.err (logs) in the current folder.
set -e
B=$1; DB=$2; GEN=$(realpath "$3"); FROM=$4; shift 4
HERE=$(dirname "$(realpath "$0")"); WORK=$(mktemp -d); CSV=$(ls "$GEN"/landing_scada_data*.csv)
python3 - "$CSV" "$WORK/hours" "${CATCHUP:-0000}" "$@" <<'PY'
import csv, os, sys
src, out, cu, late = sys.argv[1], sys.argv[2], sys.argv[3], {tuple(x.split('/')[:2]): x.split('/')[2] for x in sys.argv[4:]}
rows, by = list(csv.reader(open(src))), {}
for r in rows[1:]:
    h = late.get((r[0], r[2][:13]), r[2][:13])
    by.setdefault('catchup' if h < cu else h, []).append(r)
for h, rs in sorted(by.items()):
    d = os.path.join(out if h != 'catchup' else os.path.dirname(out), h.replace('-', '').replace('T', '')); os.makedirs(d)
    w = csv.writer(open(os.path.join(d, 'landing_scada_data_%s.csv' % os.path.basename(d)), 'w', newline=''), lineterminator='\n')
    w.writerow(rows[0]); w.writerows(rs)
PY
export BP010_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres"
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB"
mkdir "$WORK/master" && cp "$GEN"/tbl_maestra_pozos.csv "$GEN"/*reservas* "$WORK/master/"
{ $B invoke init --event-json '{"mode":"migrate"}'; $B invoke referencial --event-json '{}'
  $B invoke stage --event-json "{\"source\":\"file\",\"path\":\"$WORK/master\"}"; } > /dev/null 2> "$DB.err"
: > "$DB-runs.jsonl"; : > "$DB-checks.txt"; files=()
check() {
  python3 "$HERE/recompute_rates.py" --csv "${files[@]}" --ids-csv "$CSV" --master "$GEN/tbl_maestra_pozos.csv" \
      --zone "${BP010_TIMEZONE:-UTC}" --db "$DB" --from "$FROM" --to "$1" --as-of "$2" --show 100 >> "$DB-checks.txt" 2>&1 || true
}
if [ -n "$CATCHUP" ]; then
  files+=("$WORK/catchup/landing_scada_data_catchup.csv")
  for ev in "{\"source\":\"file\",\"path\":\"$WORK/catchup\"}" \
            "{\"fechaInicio\":\"$FROM\",\"fechaFin\":\"$CATCHUP_TO\",\"asOf\":\"$CATCHUP:00:00Z\"}"; do
    cmd=stage; [[ $ev == *asOf* ]] && cmd=pipeline
    $B invoke $cmd --event-json "$ev" 2>> "$DB.err" | tr -d '\n' >> "$DB-runs.jsonl"; echo >> "$DB-runs.jsonl"
  done
  echo "== after the catch-up run at $CATCHUP:00:00Z" >> "$DB-checks.txt"; check "$CATCHUP_TO" "$CATCHUP:00:00Z"
fi
for d in $(ls "$WORK/hours"); do
  ts="${d:0:4}-${d:4:2}-${d:6:2}T${d:8:2}:30:00Z"; files+=("$WORK/hours/$d/landing_scada_data_$d.csv")
  for ev in "{\"source\":\"file\",\"path\":\"$WORK/hours/$d\"}" "{\"asOf\":\"$ts\"}"; do
    cmd=stage; [[ $ev == *asOf* ]] && cmd=pipeline
    $B invoke $cmd --event-json "$ev" 2>> "$DB.err" | tr -d '\n' >> "$DB-runs.jsonl"; echo >> "$DB-runs.jsonl"
  done
  echo "== after the run at $ts" >> "$DB-checks.txt"; check "$(TZ="${BP010_TIMEZONE:-UTC}" date -d "$ts" +%F)" "$ts"   # the as-of's local day
done
rm -rf "$WORK"
grep -c '^== after' "$DB-checks.txt" | sed 's/$/ runs/'; grep -h '^compared' "$DB-checks.txt" | awk '{n+=$2; m+=$4} END {print n " values compared, " m " mismatches"}'
