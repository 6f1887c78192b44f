import { rowObjects, toNumber, type Value } from '../../engines/engine.js';
import { differs } from '../expressions.js';
import { toJsonValue } from '../json-value.js';
import type { PlanColumn, SidePlan, TablePlan } from '../plan.js';
import type { ChangedSample, SampleRow } from '../results.js';
import type { DiffOutcome, StrategyContext } from './outcome.js';
import { queryOptions } from './outcome.js';
import { duplicateKeysSql, fromWhere, keysJoin, sideRaw, sideValue } from './side-sql.js';

/**
 * Same engine, keyed: one pushed-down query. Both sides are normalised in SQL and FULL OUTER
 * JOINed on their normalised keys; a row is missing (legacy only), extra (new only) or
 * compared column by column. Only the rows that differ go on, to one window pass that counts
 * each category and each column's mismatches and numbers the rows of each category by key, and
 * the query returns at most `sample` rows per category with those totals. Matched rows are
 * never returned: matched = legacy rows - missing - changed (keys being unique).
 *
 * Duplicate keys are checked first (one grouped count per side). When there are some, rows
 * under a key found more than once on either side are set aside before the join, counted and
 * reported, so that a duplicate never multiplies the join's rows.
 */
export async function joinDiff(context: StrategyContext): Promise<DiffOutcome> {
  const { plan } = context;
  if (plan.legacy.dialect.sampleAggregate !== undefined && context.joinAggregate !== false) {
    const outcome = await aggregateDiff(context);
    if (outcome !== undefined) return outcome;
  }
  return windowDiff(context);
}

/**
 * Where the engine keeps bounded samples inside an aggregate (DuckDB): one aggregate pass over
 * the join returns the counts, the per-column mismatches and the samples. Duplicate keys are
 * proved absent by the join's own counts: with unique keys, the rows present on both sides are
 * exactly legacy rows - missing and new rows - extra, and no missing or extra key repeats; any
 * duplicate breaks one of these equalities (a key found l times on the legacy side and n times on
 * the new one gives l * n joined rows). Then the window path, which sets duplicates aside, runs.
 */
async function aggregateDiff(context: StrategyContext): Promise<DiffOutcome | undefined> {
  const { plan } = context;
  const result = await plan.legacy.engine.query(aggregateJoinSql(plan, context.sample), queryOptions(context));
  const rows = rowObjects(result);
  const first = rows[0];
  const total = (name: string) => (first === undefined ? 0 : toNumber(first[name] ?? 0));
  const both = total('t_both');
  const missing = total('t_missing');
  const extra = total('t_extra');
  const changed = total('t_changed');
  const unique =
    both === context.rows.legacy - missing && both === context.rows.new - extra && total('t_missing_keys') === missing && total('t_extra_keys') === extra;
  if (!unique) return undefined;
  return {
    matched: both - changed,
    missing,
    extra,
    changed,
    columnMismatches: new Map(plan.values.map((column, index) => [column.name, total(`t${index}`)])),
    samples: samplesOf(plan, rows.filter((row) => row['cat'] !== null && row['cat'] !== undefined), context.sample),
  };
}

async function windowDiff(context: StrategyContext): Promise<DiffOutcome> {
  const { plan } = context;
  const engine = plan.legacy.engine;
  const options = queryOptions(context);
  const [legacyDuplicates, newDuplicates] = await Promise.all(
    [plan.legacy, plan.new].map(async (side) => {
      const row = (await engine.query(duplicateKeysSql(side, plan.keys), options)).rows[0] ?? [0, 0];
      return { keys: toNumber(row[0] ?? 0), rows: toNumber(row[1] ?? 0) };
    }),
  );
  const hasDuplicates = legacyDuplicates!.keys > 0 || newDuplicates!.keys > 0;

  let setAside = { legacy: 0, new: 0 };
  if (hasDuplicates) {
    const result = await engine.query(setAsideSql(plan), options);
    const row = result.rows[0] ?? [0, 0];
    setAside = { legacy: toNumber(row[0] ?? 0), new: toNumber(row[1] ?? 0) };
  }

  const result = await engine.query(joinSql(plan, context.sample, hasDuplicates), options);
  const rows = rowObjects(result);
  const first = rows[0];
  const total = (name: string) => (first === undefined ? 0 : toNumber(first[name] ?? 0));
  const missing = total('t_missing');
  const extra = total('t_extra');
  const changed = total('t_changed');
  const columnMismatches = new Map(plan.values.map((column, index) => [column.name, total(`t${index}`)]));

  const samples = samplesOf(
    plan,
    rows.filter((row) => toNumber(row['rn'] ?? 0) <= context.sample),
    context.sample,
  );

  const legacyCompared = context.rows.legacy - setAside.legacy;
  return {
    matched: Math.max(0, legacyCompared - missing - changed),
    missing,
    extra,
    changed,
    ...(hasDuplicates
      ? { duplicateKeys: { legacyKeys: legacyDuplicates!.keys, newKeys: newDuplicates!.keys, legacyRows: setAside.legacy, newRows: setAside.new } }
      : {}),
    columnMismatches,
    samples,
  };
}

/** Sample rows (columns cat, lrk/nrk, lr/nr, d) as the result model's samples. */
function samplesOf(plan: TablePlan, rows: ReadonlyArray<Record<string, Value>>, sample: number) {
  const samples = { missing: [] as SampleRow[], extra: [] as SampleRow[], changed: [] as ChangedSample[] };
  for (const row of rows) {
    const category = row['cat'];
    const side = category === 'extra' ? 'n' : 'l';
    const key = Object.fromEntries(plan.keys.map((column, index) => [column.name, toJsonValue(row[`${side}rk${index}`] ?? null)]));
    if (category === 'changed') {
      samples.changed.push({
        key,
        columns: plan.values
          .map((column, index) => ({ column, index }))
          .filter(({ index }) => toNumber(row[`d${index}`] ?? 0) === 1)
          .map(({ column, index }) => ({
            name: column.name,
            newName: column.newName,
            legacy: toJsonValue(row[`lr${index}`] ?? null),
            new: toJsonValue(row[`nr${index}`] ?? null),
          })),
      });
    } else {
      const values = Object.fromEntries(plan.values.map((column, index) => [column.name, toJsonValue((row[`${side}r${index}`] ?? null) as Value)]));
      (category === 'missing' ? samples.missing : samples.extra).push({ key, values });
    }
  }
  for (const list of [samples.missing, samples.extra, samples.changed]) list.splice(sample);
  return samples;
}

/**
 * One side: a presence marker, normalised and raw keys (k, rk), normalised and raw values (c, r).
 * A raw column is only written where it differs from the normalised one (see rawOf): the join's
 * hash table carries every column of its build side, and a copy would double it.
 */
function sideSelect(side: SidePlan, plan: TablePlan): string {
  const list = [
    '1 AS p',
    ...plan.keys.flatMap((key, index) => [`${sideValue(side, key)} AS k${index}`, ...(sideRaw(side, key) === sideValue(side, key) ? [] : [`${sideRaw(side, key)} AS rk${index}`])]),
    ...plan.values.flatMap((column, index) => [
      `${sideValue(side, column)} AS c${index}`,
      ...(sideRaw(side, column) === sideValue(side, column) ? [] : [`${sideRaw(side, column)} AS r${index}`]),
    ]),
  ];
  return `SELECT ${list.join(', ')} ${fromWhere(side)}`;
}

/** The raw key (rk) or value (r) column of a side, or its normalised column when they are the same. */
function rawOf(plan: TablePlan, alias: 'l' | 'n', kind: 'key' | 'value', index: number): string {
  const side = alias === 'l' ? plan.legacy : plan.new;
  const column = kind === 'key' ? plan.keys[index]! : plan.values[index]!;
  const same = sideRaw(side, column) === sideValue(side, column);
  return kind === 'key' ? `${alias}.${same ? 'k' : 'rk'}${index}` : `${alias}.${same ? 'c' : 'r'}${index}`;
}

/** The two sides as CTEs l and n, without the keys duplicated on either side when there are some. */
function sidesCte(plan: TablePlan, withoutDuplicates: boolean): string {
  const dialect = plan.legacy.dialect;
  if (!withoutDuplicates) return `l AS (${sideSelect(plan.legacy, plan)}), n AS (${sideSelect(plan.new, plan)})`;
  const keyList = plan.keys.map((_, index) => `k${index}`).join(', ');
  const duplicates = (relation: string) => `SELECT ${keyList} FROM ${relation} GROUP BY ${keyList} HAVING count(*) > 1`;
  const notDuplicated = (relation: string) =>
    `SELECT ${relation}.* FROM ${relation} WHERE NOT EXISTS (SELECT 1 FROM dup WHERE ${keysJoin(dialect, plan.keys, 'dup', relation)})`;
  return (
    `la AS (${sideSelect(plan.legacy, plan)}), na AS (${sideSelect(plan.new, plan)}), ` +
    `dup AS (${duplicates('la')} UNION ${duplicates('na')}), ` +
    `l AS (${notDuplicated('la')}), n AS (${notDuplicated('na')})`
  );
}

function setAsideSql(plan: TablePlan): string {
  return `WITH ${sidesCte(plan, true)} SELECT (SELECT count(*) FROM la) - (SELECT count(*) FROM l) AS l_aside, (SELECT count(*) FROM na) - (SELECT count(*) FROM n) AS n_aside`;
}

/**
 * The one-pass aggregate diff (dialects with sampleAggregate); exported for tests of its text.
 * Each joined row's "present on both sides" and "changed" are computed once, in a projection;
 * the per-column tests then run inside CASEs, so only on changed rows.
 */
export function aggregateJoinSql(plan: TablePlan, sample: number): string {
  const dialect = plan.legacy.dialect;
  const aggregate = dialect.sampleAggregate!;
  const differ = plan.values.map((column, index) => differs(dialect, `lc${index}`, `nc${index}`, column));
  const anyDiffers = differ.length === 0 ? 'FALSE' : `(${differ.join(' OR ')})`;
  const keyRecord = (side: string) => aggregate.record(plan.keys.map((_, index) => [`k${index}`, `${side}k${index}`] as const));
  // One key is counted and ordered as itself (a record would cost a hash of a struct per row);
  // count(DISTINCT) skips NULLs, so a NULL key among missing or extra rows only sends the table
  // down the window path.
  const order = (side: string) => (plan.keys.length === 1 ? `${side}k0` : keyRecord(side));
  const joined = [
    'l.p AS lp',
    'n.p AS np',
    ...plan.keys.flatMap((_, index) => [`l.k${index} AS lk${index}`, `n.k${index} AS nk${index}`, `${rawOf(plan, 'l', 'key', index)} AS lrk${index}`, `${rawOf(plan, 'n', 'key', index)} AS nrk${index}`]),
    ...plan.values.flatMap((_, index) => [`l.c${index} AS lc${index}`, `n.c${index} AS nc${index}`, `${rawOf(plan, 'l', 'value', index)} AS lr${index}`, `${rawOf(plan, 'n', 'value', index)} AS nr${index}`]),
  ];
  const record = aggregate.record([
    ['cat', `CASE WHEN np IS NULL THEN 'missing' WHEN lp IS NULL THEN 'extra' ELSE 'changed' END`],
    ...plan.keys.flatMap((_, index) => [[`lrk${index}`, `lrk${index}`] as const, [`nrk${index}`, `nrk${index}`] as const]),
    ...plan.values.flatMap((_, index) => [[`lr${index}`, `lr${index}`] as const, [`nr${index}`, `nr${index}`] as const]),
    ...differ.map((predicate, index) => [`d${index}`, `CASE WHEN chg AND ${predicate} THEN 1 ELSE 0 END`] as const),
  ]);
  const n = Math.max(1, sample);
  const list = [
    `count(*) FILTER (WHERE both_sides) AS t_both`,
    `count(*) FILTER (WHERE np IS NULL) AS t_missing`,
    `count(DISTINCT ${order('l')}) FILTER (WHERE np IS NULL) AS t_missing_keys`,
    `count(*) FILTER (WHERE lp IS NULL) AS t_extra`,
    `count(DISTINCT ${order('n')}) FILTER (WHERE lp IS NULL) AS t_extra_keys`,
    `count(*) FILTER (WHERE chg) AS t_changed`,
    ...differ.map((predicate, index) => `sum(CASE WHEN chg THEN (CASE WHEN ${predicate} THEN 1 ELSE 0 END) ELSE 0 END) AS t${index}`),
    // The record is built inside a CASE, so only for the rows of its category (an aggregate's
    // FILTER alone would still build it for every joined row).
    aggregate.rows(
      [
        [order('l'), 'np IS NULL'],
        [order('n'), 'lp IS NULL'],
        [order('l'), 'chg'],
      ].map(([by, when]) => `${aggregate.topN(`CASE WHEN ${when} THEN ${record} END`, by!, n)} FILTER (WHERE ${when})`),
    ),
  ];
  return [
    `WITH ${sidesCte(plan, false)},`,
    `j AS (SELECT ${joined.join(', ')} FROM l FULL OUTER JOIN n ON ${keysJoin(dialect, plan.keys, 'l', 'n')}),`,
    `f AS (SELECT j.*, lp IS NOT NULL AND np IS NOT NULL AS both_sides, lp IS NOT NULL AND np IS NOT NULL AND ${anyDiffers} AS chg FROM j)`,
    `SELECT ${list.join(',\n  ')}`,
    'FROM f',
  ].join('\n');
}

/**
 * The window diff (every dialect): the join's differing rows only, then one window pass over them
 * for totals and per-category row numbers. Exported for tests of its text.
 */
export function joinSql(plan: TablePlan, sample: number, withoutDuplicates: boolean): string {
  const dialect = plan.legacy.dialect;
  const joined = [
    'l.p AS lp',
    'n.p AS np',
    ...plan.keys.flatMap((_, index) => [`l.k${index} AS lk${index}`, `n.k${index} AS nk${index}`, `${rawOf(plan, 'l', 'key', index)} AS lrk${index}`, `${rawOf(plan, 'n', 'key', index)} AS nrk${index}`]),
    ...plan.values.flatMap((_, index) => [`l.c${index} AS lc${index}`, `n.c${index} AS nc${index}`, `${rawOf(plan, 'l', 'value', index)} AS lr${index}`, `${rawOf(plan, 'n', 'value', index)} AS nr${index}`]),
  ];
  const differ = plan.values.map((column: PlanColumn, index) => differs(dialect, `lc${index}`, `nc${index}`, column));
  const differing = ['lp IS NULL', 'np IS NULL', ...differ].join(' OR ');
  const flags = differ.map((predicate, index) => `CASE WHEN lp IS NOT NULL AND np IS NOT NULL AND ${predicate} THEN 1 ELSE 0 END AS d${index}`);
  const order = plan.keys.map((_, index) => `COALESCE(lk${index}, nk${index})`).join(', ');
  const totals = [
    `SUM(CASE WHEN cat = 'missing' THEN 1 ELSE 0 END) OVER () AS t_missing`,
    `SUM(CASE WHEN cat = 'extra' THEN 1 ELSE 0 END) OVER () AS t_extra`,
    `SUM(CASE WHEN cat = 'changed' THEN 1 ELSE 0 END) OVER () AS t_changed`,
    ...plan.values.map((_, index) => `SUM(d${index}) OVER () AS t${index}`),
  ];
  return [
    `WITH ${sidesCte(plan, withoutDuplicates)},`,
    `j AS (SELECT ${joined.join(', ')} FROM l FULL OUTER JOIN n ON ${keysJoin(dialect, plan.keys, 'l', 'n')}),`,
    `x AS (SELECT j.*, CASE WHEN np IS NULL THEN 'missing' WHEN lp IS NULL THEN 'extra' ELSE 'changed' END AS cat${flags.map((flag) => `, ${flag}`).join('')} FROM j WHERE ${differing}),`,
    `y AS (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY cat ORDER BY ${order}) AS rn, ${totals.join(', ')} FROM x)`,
    `SELECT * FROM y WHERE rn <= ${Math.max(1, sample)}`,
  ].join('\n');
}
