#!/usr/bin/env python3
"""Plants faults in a `bp010 generate` telemetry CSV before the ingest (docs/AGGREGATION.md "Checking a day by hand").

usage: plant_faults.py landing.csv SPEC.json    (rewrites the CSV in place)
SPEC is a JSON list of plants, each on one well:
  {"well": "DEMO-0011", "kind": "start", "from": "2026-11-02T08:00:00Z"}          drop every reading before `from`
  {"well": "DEMO-0012", "kind": "drop", "ts": ["2026-11-15T10:00:00Z", ...]}      drop the readings at those times
  {"well": "DEMO-0014", "kind": "drop", "ts": [...], "vars": ["IDN5002", ...]}    ... of those SCADA ids only
  {"well": "DEMO-0013", "kind": "set", "ts": "2026-11-20T14:00:00Z", "var": "IDN5001", "value": "9999"}
  {"well": "*", "kind": "shift", "minutes": -30}      every reading (and its receipt time) 30 min earlier: readings at
                                                     :30 UTC, on the local hour in Asia/Kolkata (applied last)
(timestamps as the generator writes them, UTC with Z)
"""
import csv, json, sys
from datetime import datetime, timedelta


def shift(s, minutes):
    try:
        t = datetime.fromisoformat(s.replace('Z', '+00:00')) + timedelta(minutes=minutes)
    except ValueError:
        return s
    return t.strftime('%Y-%m-%dT%H:%M:%S') + ('.%03dZ' % (t.microsecond // 1000) if t.microsecond else 'Z')


f, spec = sys.argv[1], json.load(open(sys.argv[2]))
rows = list(csv.reader(open(f)))
out, n = [rows[0]], 0
for r in rows[1:]:
    w, v, ts = r[0], r[1], r[2]
    drop = False
    for p in spec:
        if p["well"] != w:
            continue
        if p["kind"] == "start" and ts < p["from"]:
            drop = True
        if p["kind"] == "drop" and ts in p["ts"] and (not p.get("vars") or v in p["vars"]):
            drop = True
        if p["kind"] == "set" and ts == p["ts"] and v == p["var"]:
            r[3] = p["value"]
            n += 1
    if drop:
        n += 1
        continue
    for p in spec:
        if p["kind"] == "shift" and p["well"] in ("*", w):
            r[2] = shift(r[2], p["minutes"])
            if len(r) > 4 and r[4]:
                r[4] = shift(r[4], p["minutes"])
            n += 1
    out.append(r)
csv.writer(open(f, "w", newline=""), lineterminator="\n").writerows(out)
print("planted:", n, "rows changed or dropped")
