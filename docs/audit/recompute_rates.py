#!/usr/bin/env python3
"""Independent hand audit of the published rate-type numbers (docs/AGGREGATION.md "Checking a day by hand").

Recomputes from the RAW generated telemetry CSV and well master CSV only (never the pipeline's tables), per well-day:
hours with data and with each rate, barrels, oil and liquid rate, variance against the target, hydraulic HHP (pressure
form: the day's mean measured PIP and discharge pressure, else PIP from the fluid level and Pt + Gm Dp; q = the day's
liquid rate), system efficiency over the energy-matched hours, energy, runtime and uptime (the coverage rule), the
30-day decline; per well-month: each rate over the month's hours with it, uptime over the covered days, the monthly
decline, days and hours with data, days complete, completeness, barrels, energy, runtime, kWh/bbl; per field and day: totals and kWh/bbl. Compares them with fact_operaciones_diarias / _mensuales,
dataset_kpi_business, fact_campo_diario and vw_kpi_daily (what the report reads; psql -At) to a relative 1e-9 and
prints every mismatch.

Models what `bp010 generate` writes: one reading per variable and hour at :00 UTC (or any one reading per variable and
local clock hour), hours as clock hours of --zone (in Asia/Kolkata, +05:30, an hour runs from :30 to :30 UTC), the DQ
range rules of the variables it reads (config/02_reglas_calidad.csv), lifetime counters with glitches, resets and
roll-overs; not a general reimplementation.

usage: recompute_rates.py --csv landing.csv --master tbl_maestra_pozos.csv --zone America/Chicago --db NAME
                          --from 2026-10-29 --to 2026-11-03 [--target 52] [--ids-csv FILE]
(the pipeline run's explicit window; --target = the oil rate target, the config's 52 bbl/d; several --csv files: the
readings delivered so far, with --ids-csv the whole generated file, which tells real SCADA ids: hourly_schedule.sh)
"""
import argparse, csv, math, subprocess, sys
from collections import defaultdict
from datetime import datetime, date, timedelta, timezone
from zoneinfo import ZoneInfo

V = {'IDN5001': 'oil', 'IDN5002': 'water', 'IDN5003': 'gas', 'IDN5004': 'liq', 'IDN5005': 'bsw',
     'IDN1001': 'whp', 'IDN1002': 'chp', 'IDN6001': 'fl', 'IDN6002': 'pip', 'IDN6004': 'pdis',
     'IDN2010': 'runtime', 'IDN4005': 'energy'}
# DQ range rules of config/02_reglas_calidad.csv for the variables used (a failing value is left out of its hour)
RANGE = {'oil': (0, 5000), 'water': (0, 10000), 'gas': (0, 5000), 'bsw': (0, 100), 'pip': (0, 5000),
         'fl': (0, 15000), 'whp': (0, math.inf), 'chp': (0, math.inf)}
HHP_P, HP_KW, GRAD, COMPLETE = 1.7e-5, 1.341022, 0.433, 0.9


def read_csv(f):
    """The rows of a CSV as dicts; a large file's parse is kept in the temp folder (by path, size and mtime), as the
    hourly schedule reads the same files after every run."""
    import hashlib, os, pickle, tempfile
    st = os.stat(f)
    if st.st_size < 5_000_000:
        return list(csv.DictReader(open(f)))
    key = hashlib.md5(('%s|%d|%d' % (os.path.realpath(f), st.st_size, st.st_mtime_ns)).encode()).hexdigest()
    cache = os.path.join(tempfile.gettempdir(), 'recompute_rates-%s.pickle' % key)
    if os.path.exists(cache):
        head, rows = pickle.load(open(cache, 'rb'))
    else:
        it = csv.reader(open(f))
        head, rows = next(it), list(it)
        tmp = cache + '.%d' % os.getpid()
        pickle.dump((head, rows), open(tmp, 'wb'), protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    return [dict(zip(head, r)) for r in rows]


def parse_ts(s):
    return datetime.fromisoformat(s.replace('Z', '+00:00')).astimezone(timezone.utc)


def main():
    a = argparse.ArgumentParser()
    for o in ('master', 'zone', 'db', 'from', 'to'):
        a.add_argument('--' + o, required=True)
    # several files: what was ingested so far (the hourly schedule's files, in delivery order)
    a.add_argument('--csv', required=True, nargs='+')
    # the file whose SCADA ids tell a real variable from a bad row (default: the readings themselves)
    a.add_argument('--ids-csv')
    a.add_argument('--target', type=float, default=52.0)
    a.add_argument('--show', type=int, default=15)
    # the run's as-of (ISO, e.g. 2026-12-07T20:30:00Z): a day or month not ended at it is never complete
    a.add_argument('--as-of')
    args = a.parse_args()
    as_of = parse_ts(args.as_of) if args.as_of else None
    tz = ZoneInfo(args.zone)
    d0, d1 = date.fromisoformat(getattr(args, 'from')), date.fromisoformat(args.to)

    master = {r['well_id']: r for r in csv.DictReader(open(args.master))}
    # raw readings: per well, variable -> {utc hour: value}
    raw = defaultdict(lambda: defaultdict(dict))
    hours = defaultdict(set)                       # hours with any reading

    def hour_of(ts):
        # the clock hour in the field's zone (docs/AGGREGATION.md "Time zone"): in a half-hour zone such as
        # Asia/Kolkata it starts at :30 UTC; the repeated hour at the end of DST keeps its fold (two hours)
        l = ts.astimezone(tz)
        return l.replace(minute=0, second=0, microsecond=0).astimezone(timezone.utc)

    rows = [r for f in args.csv for r in read_csv(f)]
    seen_ids = defaultdict(int)
    for r in (read_csv(args.ids_csv) if args.ids_csv else rows):
        seen_ids[r['var_id']] += 1
    for r in rows:
        w = r['well_id']
        # the ingest rejects a row of an unknown SCADA id (the generator's bad rows: one of a kind) or without a
        # finite number (card arrays, IDN7001/7002, are text: they still make an hour with data)
        if seen_ids[r['var_id']] < 10:
            continue
        if r['var_id'] not in ('IDN7001', 'IDN7002'):
            try:
                if not math.isfinite(float(r['measure'])):
                    continue
            except ValueError:
                continue
        try:                                       # an unreadable row is rejected by the ingest
            ts = parse_ts(r['timestamp_lectura'])
        except (ValueError, TypeError):
            continue
        if w not in master:
            continue
        h = hour_of(ts)
        hours[w].add(h)
        name = V.get(r['var_id'])
        if name is None or r['measure'] in ('', None):
            continue
        try:
            x = float(r['measure'])
        except ValueError:
            continue
        assert h not in raw[w][name], (w, name, h)   # one reading per variable and hour
        raw[w][name][h] = x

    def day_of(h):
        return h.astimezone(tz).date()

    def midnight(d):
        return datetime(d.year, d.month, d.day, tzinfo=tz).astimezone(timezone.utc)

    def clock_hours(d):
        return round((midnight(d + timedelta(days=1)) - midnight(d)).total_seconds() / 3600)

    def ok(name, x):
        lo, hi = RANGE.get(name, (-math.inf, math.inf))
        return x is not None and lo <= x <= hi

    def counter(series, ceiling):
        """Hourly deltas of a lifetime counter: a glitch (lone reading below the one before while the one after is
        not, or above the one after while that one is not below the one before) is left out; each delta spans back to
        the previous accepted reading. Returns {hour: (delta, matched)}."""
        hs = sorted(series)
        keep = []
        for i, h in enumerate(hs):
            x = series[h]
            p = series[hs[i - 1]] if i > 0 else None
            n = series[hs[i + 1]] if i + 1 < len(hs) else None
            if p is not None and n is not None and ((x < p and not n < p) or (x > n and not n < p)):
                continue
            keep.append(h)
        out = {}
        for i in range(1, len(keep)):
            h, hp = keep[i], keep[i - 1]
            x, p = series[h], series[hp]
            adjacent = hp >= h - timedelta(hours=1)
            if x >= p:
                out[h] = (x - p, adjacent)
                continue
            # a drop the next reading confirms (a glitch was left out above): a roll-over across the next power of
            # ten when it fits under the ceiling (exact, matched), else a reset counting from zero (not matched)
            if i + 1 == len(keep):                 # no reading after it yet: no delta until one comes
                continue
            roll = 10 ** len(str(int(p))) - p + x
            span = (h - hp).total_seconds() / 3600
            out[h] = (roll, adjacent) if roll <= ceiling * span else (x, False)
        return out

    days, months, fields = {}, {}, {}
    for w in sorted(master):
        m = master[w]
        api, sgw, dp = float(m['api_gravity']), float(m['sg_agua']), float(m['profundidad_bomba'])
        sgo = 141.5 / (131.5 + api)
        run = counter(raw[w]['runtime'], 1.25)
        ene = counter(raw[w]['energy'], 2 * float(m['potencia_motor_hp']))
        byday = defaultdict(list)
        for h in sorted(hours[w]):
            byday[day_of(h)].append(h)
        for d, hs in sorted(byday.items()):
            # every day up to --to is recomputed (a month, the decline's 60 days and the field totals read days
            # before --from: the pipeline's first incremental run takes the readings an explicit window left out);
            # only the days from --from on are compared
            if d > d1:
                continue
            val = lambda n, h: raw[w][n].get(h) if ok(n, raw[w][n].get(h)) else None
            oil = [val('oil', h) for h in hs]
            wat = [val('water', h) for h in hs]
            gas = [val('gas', h) for h in hs]
            liq = []
            for h, o, x in zip(hs, oil, wat):
                l = raw[w]['liq'].get(h)
                liq.append(l if l is not None else (o + x if o is not None and x is not None else None))
            s = lambda xs: sum(x for x in xs if x is not None) / 24 if any(x is not None for x in xs) else None
            n = lambda xs: sum(1 for x in xs if x is not None)
            mean = lambda nm: (lambda xs: sum(xs) / len(xs) if xs else None)([val(nm, h) for h in hs if val(nm, h) is not None])
            r = dict(horas_con_datos=len(hs), horas_con_petroleo=n(oil), horas_con_agua=n(wat), horas_con_gas=n(gas),
                     horas_con_liquido=n(liq), petroleo=s(oil), agua=s(wat), gas=s(gas), liquido=s(liq),
                     horas_periodo=clock_hours(d))
            r['completo'] = (r['horas_con_datos'] >= COMPLETE * r['horas_periodo']
                             and (as_of is None or midnight(d + timedelta(days=1)) <= as_of))
            rate = lambda b, k: b * 24 / r[k] if b is not None and r[k] else None
            r['oil_rate'] = rate(r['petroleo'], 'horas_con_petroleo')
            r['liquid_rate'] = rate(r['liquido'], 'horas_con_liquido')
            r['variance'] = 100 * (r['oil_rate'] - args.target) / args.target if r['completo'] and r['oil_rate'] is not None else None
            # HHP, pressure form: the day's mean pressures, q = the day's liquid rate
            bsw = mean('bsw')
            wc = bsw / 100 if bsw is not None else None
            sgm = (1 - wc) * sgo + wc * sgw if wc is not None else None
            pip, pdis, fl, chp, whp = mean('pip'), mean('pdis'), mean('fl'), mean('chp'), mean('whp')
            if pip is None and chp is not None and fl is not None:
                pip = chp + GRAD * sgo * (dp - fl)
            if pdis is None and whp is not None and sgm is not None:
                pdis = whp + GRAD * sgm * dp
            q = r['liquid_rate']
            r['hhp'] = HHP_P * q * (pdis - pip) if None not in (q, pip, pdis) else None
            # runtime, uptime (a complete day whose first clock hour is runtime-matched and last has a delta)
            r['horas_operacion'] = sum(run[h][0] for h in hs if h in run) if any(h in run for h in hs) else None
            first, last = midnight(d), midnight(d + timedelta(days=1)) - timedelta(hours=1)
            r['cubre'] = first in run and run[first][1] and last in run
            r['uptime'] = 100 * r['horas_operacion'] / r['horas_periodo'] if r['completo'] and r['cubre'] else None
            # energy; the energy-matched hours with liquid: system efficiency over them, kWh/bbl
            r['energia'] = sum(ene[h][0] for h in hs if h in ene) if any(h in ene for h in hs) else None
            mh = [(h, l) for h, l in zip(hs, liq) if l is not None and h in ene and ene[h][1]]
            r['emp_kwh'] = sum(ene[h][0] for h, _ in mh) if mh else None
            r['emp_liq'] = sum(l for _, l in mh) / 24 if mh else None
            if r['hhp'] is not None and mh and r['emp_kwh'] > 0:
                hhp_emp = r['hhp'] * r['emp_liq'] / r['liquido']
                r['syseff'] = 100 * hhp_emp / (r['emp_kwh'] / r['horas_con_liquido'] * HP_KW)
            else:
                r['syseff'] = None
            days[(w, d)] = r
            mk = (w, d.replace(day=1))
            months.setdefault(mk, []).append(r)
            fields.setdefault((m['campo'], d), []).append(r)

    ks = ['petroleo', 'agua', 'gas', 'liquido']
    hk = ['horas_con_petroleo', 'horas_con_agua', 'horas_con_gas', 'horas_con_liquido']
    mres = {}
    for (w, mes), rs in months.items():
        nd = ((mes.replace(day=28) + timedelta(days=4)).replace(day=1) - mes).days
        comp = sum(1 for r in rs if r['completo'])
        x = {}
        for b, h in zip(ks, hk):
            tot = sum(r[b] for r in rs if r[b] is not None)
            hrs = sum(r[h] for r in rs)
            x[b + '_rate'] = tot * 24 / hrs if hrs else None
            x[h] = hrs
        x['completo'] = (comp >= COMPLETE * nd
                         and (as_of is None or midnight(mes + timedelta(days=nd)) <= as_of))
        # the month's counts and totals: its days' sums in date order
        x.update(dias_con_datos=len(rs), horas_con_datos=sum(r['horas_con_datos'] for r in rs), dias_periodo=nd,
                 dias_completos=comp, completitud=comp / nd)
        for c in ks + ['energia', 'horas_operacion']:
            x['tot_' + c] = sum(r[c] for r in rs if r[c] is not None) if any(r[c] is not None for r in rs) else None
        ek = [r for r in rs if r['emp_kwh'] is not None]
        x['kwh_por_bbl'] = (sum(r['emp_kwh'] for r in ek) / sum(r['emp_liq'] for r in ek)
                            if ek and sum(r['emp_liq'] for r in ek) else None)
        cov = [r for r in rs if r['uptime'] is not None]
        x['uptime'] = (100 * sum(r['horas_operacion'] for r in cov) / sum(r['horas_periodo'] for r in cov)
                       if x['completo'] and cov else None)
        mres[(w, mes)] = x

    def q(sql):
        out = subprocess.run(['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', args.db, '-AtF', '\t', '-c',
                              "SET TIME ZONE '%s'; " % args.zone + sql], capture_output=True, text=True, check=True)
        return [l.split('\t') for l in out.stdout.splitlines() if '\t' in l]

    cmp = {'n': 0, 'bad': []}

    def check(what, key, mine, theirs):
        cmp['n'] += 1
        t = None if theirs in ('', None) else (theirs == 't' if theirs in ('t', 'f') else float(theirs))
        if isinstance(mine, bool) or isinstance(t, bool):
            good = mine == t
        elif mine is None or t is None:
            good = mine is None and t is None
        else:
            good = abs(mine - t) <= 1e-9 * max(abs(mine), abs(t), 1e-300)
        if not good:
            cmp['bad'].append((what, key, mine, t))

    dcols = ['horas_con_datos', 'horas_con_petroleo', 'horas_con_agua', 'horas_con_gas', 'horas_con_liquido',
             'produccion_petroleo_bbl', 'produccion_agua_bbl', 'produccion_gas_mscf', 'produccion_liquido_bbl',
             'horas_periodo', 'completo', 'horas_operacion', 'uptime_pct', 'hydraulic_hp', 'energia_kwh',
             'system_efficiency_pct']
    dmine = ['horas_con_datos', 'horas_con_petroleo', 'horas_con_agua', 'horas_con_gas', 'horas_con_liquido',
             'petroleo', 'agua', 'gas', 'liquido', 'horas_periodo', 'completo', 'horas_operacion', 'uptime', 'hhp',
             'energia', 'syseff']
    seen, decl, got = set(), {}, defaultdict(set)
    for row in q("SELECT well_id, fecha, %s FROM reporting.fact_operaciones_diarias WHERE fecha BETWEEN '%s' AND '%s'"
                 % (', '.join(dcols), d0, d1)):
        k = (row[0], date.fromisoformat(row[1]))
        seen.add(k)
        if k not in days:
            cmp['bad'].append(('daily row not recomputed', k, None, None)); continue
        for c, mc, v in zip(dcols, dmine, row[2:]):
            check('diaria.' + c, k, days[k][mc], v)
    for k in {k for k in days if k[1] >= d0} - seen:
        cmp['bad'].append(('daily row missing in db', k, None, None))
    for row in q("SELECT well_id, periodo, oil_rate_promedio, liquid_rate_promedio, variance_oil_pct, uptime_pct, "
                 "declinacion_pct FROM reporting.dataset_kpi_business WHERE tipo_periodo = 'DIA' AND periodo BETWEEN '%s' AND '%s'"
                 % (d0, d1)):
        k = (row[0], date.fromisoformat(row[1]))
        got['kpi DIA'].add(k)
        r = days[k]
        # the 30-day decline: the mean rate of the complete days of the last 30 against the 30 before (>= 15 each)
        win = lambda a, b: [days[(k[0], k[1] - timedelta(days=i))]['oil_rate'] for i in range(a, b + 1)
                            if (k[0], k[1] - timedelta(days=i)) in days and days[(k[0], k[1] - timedelta(days=i))]['completo']
                            and days[(k[0], k[1] - timedelta(days=i))]['oil_rate'] is not None]
        q30, qp = win(0, 29), win(30, 59)
        dec = (100 * (sum(qp) / len(qp) - sum(q30) / len(q30)) / (sum(qp) / len(qp))
               if len(q30) >= 15 and len(qp) >= 15 else None)
        for c, mine, v in zip(('oil_rate', 'liquid_rate', 'variance', 'uptime', 'decline'),
                              (r['oil_rate'], r['liquid_rate'], r['variance'], r['uptime'], dec), row[2:]):
            check('kpi_dia.' + c, k, mine, v)
        decl[k] = dec
    # what the report reads: vw_kpi_daily (the fact's rates, the KPI's variance, uptime, efficiency and decline)
    for row in q("SELECT well_id, fecha, oil_rate, liquid_rate, variance_oil_pct, uptime_pct, system_efficiency_pct, "
                 "hydraulic_hp, declinacion_pct, horas_con_petroleo, horas_con_liquido FROM reporting.vw_kpi_daily "
                 "WHERE fecha BETWEEN '%s' AND '%s'" % (d0, d1)):
        k = (row[0], date.fromisoformat(row[1]))
        got['vw_kpi_daily'].add(k)
        if k not in days:                          # reported above as a daily row not recomputed
            continue
        r = days[k]
        for c, mine, v in zip(('oil_rate', 'liquid_rate', 'variance', 'uptime', 'syseff', 'hhp', 'decline',
                               'horas_con_petroleo', 'horas_con_liquido'),
                              (r['oil_rate'], r['liquid_rate'], r['variance'], r['uptime'], r['syseff'], r['hhp'],
                               decl.get(k), r['horas_con_petroleo'], r['horas_con_liquido']), row[2:]):
            check('vw_kpi_daily.' + c, k, mine, v)
    mcols = ['oil_rate', 'water_rate', 'gas_rate', 'liquid_rate', 'horas_con_petroleo', 'horas_con_agua',
             'horas_con_gas', 'horas_con_liquido', 'completo', 'uptime_pct', 'dias_con_datos', 'horas_con_datos',
             'dias_periodo', 'dias_completos', 'completitud', 'produccion_petroleo_bbl', 'produccion_agua_bbl',
             'produccion_gas_mscf', 'produccion_liquido_bbl', 'energia_kwh', 'horas_operacion', 'kwh_por_bbl']
    mmine = ['petroleo_rate', 'agua_rate', 'gas_rate', 'liquido_rate'] + hk + ['completo', 'uptime', 'dias_con_datos',
             'horas_con_datos', 'dias_periodo', 'dias_completos', 'completitud'] + ['tot_' + c for c in ks] + \
            ['tot_energia', 'tot_horas_operacion', 'kwh_por_bbl']
    for row in q("SELECT well_id, mes, %s FROM reporting.fact_operaciones_mensuales WHERE mes BETWEEN '%s' AND '%s'"
                 % (', '.join(mcols), d0.replace(day=1), d1)):
        k = (row[0], date.fromisoformat(row[1]))
        got['mensual'].add(k)
        for c, mc, v in zip(mcols, mmine, row[2:]):
            check('mensual.' + c, k, mres[k][mc], v)
    for row in q("SELECT well_id, periodo, oil_rate_promedio, liquid_rate_promedio, uptime_pct, declinacion_pct FROM "
                 "reporting.dataset_kpi_business WHERE tipo_periodo = 'MES' AND periodo BETWEEN '%s' AND '%s'"
                 % (d0.replace(day=1), d1)):
        k = (row[0], date.fromisoformat(row[1]))
        got['kpi MES'].add(k)
        pm = ((k[1] - timedelta(days=1)).replace(day=1))
        prev = mres.get((k[0], pm))
        dec = (100 * (prev['petroleo_rate'] - mres[k]['petroleo_rate']) / prev['petroleo_rate']
               if prev and prev['completo'] and mres[k]['completo'] else None)
        for c, mc, v in zip(('oil_rate', 'liquid_rate', 'uptime', 'decline'), ('petroleo_rate', 'liquido_rate', 'uptime', None), row[2:]):
            if mc is None:
                check('kpi_mes.decline', k, dec, v); continue
            check('kpi_mes.' + c, k, mres[k][mc], v)
    for row in q("SELECT campo, fecha, pozos_con_datos, produccion_petroleo_bbl, produccion_agua_bbl, "
                 "produccion_gas_mscf, energia_kwh, kwh_por_bbl FROM reporting.fact_campo_diario "
                 "WHERE fecha BETWEEN '%s' AND '%s'" % (d0, d1)):
        k = (row[0], date.fromisoformat(row[1]))
        got['campo'].add(k)
        rs = fields[k]
        tot = lambda c: sum(r[c] for r in rs if r[c] is not None) if any(r[c] is not None for r in rs) else None
        ek = [r for r in rs if r['emp_kwh'] is not None]
        mine = (len(rs), tot('petroleo'), tot('agua'), tot('gas'), tot('energia'),
                sum(r['emp_kwh'] for r in ek) / sum(r['emp_liq'] for r in ek)
                if ek and sum(r['emp_liq'] for r in ek) else None)
        for c, x, v in zip(('pozos', 'petroleo', 'agua', 'gas', 'energia', 'kwh_por_bbl'), mine, row[2:]):
            check('campo.' + c, k, x, v)

    # a row the recomputation has and the database lacks (or the other way round) is a mismatch too
    want = {'kpi DIA': {k for k in days if k[1] >= d0}, 'vw_kpi_daily': {k for k in days if k[1] >= d0},
            'mensual': {k for k in mres if k[1] >= d0.replace(day=1)}, 'kpi MES': {k for k in mres if k[1] >= d0.replace(day=1)},
            'campo': {k for k in fields if k[1] >= d0}}
    for what in want:
        cmp['n'] += 1
        for k in sorted(want[what] ^ got[what]):
            cmp['bad'].append((what + ' row ' + ('missing in db' if k in want[what] else 'not recomputed'), k, None, None))
    print('compared %d values: %d mismatches' % (cmp['n'], len(cmp['bad'])))
    for b in cmp['bad'][:args.show]:
        print('  MISMATCH', *b)
    return days, mres


if __name__ == '__main__':
    main()
