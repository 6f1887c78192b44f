import { toNumber, type QueryResult, type Row, type Value } from '../../engines/engine.js';
import { limited, type ParityDialect } from '../dialects/dialect.js';
import { equalValues } from '../compare-values.js';
import { canonicalField, FIELD_SEPARATOR, floatExponent, floatHelpers, floatMantissa, needsFloatHelpers } from '../expressions.js';
import { toJsonValue, valueBytes } from '../json-value.js';
import type { PlanColumn, SidePlan, TablePlan } from '../plan.js';
import type { ChangedSample, ParityTransfer, SampleRow } from '../results.js';
import type { DiffOutcome, StrategyContext } from './outcome.js';
import { queryOptions } from './outcome.js';
import { fromWhere, sideRaw, sideValue } from './side-sql.js';

/**
 * Cross engine: the two tables never meet in one query, so each side describes itself.
 *
 * Every row gets a canonical text (expressions.ts: identical bytes on DuckDB, Databricks and
 * SQL Server for equal normalised values) and its md5; keyed rows also get the md5 of their
 * key's canonical text. Rows are put in segments by the leading hex digits of that key hash
 * (of the row hash for keyless tables), so that neither the key's type nor an engine's
 * collation or ordering matters. Each side returns, per segment, its row count and two sums of
 * 32-bit slices of the row hashes (order-independent, and unlike XOR, duplicates do not cancel).
 * Segments that differ are split by one more hex digit, again and again, until they hold at most
 * `leafRows` rows; then each side returns its (key hash, row hash) pairs for those segments only,
 * and the rows whose hashes differ are fetched from both sides and compared in memory with the
 * same rules as SQL (compare-values.ts). A hash match is taken as a match: the texts are exact
 * (no rounding) unless a tolerance says otherwise, so equal hashes mean equal values. A hash
 * mismatch is only a candidate: a float within its tolerance may straddle a quantum and is then
 * found equal by the in-memory comparison.
 */
export interface SegmentOptions {
  /** A differing segment is split until it holds at most this many rows (default 128). */
  readonly leafRows?: number;
  /** Values per IN (...) list (default 500). */
  readonly batch?: number;
}

const DEFAULT_LEAF_ROWS = 128;
const DEFAULT_BATCH = 500;
/** Above this many duplicated keys a cross-engine comparison gives up on the table. */
const MAX_DUPLICATE_KEYS = 10_000;

interface Bucket {
  readonly rows: number;
  readonly sum0: string;
  readonly sum1: string;
}

class Transfer {
  checksumQueries = 0;
  fetchQueries = 0;
  rowsFetched = 0;
  bytesFetched = 0;

  count(result: QueryResult, kind: 'checksum' | 'fetch'): QueryResult {
    if (kind === 'checksum') this.checksumQueries += 1;
    else this.fetchQueries += 1;
    this.rowsFetched += result.rows.length;
    for (const row of result.rows) for (const value of row) this.bytesFetched += valueBytes(value);
    return result;
  }
}

export async function segmentsDiff(context: StrategyContext, segmentOptions: SegmentOptions = {}): Promise<DiffOutcome> {
  const { plan } = context;
  const leafRows = segmentOptions.leafRows ?? DEFAULT_LEAF_ROWS;
  const batch = segmentOptions.batch ?? DEFAULT_BATCH;
  const transfer = new Transfer();
  const options = queryOptions(context);
  const keyed = plan.keys.length > 0;
  const sides = [plan.legacy, plan.new] as const;
  const run = async (side: SidePlan, sql: string, kind: 'checksum' | 'fetch') => transfer.count(await side.engine.query(sql, options), kind);

  // Duplicate keys: counted per side; keys duplicated on either side are set aside on both.
  let excluded: string[] = [];
  let duplicateKeys: DiffOutcome['duplicateKeys'];
  if (keyed) {
    const found = await Promise.all(
      sides.map(async (side) => {
        const sql = limited(side.dialect, `SELECT kh FROM (${hashedSql(side, plan)}) AS h GROUP BY kh HAVING count(*) > 1`, MAX_DUPLICATE_KEYS + 1);
        return (await run(side, sql, 'checksum')).rows.map((row) => String(row[0]));
      }),
    );
    const [legacyKeys, newKeys] = found as [string[], string[]];
    excluded = [...new Set([...legacyKeys, ...newKeys])].sort();
    if (excluded.length > MAX_DUPLICATE_KEYS) {
      throw new Error(`more than ${MAX_DUPLICATE_KEYS} duplicate keys: a cross-engine comparison needs unique keys`);
    }
    if (excluded.length > 0) {
      const counts = await Promise.all(
        sides.map(async (side) => {
          let rows = 0;
          for (const chunk of chunks(excluded, batch)) {
            const sql = `SELECT count(*) FROM (${hashedSql(side, plan)}) AS h WHERE kh IN (${chunk.map((key) => side.dialect.quoteLiteral(key)).join(', ')})`;
            rows += toNumber((await run(side, sql, 'checksum')).rows[0]?.[0] ?? 0);
          }
          return rows;
        }),
      );
      duplicateKeys = { legacyKeys: legacyKeys.length, newKeys: newKeys.length, legacyRows: counts[0]!, newRows: counts[1]! };
    }
  }
  const exclusion = (side: SidePlan) =>
    excluded.length === 0 ? '' : ` AND kh NOT IN (${excluded.map((key) => side.dialect.quoteLiteral(key)).join(', ')})`;

  // Segments, level by level.
  const largest = Math.max(context.rows.legacy, context.rows.new, 1);
  let length = Math.min(8, Math.max(1, Math.ceil(Math.log(largest / 1000) / Math.log(16))));
  let prefixes: string[] | undefined;
  const leaves: Array<{ length: number; prefix: string }> = [];
  for (;;) {
    const [legacyBuckets, newBuckets] = await Promise.all(
      sides.map(async (side) => {
        const buckets = new Map<string, Bucket>();
        for (const chunk of prefixes === undefined ? [undefined] : chunks(prefixes, batch)) {
          const result = await run(side, bucketSql(side, plan, length, chunk, exclusion(side)), 'checksum');
          for (const row of result.rows) buckets.set(String(row[0]), { rows: toNumber(row[1] ?? 0), sum0: String(row[2]), sum1: String(row[3]) });
        }
        return buckets;
      }),
    );
    const next: string[] = [];
    for (const prefix of new Set([...legacyBuckets!.keys(), ...newBuckets!.keys()])) {
      const a = legacyBuckets!.get(prefix);
      const b = newBuckets!.get(prefix);
      if (a !== undefined && b !== undefined && a.rows === b.rows && a.sum0 === b.sum0 && a.sum1 === b.sum1) continue;
      if (Math.max(a?.rows ?? 0, b?.rows ?? 0) <= leafRows || length >= 32) leaves.push({ length, prefix });
      else next.push(prefix);
    }
    if (next.length === 0) break;
    prefixes = next.sort();
    length += 1;
  }

  // Leaves: the row hashes of the differing segments, compared in memory.
  const byLength = new Map<number, string[]>();
  for (const leaf of leaves) byLength.set(leaf.length, [...(byLength.get(leaf.length) ?? []), leaf.prefix]);
  const hashesOf = async (side: SidePlan) => {
    const hashes = new Map<string, { row: string; copies: number }>();
    for (const [prefixLength, list] of byLength) {
      for (const chunk of chunks(list.sort(), batch)) {
        const result = await run(side, leafSql(side, plan, prefixLength, chunk, exclusion(side)), 'fetch');
        for (const row of result.rows) hashes.set(String(row[0]), { row: String(row[1]), copies: toNumber(row[2] ?? 1) });
      }
    }
    return hashes;
  };
  const [legacyHashes, newHashes] = (await Promise.all(sides.map(hashesOf))) as [Map<string, { row: string; copies: number }>, Map<string, { row: string; copies: number }>];

  const fetchRows = async (side: SidePlan, keys: readonly string[]): Promise<Map<string, Row>> => {
    const rows = new Map<string, Row>();
    for (const chunk of chunks(keys, batch)) {
      const result = await run(side, fetchSql(side, plan, chunk), 'fetch');
      for (const row of result.rows) rows.set(String(row[0]), row.slice(1));
    }
    return rows;
  };

  const columns = [...plan.keys, ...plan.values];
  const keyOf = (row: Row) => Object.fromEntries(plan.keys.map((key, index) => [key.name, toJsonValue(row[index] ?? null)]));
  const valuesOf = (row: Row) => Object.fromEntries(plan.values.map((column, index) => [column.name, toJsonValue(row[plan.keys.length + index] ?? null)]));
  const samples = { missing: [] as SampleRow[], extra: [] as SampleRow[], changed: [] as ChangedSample[] };
  let missing = 0;
  let extra = 0;
  let changed = 0;

  if (!keyed) {
    const missingHashes: string[] = [];
    const extraHashes: string[] = [];
    const copies = new Map<string, number>();
    for (const hash of new Set([...legacyHashes.keys(), ...newHashes.keys()])) {
      const difference = (legacyHashes.get(hash)?.copies ?? 0) - (newHashes.get(hash)?.copies ?? 0);
      if (difference > 0) {
        missing += difference;
        missingHashes.push(hash);
      } else if (difference < 0) {
        extra -= difference;
        extraHashes.push(hash);
      }
      copies.set(hash, Math.abs(difference));
    }
    const [legacyRows, newRows] = await Promise.all([
      fetchRows(plan.legacy, missingHashes.sort().slice(0, context.sample)),
      fetchRows(plan.new, extraHashes.sort().slice(0, context.sample)),
    ]);
    for (const [hash, row] of legacyRows) samples.missing.push({ key: null, values: valuesOf(row), copies: copies.get(hash) ?? 0 });
    for (const [hash, row] of newRows) samples.extra.push({ key: null, values: valuesOf(row), copies: copies.get(hash) ?? 0 });
    return {
      matched: Math.max(0, context.rows.legacy - missing),
      missing,
      extra,
      changed: 0,
      columnMismatches: null,
      samples,
      transfer: await finishTransfer(transfer, plan, context, run),
    };
  }

  const missingKeys: string[] = [];
  const extraKeys: string[] = [];
  const candidates: string[] = [];
  for (const [key, legacy] of legacyHashes) {
    const fresh = newHashes.get(key);
    if (fresh === undefined) missingKeys.push(key);
    else if (fresh.row !== legacy.row) candidates.push(key);
  }
  for (const key of newHashes.keys()) if (!legacyHashes.has(key)) extraKeys.push(key);
  missing = missingKeys.length;
  extra = extraKeys.length;

  const columnMismatches = new Map(plan.values.map((column) => [column.name, 0]));
  candidates.sort();
  for (const chunk of chunks(candidates, batch)) {
    const [legacyRows, newRows] = await Promise.all([fetchRows(plan.legacy, chunk), fetchRows(plan.new, chunk)]);
    for (const key of chunk) {
      const legacy = legacyRows.get(key);
      const fresh = newRows.get(key);
      if (legacy === undefined || fresh === undefined) continue;
      const differing = plan.values.flatMap((column, index) => {
        const position = plan.keys.length + index;
        return equalValues(legacy[position] ?? null, fresh[position] ?? null, column) ? [] : [{ column, position }];
      });
      if (differing.length === 0) continue;
      changed += 1;
      for (const { column } of differing) columnMismatches.set(column.name, (columnMismatches.get(column.name) ?? 0) + 1);
      if (samples.changed.length < context.sample) {
        samples.changed.push({
          key: keyOf(legacy),
          columns: differing.map(({ column, position }) => ({
            name: column.name,
            newName: column.newName,
            legacy: toJsonValue(legacy[position] ?? null),
            new: toJsonValue(fresh[position] ?? null),
          })),
        });
      }
    }
  }
  const [legacyRows, newRows] = await Promise.all([
    fetchRows(plan.legacy, missingKeys.sort().slice(0, context.sample)),
    fetchRows(plan.new, extraKeys.sort().slice(0, context.sample)),
  ]);
  for (const row of legacyRows.values()) samples.missing.push({ key: keyOf(row), values: valuesOf(row) });
  for (const row of newRows.values()) samples.extra.push({ key: keyOf(row), values: valuesOf(row) });
  samples.changed.sort((a, b) => compareKeys(a.key, b.key));
  samples.missing.sort((a, b) => compareKeys(a.key ?? {}, b.key ?? {}));
  samples.extra.sort((a, b) => compareKeys(a.key ?? {}, b.key ?? {}));
  void columns;

  return {
    matched: Math.max(0, context.rows.legacy - (duplicateKeys?.legacyRows ?? 0) - missing - changed),
    missing,
    extra,
    changed,
    ...(duplicateKeys === undefined ? {} : { duplicateKeys }),
    columnMismatches,
    samples,
    transfer: await finishTransfer(transfer, plan, context, run),
  };
}

/** Transfer figures, with the table's size estimated from a sample of 100 legacy rows. */
async function finishTransfer(
  transfer: Transfer,
  plan: TablePlan,
  context: StrategyContext,
  run: (side: SidePlan, sql: string, kind: 'checksum' | 'fetch') => Promise<QueryResult>,
): Promise<ParityTransfer> {
  const side = plan.legacy;
  const list = [...plan.keys, ...plan.values].map((column) => sideRaw(side, column));
  const sample = await run(side, limited(side.dialect, `SELECT ${list.join(', ')} ${fromWhere(side)}`, 100), 'fetch');
  let sampleBytes = 0;
  for (const row of sample.rows) for (const value of row) sampleBytes += valueBytes(value);
  const averageRow = sample.rows.length === 0 ? 0 : sampleBytes / sample.rows.length;
  const tableBytes = Math.round(Math.max(context.rows.legacy, context.rows.new) * averageRow);
  return {
    checksumQueries: transfer.checksumQueries,
    fetchQueries: transfer.fetchQueries,
    rowsFetched: transfer.rowsFetched,
    bytesFetched: transfer.bytesFetched,
    tableBytes,
    ratio: tableBytes === 0 ? 0 : transfer.bytesFetched / tableBytes,
  };
}

/** Orders samples by their key values: numbers by value, text by code point, NULLs last. */
function compareKeys(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const x = Object.values(a);
  const y = Object.values(b);
  for (let index = 0; index < Math.max(x.length, y.length); index += 1) {
    const order = compareJson(x[index] ?? null, y[index] ?? null);
    if (order !== 0) return order;
  }
  return 0;
}

function compareJson(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const numeric = (value: unknown) =>
    typeof value === 'number' ? value : typeof value === 'object' && value !== null && 'bigint' in value ? Number((value as { bigint: string }).bigint) : undefined;
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) return x < y ? -1 : x > y ? 1 : 0;
  const p = JSON.stringify(a);
  const q = JSON.stringify(b);
  return p < q ? -1 : p > q ? 1 : 0;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}

// ---------------------------------------------------------------------------------------------
// SQL

/**
 * One side as a relation of (raw values r0.., key hash kh, row hash rh), built in layers so that
 * no expression is written twice: normalised values v0..; for exact floats their binary
 * exponent e (layer 1) and mantissa m (layer 2); the canonical key and row texts kt, rt
 * (layer 3); their md5s (layer 4). Exported for tests of its text.
 */
export function hashedSql(side: SidePlan, plan: TablePlan): string {
  const dialect = side.dialect;
  const columns = [...plan.keys, ...plan.values];
  const base = columns.flatMap((column, index) => [`${sideValue(side, column)} AS v${index}`, `${sideRaw(side, column)} AS r${index}`]);
  let relation = `SELECT ${base.join(', ')} ${fromWhere(side)}`;
  const floats = columns.map((column, index) => ({ column, index })).filter(({ column }) => needsFloatHelpers(column));
  if (floats.length > 0) {
    const exponents = floats.map(({ index }) => `${floatExponent(dialect, `v${index}`)} AS ${floatHelpers(index).exponent}`);
    relation = `SELECT s0.*, ${exponents.join(', ')} FROM (${relation}) AS s0`;
    const mantissas = floats.map(({ index }) => `${floatMantissa(dialect, `v${index}`, floatHelpers(index).exponent)} AS ${floatHelpers(index).mantissa}`);
    relation = `SELECT s1.*, ${mantissas.join(', ')} FROM (${relation}) AS s1`;
  }
  const fields = columns.map((column, index) => canonicalField(dialect, `v${index}`, column, index));
  const keyed = plan.keys.length > 0;
  const texts = [`${rowText(dialect, fields)} AS rt`];
  if (keyed) texts.push(`${rowText(dialect, fields.slice(0, plan.keys.length))} AS kt`);
  relation = `SELECT s2.*, ${texts.join(', ')} FROM (${relation}) AS s2`;
  relation = `SELECT s3.*, ${dialect.md5('rt')} AS rh${keyed ? `, ${dialect.md5('kt')} AS kr` : ''} FROM (${relation}) AS s3`;
  return `SELECT s4.*, ${dialect.hashHex(keyed ? 'kr' : 'rh')} AS kh FROM (${relation}) AS s4`;
}

function rowText(dialect: ParityDialect, fields: readonly string[]): string {
  if (fields.length === 0) return "''";
  return dialect.concat(fields.flatMap((field, index) => (index === 0 ? [field] : [`'${FIELD_SEPARATOR}'`, field])));
}

/** Per segment (the first `length` hex digits of kh): rows and two sums of row-hash slices. */
export function bucketSql(side: SidePlan, plan: TablePlan, length: number, within: readonly string[] | undefined, exclusion = ''): string {
  const dialect = side.dialect;
  const bucket = dialect.substring('kh', 1, length);
  const filter =
    within === undefined ? '' : ` AND ${dialect.substring('kh', 1, length - 1)} IN (${within.map((prefix) => dialect.quoteLiteral(prefix)).join(', ')})`;
  return (
    `SELECT ${bucket} AS b, count(*) AS n, SUM(${dialect.hashInt('rh', 0)}) AS s0, SUM(${dialect.hashInt('rh', 1)}) AS s1 ` +
    `FROM (${hashedSql(side, plan)}) AS h WHERE 1 = 1${filter}${exclusion} GROUP BY ${bucket}`
  );
}

/** The hashes of the rows in some segments: (kh, first 16 hex digits of the row hash) or, keyless, (kh, -, copies). */
export function leafSql(side: SidePlan, plan: TablePlan, length: number, prefixes: readonly string[], exclusion = ''): string {
  const dialect = side.dialect;
  const filter = `${dialect.substring('kh', 1, length)} IN (${prefixes.map((prefix) => dialect.quoteLiteral(prefix)).join(', ')})`;
  if (plan.keys.length === 0) {
    return `SELECT kh, '' AS rx, count(*) AS c FROM (${hashedSql(side, plan)}) AS h WHERE ${filter} GROUP BY kh`;
  }
  return `SELECT kh, ${dialect.substring(dialect.hashHex('rh'), 1, 16)} AS rx FROM (${hashedSql(side, plan)}) AS h WHERE ${filter}${exclusion}`;
}

/** The raw values of the rows with some key hashes (row hashes, keyless). */
export function fetchSql(side: SidePlan, plan: TablePlan, hashes: readonly string[]): string {
  const raw = [...plan.keys, ...plan.values].map((_column: PlanColumn, index) => `r${index}`);
  return `SELECT kh, ${raw.join(', ')} FROM (${hashedSql(side, plan)}) AS h WHERE kh IN (${hashes.map((hash) => side.dialect.quoteLiteral(hash)).join(', ')})`;
}

export type { Value };
