#!/usr/bin/env python3
"""Per-column md5 of every table of the reporting and stage schemas (docs/AGGREGATION.md "Checking a day by hand"):
each column's values joined in primary-key order (else in the order of the rows' own md5), so the physical order
does not count and a changed value changes its own column's md5; run ids and write or detection times left out.
Compare two outputs with diff (before and after an explicit-window rerun, or old vs new jar).
usage: table_checksums.py DB ZONE > out.tsv      (lines: schema.table, column, rows, md5)"""
import subprocess, sys
db, zone = sys.argv[1], sys.argv[2]
SKIP_COLS = {'run_id', 'updated_at', 'created_at', 'detectado_en', 'batch_id', 'write_xid', 'pivot_xid',
             'fecha_calculo', 'calculated_at', 'fecha_evaluacion_ts', 'ingested_at', 'processed_at', 'loaded_at', 'evaluated_at', 'synced_at'}
def q(sql):
    r = subprocess.run(['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', db, '-AtF', '\t', '-c',
                        "SET TIME ZONE '%s'; SET extra_float_digits = 3; " % zone + sql], capture_output=True, text=True, check=True)
    return [l.split('\t') for l in r.stdout.splitlines() if l and not l.startswith('SET')]
tabs = q("""SELECT c.table_schema, c.table_name, string_agg(c.column_name, ',' ORDER BY c.ordinal_position)
              FROM information_schema.columns c JOIN pg_class k ON k.relname = c.table_name
              JOIN pg_namespace n ON n.oid = k.relnamespace AND n.nspname = c.table_schema
             WHERE c.table_schema IN ('reporting', 'stage') AND k.relkind IN ('r', 'p') AND NOT k.relispartition
             GROUP BY 1, 2 ORDER BY 1, 2""")
for s, t, cols in tabs:
    cs = [c for c in cols.split(',') if c not in SKIP_COLS]
    exprs = ', '.join("md5(coalesce(string_agg(coalesce(%s::text, '~'), '|' ORDER BY k), ''))" % ('"' + c + '"') for c in cs)
    # rows in primary-key order where the table has one (a changed value then changes its column's md5 only), else in
    # the order of the row's own md5
    pk = q("SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY array_position(i.indkey::int2[], a.attnum)) "
           "FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey) "
           "WHERE i.indrelid = '%s.%s'::regclass AND i.indisprimary" % (s, t))
    key = ('row(%s)::text' % pk[0][0]) if pk and pk[0] and pk[0][0] else 'md5(row(%s)::text)' % ', '.join('"%s"' % c for c in cs)
    row = q('SELECT count(*), %s FROM (SELECT *, %s AS k FROM %s.%s) t' % (exprs, key, s, t))[0]
    for c, h in zip(cs, row[1:]):
        print('%s.%s\t%s\t%s\t%s' % (s, t, c, row[0], h))
