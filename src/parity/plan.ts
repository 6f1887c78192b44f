import type { LoadedConfig } from '../config/load.js';
import type { ParitySetConfig, ParityTableConfig } from '../config/schema.js';
import type { Column, Engine, TypeFamily } from '../engines/engine.js';
import { LakeshiftError } from '../errors.js';
import { parityDialect, type ParityDialect } from './dialects/index.js';
import { typeScale } from './dialects/dialect.js';
import { exactStrings, isNumeric, type ColumnRule, type CompareFamily, type StringRules, type TimestampPrecision, type Tolerance } from './rules.js';
import { splitTableName } from './table-name.js';

export type ParityStrategy = 'join' | 'multiset' | 'segments';

/** One side of a table pair, resolved: which engine, which table, which filter. */
export interface SidePlan {
  readonly role: 'legacy' | 'new';
  readonly connection: string;
  readonly engine: Engine;
  readonly dialect: ParityDialect;
  /** The table as configured. */
  readonly table: string;
  /** The table quoted in the side's dialect. */
  readonly from: string;
  /** The user's filter for this side, as written (SQL of that engine), or undefined. */
  readonly where: string | undefined;
  readonly columns: readonly Column[];
}

/** A legacy column and the new column it is compared with. */
export interface PlanColumn {
  /** The legacy name. */
  readonly name: string;
  readonly newName: string;
  readonly legacy: Column;
  readonly new: Column;
  readonly family: CompareFamily;
  /** Decimal family: the larger of the two scales, at which both sides are written. */
  readonly scale: number;
  readonly key: boolean;
  readonly rule: ColumnRule;
}

export interface SchemaComparison {
  /** Legacy columns (not ignored) that the new table lacks. */
  readonly missingColumns: readonly string[];
  /** New columns (not ignored) that no legacy column maps to. */
  readonly extraColumns: readonly string[];
  /** Pairs whose type families differ; their values are still compared, by value. */
  readonly typeMismatches: ReadonlyArray<{ readonly column: string; readonly legacy: string; readonly new: string }>;
}

/** The rules of a table with every default filled in, as the result records them. */
export interface EffectiveRules {
  readonly keys: readonly string[];
  readonly ignore: readonly string[];
  readonly map: Readonly<Record<string, string>>;
  readonly where: { readonly legacy: string | null; readonly new: string | null };
  readonly tolerance: { readonly default: Tolerance | null; readonly columns: Readonly<Record<string, Tolerance>> };
  readonly timestampPrecision: TimestampPrecision | null;
  readonly strings: StringRules;
  /** A table passes when its mismatched rows are within every limit given (0 rows when none is). */
  readonly threshold: { readonly mismatchedRows: number | null; readonly mismatchRate: number | null };
  /** How the rules were applied where that is not obvious (keyless tolerance, ...). */
  readonly notes: readonly string[];
}

export interface TablePlan {
  readonly name: string;
  readonly strategy: ParityStrategy;
  readonly legacy: SidePlan;
  readonly new: SidePlan;
  readonly keys: readonly PlanColumn[];
  /** The compared columns that are not keys, in legacy order. */
  readonly values: readonly PlanColumn[];
  readonly schema: SchemaComparison;
  readonly rules: EffectiveRules;
}

/** Where a side of a table lives, from the config alone (no connection is opened). */
export function tableSide(set: ParitySetConfig, table: ParityTableConfig, role: 'legacy' | 'new'): { connection: string; table: string } {
  const ref = table[role];
  const connection = typeof ref === 'string' ? set.connection : (ref.connection ?? set.connection);
  if (connection === undefined) {
    throw new LakeshiftError('INPUT_INVALID', `table ${table.name}: no connection for the ${role} side`, {
      hint: 'Give { connection, table } or a connection for the set.',
    });
  }
  return { connection, table: typeof ref === 'string' ? ref : ref.table };
}

/** Same engine means the same connection; anything else (even two DuckDB files) is cross engine. */
export function chooseStrategy(legacyConnection: string, newConnection: string, keyed: boolean): ParityStrategy {
  if (legacyConnection !== newConnection) return 'segments';
  return keyed ? 'join' : 'multiset';
}

export interface PlanContext {
  readonly loaded: LoadedConfig;
  readonly set: ParitySetConfig;
  readonly engine: (connection: string) => Engine;
  readonly signal?: AbortSignal;
}

/**
 * Resolves a table of a set into a plan: connections and engines, the columns of both tables
 * (read with a query that returns no row), the column pairs through `map` and `ignore`, the
 * rules of each pair and the strategy.
 */
export async function planTable(table: ParityTableConfig, context: PlanContext): Promise<TablePlan> {
  const legacyRef = tableSide(context.set, table, 'legacy');
  const newRef = tableSide(context.set, table, 'new');
  const where = splitWhere(table.where);
  const [legacy, fresh] = await Promise.all([
    describeSide('legacy', legacyRef, where.legacy, context),
    describeSide('new', newRef, where.new, context),
  ]);
  return pairColumns(table, legacy, fresh);
}

async function describeSide(
  role: 'legacy' | 'new',
  ref: { connection: string; table: string },
  where: string | undefined,
  context: PlanContext,
): Promise<SidePlan> {
  const engine = context.engine(ref.connection);
  const dialect = parityDialect(engine.kind);
  const from = splitTableName(ref.table).map(dialect.quoteIdentifier).join('.');
  const result = await engine.query(`SELECT * FROM ${from} WHERE 1 = 0`, context.signal === undefined ? {} : { signal: context.signal });
  return { role, connection: ref.connection, engine, dialect, table: ref.table, from, where, columns: result.columns };
}

function splitWhere(where: ParityTableConfig['where']): { legacy: string | undefined; new: string | undefined } {
  if (where === undefined) return { legacy: undefined, new: undefined };
  if (typeof where === 'string') return { legacy: where, new: where };
  return { legacy: where.legacy, new: where.new };
}

/** Builds the plan from two described sides; exported for tests that need no engine. */
export function pairColumns(table: ParityTableConfig, legacy: SidePlan, fresh: SidePlan): TablePlan {
  const map = table.map ?? {};
  const ignore = table.ignore ?? [];
  const lower = (text: string) => text.toLowerCase();
  const ignored = new Set(ignore.map(lower));
  const find = (columns: readonly Column[], name: string) =>
    columns.find((column) => column.name === name) ?? columns.find((column) => lower(column.name) === lower(name));
  const mapped = (legacyName: string) => {
    const entry = Object.entries(map).find(([from]) => from === legacyName) ?? Object.entries(map).find(([from]) => lower(from) === lower(legacyName));
    return entry?.[1] ?? legacyName;
  };

  const pairs: Array<{ legacy: Column; new: Column }> = [];
  const missingColumns: string[] = [];
  const usedNew = new Set<string>();
  for (const column of legacy.columns) {
    const target = mapped(column.name);
    if (ignored.has(lower(column.name)) || ignored.has(lower(target))) continue;
    const partner = find(fresh.columns, target);
    if (partner === undefined) {
      missingColumns.push(column.name);
      continue;
    }
    usedNew.add(partner.name);
    pairs.push({ legacy: column, new: partner });
  }
  const extraColumns = fresh.columns
    .filter((column) => !usedNew.has(column.name) && !ignored.has(lower(column.name)))
    .map((column) => column.name);

  // A name in keys/tolerance.columns may be the legacy name or the new one.
  const pairOf = (name: string) =>
    pairs.find((pair) => pair.legacy.name === name) ??
    pairs.find((pair) => lower(pair.legacy.name) === lower(name)) ??
    pairs.find((pair) => lower(pair.new.name) === lower(name));

  const keyNames = table.keys ?? [];
  const unknownKeys = keyNames.filter((name) => pairOf(name) === undefined);
  if (unknownKeys.length > 0) {
    throw new LakeshiftError('INPUT_INVALID', `table ${table.name}: key column${unknownKeys.length > 1 ? 's' : ''} ${unknownKeys.join(', ')} not found in both tables`, {
      hint: `Columns compared: ${pairs.map((pair) => pair.legacy.name).join(', ') || '(none)'}. Check keys, map and ignore.`,
    });
  }
  const toleranceColumns = table.tolerance?.columns ?? {};
  const notes: string[] = [];
  for (const name of Object.keys(toleranceColumns)) {
    const pair = pairOf(name);
    if (pair === undefined) notes.push(`tolerance for "${name}" names no compared column`);
    else if (!isNumeric(compareFamily(pair.legacy, pair.new))) notes.push(`tolerance for "${name}" ignored: not a numeric column`);
  }
  const strings: StringRules = { ...exactStrings, ...(table.strings ?? {}) };
  const keyed = keyNames.length > 0;

  const typeMismatches: Array<{ column: string; legacy: string; new: string }> = [];
  const planColumns: PlanColumn[] = pairs.map((pair) => {
    const family = compareFamily(pair.legacy, pair.new);
    if (sourceFamily(pair.legacy.family) !== sourceFamily(pair.new.family)) {
      typeMismatches.push({ column: pair.legacy.name, legacy: pair.legacy.type, new: pair.new.type });
    }
    const isKey = keyNames.some((name) => pairOf(name) === pair);
    const columnTolerance = Object.entries(toleranceColumns).find(([name]) => pairOf(name) === pair)?.[1];
    const tolerance = isKey || !keyed || !isNumeric(family) ? undefined : (columnTolerance ?? table.tolerance?.default);
    const rule: ColumnRule = {
      strings: family === 'string' || family === 'text' ? strings : exactStrings,
      ...(tolerance === undefined ? {} : { tolerance }),
      ...(table.timestampPrecision !== undefined && (family === 'timestamp' || family === 'time') ? { timestampPrecision: table.timestampPrecision } : {}),
    };
    return {
      name: pair.legacy.name,
      newName: pair.new.name,
      legacy: pair.legacy,
      new: pair.new,
      family,
      scale: family === 'decimal' ? Math.max(typeScale(pair.legacy.type), typeScale(pair.new.type)) : 0,
      key: isKey,
      rule,
    };
  });
  // Keys in the order the config gives them.
  const keys = keyNames.map((name) => planColumns.find((column) => column.legacy === pairOf(name)!.legacy)!);
  const values = planColumns.filter((column) => !column.key);

  if (!keyed && (table.tolerance !== undefined)) {
    notes.push('keyless table: tolerances are not applied (rows are grouped by their normalised values, so they compare exactly)');
  }
  if (keyed) notes.push('tolerances are not applied to key columns');
  const strategy = chooseStrategy(legacy.connection, fresh.connection, keyed);
  if (strategy === 'segments' && values.some((column) => column.family === 'float' && column.rule.tolerance === undefined)) {
    notes.push('floats without a tolerance are hashed by their exact binary value (mantissa and exponent)');
  }

  return {
    name: table.name,
    strategy,
    legacy,
    new: fresh,
    keys,
    values,
    schema: { missingColumns, extraColumns, typeMismatches },
    rules: {
      keys: keys.map((key) => key.name),
      ignore,
      map,
      where: { legacy: legacy.where ?? null, new: fresh.where ?? null },
      tolerance: { default: table.tolerance?.default ?? null, columns: toleranceColumns },
      timestampPrecision: table.timestampPrecision ?? null,
      strings,
      threshold: {
        mismatchedRows: table.threshold?.mismatchedRows ?? (table.threshold?.mismatchRate === undefined ? 0 : null),
        mismatchRate: table.threshold?.mismatchRate ?? null,
      },
      notes,
    },
  };
}

/** Families as the schema comparison reports them (a time zone does not make another family). */
function sourceFamily(family: TypeFamily): string {
  return family === 'timestamptz' ? 'timestamp' : family;
}

/**
 * How a pair is compared when its two types differ: numbers by value (an integer and a decimal
 * as decimals, anything with a float as floats), a date with a timestamp as timestamps, a uuid
 * with a string as lower-case text, anything else with a string as text.
 */
export function compareFamily(legacy: Pick<Column, 'family'>, fresh: Pick<Column, 'family'>): CompareFamily {
  const a = single(legacy.family);
  const b = single(fresh.family);
  if (a === b) return a;
  const pair = new Set([a, b]);
  const has = (family: CompareFamily) => pair.has(family);
  if ([...pair].every(isNumeric)) return has('float') ? 'float' : 'decimal';
  if (has('date') && has('timestamp')) return 'timestamp';
  if (has('uuid') && has('string')) return 'uuid';
  return 'text';
}

function single(family: TypeFamily): CompareFamily {
  switch (family) {
    case 'timestamptz':
      return 'timestamp';
    case 'other':
      return 'text';
    default:
      return family;
  }
}
