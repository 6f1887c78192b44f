import type { Expression, FunctionCall, ObjectName, Query, Span } from '../../tsql/index.js';
import type { TranslationContext } from '../context.js';
import { conjuncts } from './ast-tools.js';
import { isStringLiteral } from './collation.js';
import { expression } from './expressions.js';
import { functionName, quoteNameArgument } from './function-rule.js';
import { untranslated } from './markers.js';

/**
 * OBJECT_ID(name [, type]) IS [NOT] NULL: whether an object exists. Objects have no numeric ids
 * in the targets, but their catalogs list them: Databricks in information_schema.tables (tables
 * and views) and information_schema.routines (functions and procedures) of each catalog, DuckDB
 * in information_schema.tables and duckdb_functions() (macros). A name written as a literal is
 * mapped through translate.names like any object name, so the test looks for the translated
 * object; a name built at run time is compared, without case, with schema.name as the T-SQL
 * wrote it.
 */

type ObjectKind = 'table' | 'view' | 'procedure' | 'function';

/** sys.objects types OBJECT_ID's second argument names, by what they became. */
const KINDS: Readonly<Record<string, ObjectKind>> = {
  U: 'table',
  V: 'view',
  // A synonym became a view (statements.ts).
  SN: 'view',
  P: 'procedure',
  PC: 'procedure',
  FN: 'function',
  IF: 'function',
  TF: 'function',
  FS: 'function',
  FT: 'function',
};

export function isObjectIdCall(node: Expression): node is FunctionCall {
  return node.kind === 'function-call' && node.name.parts.length === 1 && functionName(node) === 'OBJECT_ID' && node.over === undefined;
}

/** The parts of an object name written in a string: `[dbo].[t]` -> dbo, t; `db..t` keeps the empty part. */
export function namePartsOf(text: string): string[] {
  return text.split('.').map((part) => part.trim().replace(/^\[(.*)\]$/, '$1').replace(/^"(.*)"$/, '$1'));
}

/**
 * `OBJECT_ID(...) IS NOT NULL` (exists) or `IS NULL` (not exists) in the target; `test` is the
 * whole IS [NOT] NULL, kept between markers when it cannot be translated.
 */
export function objectExistence(test: Span, call: FunctionCall, exists: boolean, ctx: TranslationContext): string {
  const [nameNode, typeNode] = call.args;
  if (nameNode === undefined) return untranslated(test, ctx, 'TR_UNSUPPORTED_FUNCTION', 'OBJECT_ID() without a name');
  let kinds: readonly ObjectKind[] = ['table', 'view', 'procedure', 'function'];
  if (typeNode !== undefined) {
    if (typeNode.kind !== 'literal' || (typeNode.type !== 'string' && typeNode.type !== 'unicode-string')) {
      return untranslated(test, ctx, 'TR_UNSUPPORTED_FUNCTION', 'OBJECT_ID() with an object type known only at run time: test information_schema by hand');
    }
    const kind = KINDS[typeNode.value.trim().toUpperCase()];
    if (kind === undefined) return untranslated(test, ctx, 'TR_UNSUPPORTED_FUNCTION', `OBJECT_ID(..., '${typeNode.value}'): objects of type ${typeNode.value} are not translated, so none exists in the target`);
    kinds = [kind];
  }
  if (ctx.target === 'duckdb') kinds = kinds.filter((kind) => kind !== 'procedure');
  if (kinds.length === 0) return untranslated(test, ctx, 'TR_UNSUPPORTED_FUNCTION', 'OBJECT_ID(..., \'P\'): DuckDB has no procedures (the rehearsal runs them itself), so it cannot test whether one exists');

  let match: NameMatch;
  if (nameNode.kind === 'literal' && (nameNode.type === 'string' || nameNode.type === 'unicode-string')) {
    const parts = namePartsOf(nameNode.value);
    const object = parts[parts.length - 1] ?? '';
    if (object.startsWith('#') || parts.some((part) => part.toLowerCase() === 'tempdb')) {
      return untranslated(test, ctx, 'TR_UNSUPPORTED_FUNCTION', `OBJECT_ID('${nameNode.value}') tests a temporary table, which no catalog lists: keep track of it in a variable, or drop it with DROP TABLE IF EXISTS`);
    }
    const name: ObjectName = { kind: 'object-name', parts, start: nameNode.start, end: nameNode.end };
    match = literalMatch(ctx.targetNameParts(name), ctx);
  } else {
    match = runTimeMatch(nameNode, ctx);
    ctx.reportOnce(
      `object-id:${call.start}`,
      'TR_SEMANTIC',
      call,
      'OBJECT_ID() of a name built at run time became a test of information_schema: the name is compared, ignoring case, with schema.name as the T-SQL wrote it, not mapped through translate.names; check that the schemas kept their names',
    );
  }
  return existenceTest(kinds, match, exists, ctx);
}

function existenceTest(kinds: readonly ObjectKind[], match: NameMatch, exists: boolean, ctx: TranslationContext): string {
  const tests = [
    ...(kinds.includes('table') || kinds.includes('view') ? [tableTest(kinds, match, ctx)] : []),
    ...(kinds.includes('procedure') || kinds.includes('function') ? [routineTest(kinds, match, ctx)] : []),
  ];
  const any = tests.length === 1 ? tests[0]! : `(${tests.join(' OR ')})`;
  return exists ? any : `NOT ${any}`;
}

/** The catalog views that list objects by name, and what objects each lists. */
const CATALOG_VIEWS: Readonly<Record<string, readonly ObjectKind[]>> = {
  'sys.objects': ['table', 'view', 'procedure', 'function'],
  'sys.tables': ['table'],
  'sys.views': ['view'],
  'sys.procedures': ['procedure'],
  sysobjects: ['table', 'view', 'procedure', 'function'],
  'dbo.sysobjects': ['table', 'view', 'procedure', 'function'],
};

/**
 * EXISTS (SELECT ... FROM sys.objects | sys.tables | sys.views | sys.procedures | sysobjects
 * WHERE name = <name> [AND type = 'U' | xtype = 'U'] [AND schema_id = SCHEMA_ID('s')]): whether
 * an object of that name exists in the current database, in any schema unless one is named.
 * The same test as OBJECT_ID(...) IS NOT NULL, of the current catalog's information_schema; the
 * name is compared without case. Undefined for any other query, which stays flagged as a read
 * of the catalog.
 */
export function catalogExistence(query: Query, ctx: TranslationContext): string | undefined {
  const body = query.body;
  if (body.kind !== 'select' || body.from.length !== 1 || body.groupBy !== undefined || body.having !== undefined || query.with !== undefined) return undefined;
  const source = body.from[0]!;
  if (source.kind !== 'table-ref') return undefined;
  const view = source.name.parts.filter((part) => part !== '').join('.').toLowerCase();
  let kinds = CATALOG_VIEWS[view];
  if (kinds === undefined) return undefined;
  let name: Expression | undefined;
  let schema: string | undefined;
  for (const condition of conjuncts(body.where)) {
    if (condition.kind !== 'binary' || condition.operator !== '=') return undefined;
    const [column, value] = condition.left.kind === 'column-ref' ? [condition.left, condition.right] : [condition.right, condition.left];
    if (column.kind !== 'column-ref') return undefined;
    const columnName = column.parts[column.parts.length - 1]!.toLowerCase();
    if (columnName === 'name' && name === undefined) {
      name = value;
    } else if ((columnName === 'type' || columnName === 'xtype') && kinds.length > 1 && isStringLiteral(value)) {
      const kind = KINDS[value.value.trim().toUpperCase()];
      if (kind === undefined) return undefined;
      kinds = [kind];
    } else if (columnName === 'schema_id' && value.kind === 'function-call' && functionName(value) === 'SCHEMA_ID' && value.args.length === 1 && isStringLiteral(value.args[0]!)) {
      schema = namePartsOf(value.args[0].value)[0];
    } else {
      return undefined;
    }
  }
  if (name === undefined) return undefined;
  if (ctx.target === 'duckdb') kinds = kinds.filter((kind) => kind !== 'procedure');
  if (kinds.length === 0) return undefined;
  const nameText = isStringLiteral(name) ? ctx.dialect.stringLiteral(name.value.toLowerCase()) : `lower(${expression(name, ctx)})`;
  // A named schema as translate.names maps it, in its catalog; without one, any schema of the current catalog.
  const mapped = schema === undefined ? undefined : ctx.targetNameParts({ kind: 'object-name', parts: [schema, ''], start: source.start, end: source.end });
  const catalog = mapped !== undefined && mapped.length >= 3 ? mapped[mapped.length - 3] : undefined;
  const schemaTest = (schemaColumn: string) => (mapped === undefined ? '' : `lower(${schemaColumn}) = ${ctx.dialect.stringLiteral(mapped[mapped.length - 2]!.toLowerCase())} AND `);
  return existenceTest(
    kinds,
    { ...(catalog === undefined ? {} : { catalog }), anyCatalog: false, condition: (schemaColumn, nameColumn) => `${schemaTest(schemaColumn)}lower(${nameColumn}) = ${nameText}` },
    true,
    ctx,
  );
}

/** How a catalog row is matched: the catalog to read (Databricks) or filter on (DuckDB), and the condition on schema and name columns. */
interface NameMatch {
  /** The catalog of a mapped name; undefined: the current one (or any, for a name built at run time). */
  readonly catalog?: string;
  readonly anyCatalog: boolean;
  readonly condition: (schemaColumn: string, nameColumn: string) => string;
}

function literalMatch(parts: readonly string[], ctx: TranslationContext): NameMatch {
  const object = parts[parts.length - 1]!;
  const schema = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  const catalog = parts.length >= 3 ? parts[parts.length - 3] : undefined;
  const text = (value: string) => ctx.dialect.stringLiteral(value.toLowerCase());
  return {
    ...(catalog === undefined ? {} : { catalog }),
    anyCatalog: false,
    condition: (schemaColumn, nameColumn) => `lower(${schemaColumn}) = ${schema === undefined ? 'lower(current_schema())' : text(schema)} AND lower(${nameColumn}) = ${text(object)}`,
  };
}

/** QUOTENAME(s) + '.' + QUOTENAME(t): the schema and the name, compared one by one. */
function quotedParts(node: Expression): [Expression, Expression] | undefined {
  if (node.kind !== 'binary' || node.operator !== '+') return undefined;
  const left = node.left;
  if (left.kind !== 'binary' || left.operator !== '+') return undefined;
  const dot = left.right;
  if (dot.kind !== 'literal' || dot.value !== '.') return undefined;
  const schema = quoteNameArgument(left.left);
  const name = quoteNameArgument(node.right);
  return schema === undefined || name === undefined ? undefined : [schema, name];
}

function runTimeMatch(node: Expression, ctx: TranslationContext): NameMatch {
  const parts = quotedParts(node);
  if (parts !== undefined) {
    const [schema, name] = parts.map((part) => expression(part, ctx));
    return { anyCatalog: true, condition: (schemaColumn, nameColumn) => `lower(${schemaColumn}) = lower(${schema}) AND lower(${nameColumn}) = lower(${name})` };
  }
  const text = expression(node, ctx);
  return {
    anyCatalog: true,
    condition: (schemaColumn, nameColumn) => `lower(${schemaColumn} || '.' || ${nameColumn}) = lower(replace(replace(${text}, '[', ''), ']', ''))`,
  };
}

function catalogFilter(match: NameMatch, column: string, ctx: TranslationContext): string {
  if (match.anyCatalog) return '';
  return ` AND ${column} = ${match.catalog === undefined ? 'current_database()' : ctx.dialect.stringLiteral(match.catalog)}`;
}

/** Databricks reads a catalog's own information_schema; unqualified, the current catalog's. */
function informationSchema(match: NameMatch, ctx: TranslationContext): string {
  return match.catalog === undefined || ctx.target !== 'databricks' ? 'information_schema' : `${ctx.dialect.identifier(match.catalog)}.information_schema`;
}

function tableTest(kinds: readonly ObjectKind[], match: NameMatch, ctx: TranslationContext): string {
  const type = kinds.includes('table') && kinds.includes('view') ? '' : kinds.includes('view') ? " AND table_type LIKE '%VIEW'" : " AND table_type NOT LIKE '%VIEW'";
  const catalog = ctx.target === 'duckdb' ? catalogFilter(match, 'table_catalog', ctx) : '';
  return `EXISTS (SELECT 1 FROM ${informationSchema(match, ctx)}.tables WHERE ${match.condition('table_schema', 'table_name')}${type}${catalog})`;
}

function routineTest(kinds: readonly ObjectKind[], match: NameMatch, ctx: TranslationContext): string {
  if (ctx.target === 'duckdb') {
    // DuckDB has no information_schema.routines: functions became macros.
    return `EXISTS (SELECT 1 FROM duckdb_functions() WHERE ${match.condition('schema_name', 'function_name')} AND function_type IN ('macro', 'table_macro')${catalogFilter(match, 'database_name', ctx)})`;
  }
  const type = kinds.includes('procedure') && kinds.includes('function') ? '' : ` AND routine_type = '${kinds.includes('procedure') ? 'PROCEDURE' : 'FUNCTION'}'`;
  return `EXISTS (SELECT 1 FROM ${informationSchema(match, ctx)}.routines WHERE ${match.condition('routine_schema', 'routine_name')}${type})`;
}
