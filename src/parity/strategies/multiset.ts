import { rowObjects, toNumber } from '../../engines/engine.js';
import { groupingOf, keyMatches } from '../expressions.js';
import { toJsonValue } from '../json-value.js';
import type { PlanColumn, SidePlan, TablePlan } from '../plan.js';
import type { SampleRow } from '../results.js';
import type { DiffOutcome, StrategyContext } from './outcome.js';
import { queryOptions } from './outcome.js';
import { fromWhere, sideValue } from './side-sql.js';

/**
 * Same engine, keyless: each side grouped by all its normalised columns with a count, and the
 * two groupings FULL OUTER JOINed on every column (NULL-safe). A row that legacy has 3 times
 * and new once is 2 missing rows; matched rows are min(legacy copies, new copies). Tolerances
 * cannot apply (grouping needs equal values), so the rows compare exactly after normalisation.
 * Samples show the normalised values with the number of copies one side has in excess.
 */
export async function multisetDiff(context: StrategyContext): Promise<DiffOutcome> {
  const { plan } = context;
  const result = await plan.legacy.engine.query(multisetSql(plan, context.sample), queryOptions(context));
  const rows = rowObjects(result);
  const first = rows[0];
  const total = (name: string) => (first === undefined ? 0 : toNumber(first[name] ?? 0));
  const missing = total('t_missing');
  const extra = total('t_extra');
  const samples = { missing: [] as SampleRow[], extra: [] as SampleRow[], changed: [] };
  for (const row of rows) {
    if (toNumber(row['rn'] ?? 0) > context.sample) continue;
    const side = row['cat'] === 'missing' ? 'l' : 'n';
    const values = Object.fromEntries(plan.values.map((column, index) => [column.name, toJsonValue(row[`${side}c${index}`] ?? null)]));
    (row['cat'] === 'missing' ? samples.missing : samples.extra).push({ key: null, values, copies: toNumber(row['copies'] ?? 0) });
  }
  return { matched: Math.max(0, context.rows.legacy - missing), missing, extra, changed: 0, columnMismatches: null, samples };
}

function grouped(side: SidePlan, columns: readonly PlanColumn[]): string {
  const dialect = side.dialect;
  const inner = columns.map((column, index) => `${sideValue(side, column)} AS c${index}`);
  const grouping = columns.flatMap((column, index) => groupingOf(dialect, `c${index}`, column.family));
  const names = columns.map((_, index) => `c${index}`);
  return `SELECT ${[...names, 'count(*) AS cnt'].join(', ')} FROM (SELECT ${inner.join(', ')} ${fromWhere(side)}) AS s GROUP BY ${grouping.join(', ')}`;
}

/** The diff query; exported for tests of its text. */
export function multisetSql(plan: TablePlan, sample: number): string {
  const dialect = plan.legacy.dialect;
  const columns = plan.values;
  const on = columns.length === 0 ? '1 = 1' : columns.map((column, index) => keyMatches(dialect, `l.c${index}`, `n.c${index}`, column.family)).join(' AND ');
  const joined = [
    ...columns.flatMap((_, index) => [`l.c${index} AS lc${index}`, `n.c${index} AS nc${index}`]),
    'COALESCE(l.cnt, 0) AS lcnt',
    'COALESCE(n.cnt, 0) AS ncnt',
  ];
  const order = columns.length === 0 ? '1' : columns.map((_, index) => `COALESCE(lc${index}, nc${index})`).join(', ');
  return [
    `WITH l AS (${grouped(plan.legacy, columns)}), n AS (${grouped(plan.new, columns)}),`,
    `j AS (SELECT ${joined.join(', ')} FROM l FULL OUTER JOIN n ON ${on}),`,
    `x AS (SELECT j.*, CASE WHEN lcnt > ncnt THEN 'missing' ELSE 'extra' END AS cat, ABS(lcnt - ncnt) AS copies FROM j WHERE lcnt <> ncnt),`,
    `y AS (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY cat ORDER BY ${order}) AS rn, ` +
      `SUM(CASE WHEN cat = 'missing' THEN copies ELSE 0 END) OVER () AS t_missing, ` +
      `SUM(CASE WHEN cat = 'extra' THEN copies ELSE 0 END) OVER () AS t_extra FROM x)`,
    `SELECT * FROM y WHERE rn <= ${Math.max(1, sample)}`,
  ].join('\n');
}
