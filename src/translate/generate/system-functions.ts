import { parseTsqlStatements, type Expression, type ObjectName, type Span } from '../../tsql/index.js';
import { TranslationContext } from '../context.js';
import { call, functionName, type FunctionCallSite, type FunctionTable } from './function-rule.js';
import { untranslated } from './markers.js';
import { inferredIdentityColumn } from './identity-inference.js';
import { jsonModify } from './json-modify.js';
import { identityAssumption } from './output-clause.js';
import { namePartsOf } from './object-existence.js';
import { isNumeric, valueType } from './value-types.js';

/**
 * System functions and @@variables: metadata, session, identity, hashing, JSON. Each one either
 * has an equivalent, a stated approximation (warning), or stays marked with the reason.
 */

type SystemVariableRule = (node: Extract<Expression, { kind: 'system-variable' }>, ctx: TranslationContext) => string;

const noEquivalent =
  (reason: string): SystemVariableRule =>
  (node, ctx) =>
    untranslated(node, ctx, 'TR_UNSUPPORTED_EXPRESSION', `${node.name} ${reason}`);

/**
 * @@variables. Transactions are dropped by the statement writer, so none is ever open:
 * @@TRANCOUNT is 0. A failing statement raises an error in Databricks instead of setting
 * @@ERROR, so code that reaches the next statement always sees 0. @@FETCH_STATUS belongs to
 * the cursor loops the statement writer turns into FOR loops; one left over is not translated.
 */
const SYSTEM_VARIABLES: Readonly<Record<string, SystemVariableRule>> = {
  '@@TRANCOUNT': (node, ctx) => {
    ctx.report('TR_TRANSACTION', node, '@@TRANCOUNT became 0: explicit transactions are not kept, so none is ever open');
    return '0';
  },
  '@@ERROR': (node, ctx) => {
    if (ctx.inCatch) {
      ctx.report('TR_ERROR_FUNCTION', node, '@@ERROR in a CATCH block has no equivalent in a Databricks handler: NULL stands in');
      return 'NULL';
    }
    ctx.report('TR_SEMANTIC', node, '@@ERROR became 0: a failing statement raises an error in Databricks (to the caller or the enclosing handler) instead of setting @@ERROR');
    return '0';
  },
  '@@ROWCOUNT': (node, ctx) => {
    if (ctx.rowCountVariable !== undefined) return ctx.dialect.variable(ctx.rowCountVariable);
    return untranslated(
      node,
      ctx,
      'TR_UNSUPPORTED_EXPRESSION',
      ctx.target === 'databricks'
        ? '@@ROWCOUNT where lakeshift does not know which statement it counts (it is not read right after a data change, dynamic SQL or a procedure call): keep the count with GET DIAGNOSTICS v = ROW_COUNT right after that statement'
        : '@@ROWCOUNT of a statement whose rows cannot be counted before it runs (dynamic SQL, a procedure call), or not read right after it: DuckDB has no row count of the last statement, so the rehearsal cannot run this',
    );
  },
  '@@FETCH_STATUS': noEquivalent('outside a cursor loop that lakeshift turns into a FOR loop: rewrite the loop'),
  '@@IDENTITY': (node, ctx) => lastIdentity(node, '@@IDENTITY', ctx) ?? untranslated(node, ctx, 'TR_UNSUPPORTED_EXPRESSION', `@@IDENTITY ${identityProblem(ctx)}`),
  '@@PROCID': noEquivalent('has no equivalent: Databricks objects have no numeric ids (OBJECT_NAME(@@PROCID) is translated)'),
  '@@SPID': noEquivalent('has no equivalent: use session_user() or a job run id'),
  '@@SERVERNAME': noEquivalent('has no equivalent in Databricks'),
  '@@SERVICENAME': noEquivalent('has no equivalent in Databricks'),
  '@@VERSION': (node, ctx) => {
    ctx.report('TR_SEMANTIC', node, "@@VERSION became the engine's version text: code that parses a SQL Server version must be rewritten");
    return 'version()';
  },
  // SET DATEFIRST and SET LANGUAGE are flagged where they appear; otherwise these are the defaults.
  '@@DATEFIRST': () => '7',
  '@@LANGUAGE': (_node, ctx) => ctx.dialect.stringLiteral('us_english'),
  '@@MAX_PRECISION': () => '38',
};

export function systemVariable(node: Extract<Expression, { kind: 'system-variable' }>, ctx: TranslationContext): string {
  const rule = SYSTEM_VARIABLES[node.name.toUpperCase()];
  if (rule !== undefined) return rule(node, ctx);
  return untranslated(node, ctx, 'TR_UNSUPPORTED_EXPRESSION', `${node.name} has no equivalent in Databricks SQL`);
}

// ---------------------------------------------------------------------------------------------
// identity values

/** Why the identity value of the last INSERT cannot be read back here. */
function identityProblem(ctx: TranslationContext): string {
  const last = ctx.lastInsert;
  if (last === undefined) return 'reads the identity value of an INSERT lakeshift does not see before it (in another batch or procedure): read the row back by its key';
  if (last.kind === 'unknown' && last.sequenceKey !== undefined) {
    return `follows an INSERT into ${last.tsqlName}, whose ${last.sequenceKey} comes from a sequence, not an identity: SCOPE_IDENTITY() gave the identity of an earlier INSERT, or NULL; read the row back by its key`;
  }
  return `reads the identity value the INSERT into ${last.tsqlName} generated, and the identity column of ${last.tsqlName} is not known (no inventory column list, no CREATE TABLE in this text): read the row back by its key`;
}

/**
 * SCOPE_IDENTITY() and @@IDENTITY after an INSERT into a table whose identity column is known:
 * the largest identity value of that table (the smallest for a negative increment), which is
 * the one the INSERT generated while nobody else inserts into the table in between. @@IDENTITY
 * would also see an INSERT made by a trigger; triggers are not translated.
 */
function lastIdentity(at: Span, what: string, ctx: TranslationContext): string | undefined {
  const last = ctx.lastInsert;
  if (last?.kind === 'unknown' && last.sequenceKey === undefined && last.table !== undefined) {
    const column = inferredIdentityColumn(ctx, at.start, last.table.key);
    if (column === undefined) return undefined;
    ctx.report(
      'TR_IDENTITY_READBACK',
      at,
      `${what} became the largest ${column} of ${last.tsqlName}, read after the INSERT before it. The identity column of ${last.tsqlName} is not known (no inventory column list, no CREATE TABLE in this text); ${column} is taken to be it because this code matches the value against ${column} of ${last.tsqlName}: check that ${column} is its identity column, with a positive increment. Also, ${identityAssumption(last.tsqlName)}`,
    );
    return `(SELECT max(${ctx.dialect.identifier(column)}) FROM ${last.table.name})`;
  }
  if (last?.kind !== 'known') return undefined;
  ctx.report(
    'TR_IDENTITY_READBACK',
    at,
    `${what} became the ${last.identity.descending ? 'smallest' : 'largest'} ${last.identity.column} of ${last.tsqlName}, read after the INSERT before it: ${identityAssumption(last.tsqlName)}`,
  );
  return `(SELECT ${last.identity.descending ? 'min' : 'max'}(${ctx.dialect.identifier(last.identity.column)}) FROM ${last.table})`;
}

/** IDENT_CURRENT('table'): the table's largest identity value, where its identity column is known. */
function identCurrent(site: FunctionCallSite): string {
  const argument = site.call.args[0];
  if (argument?.kind !== 'literal' || (argument.type !== 'string' && argument.type !== 'unicode-string')) {
    return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', 'IDENT_CURRENT() of a table named at run time: read the row back by its key');
  }
  const table: ObjectName = { kind: 'object-name', parts: namePartsOf(argument.value), start: argument.start, end: argument.end };
  const identity = site.ctx.identityColumn(TranslationContext.tableKey(table));
  if (identity === undefined) {
    return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', `IDENT_CURRENT('${argument.value}'): the identity column of ${argument.value} is not known (no inventory column list, no CREATE TABLE in this text)`);
  }
  site.ctx.report(
    'TR_IDENTITY_READBACK',
    site.call,
    `IDENT_CURRENT('${argument.value}') became the ${identity.descending ? 'smallest' : 'largest'} ${identity.column} of the table: NULL for an empty table where SQL Server gave the seed, and a value deleted since is not seen`,
  );
  return `(SELECT ${identity.descending ? 'min' : 'max'}(${site.ctx.dialect.identifier(identity.column)}) FROM ${site.ctx.objectName(table)})`;
}

function isProcId(node: Expression | undefined): boolean {
  return node?.kind === 'system-variable' && node.name.toUpperCase() === '@@PROCID';
}

const objectSpans = new WeakMap<TranslationContext, ReadonlyArray<{ readonly start: number; readonly end: number; readonly name: ObjectName }>>();

/**
 * The procedure, function or trigger around an offset of the source: the statement writer's
 * ctx.currentObject, or else read from the source itself.
 */
function enclosingObject(ctx: TranslationContext, offset: number): ObjectName | undefined {
  if (ctx.currentObject !== undefined) return ctx.currentObject;
  let spans = objectSpans.get(ctx);
  if (spans === undefined) {
    spans = (ctx.script ?? parseTsqlStatements(ctx.source).script).batches
      .flatMap((batch) => batch.statements)
      .flatMap((statement) =>
        statement.kind === 'create-procedure' || statement.kind === 'create-function' || statement.kind === 'create-trigger'
          ? [{ start: statement.start, end: statement.end, name: statement.name }]
          : [],
      );
    objectSpans.set(ctx, spans);
  }
  return spans.find((span) => span.start <= offset && offset < span.end)?.name;
}

/** OBJECT_NAME(@@PROCID) and OBJECT_SCHEMA_NAME(@@PROCID): the object being translated, by its T-SQL name. */
const currentObjectPart =
  (part: 'name' | 'schema') =>
  (site: FunctionCallSite): string => {
    const object = isProcId(site.call.args[0]) ? enclosingObject(site.ctx, site.call.start) : undefined;
    if (!isProcId(site.call.args[0]) || object === undefined) {
      return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', `${functionName(site.call)}() of an object id has no equivalent: Databricks objects have no numeric ids`);
    }
    const parts = object.parts;
    const value = part === 'name' ? parts[parts.length - 1]! : parts.length >= 2 ? parts[parts.length - 2] || 'dbo' : 'dbo';
    return site.ctx.dialect.stringLiteral(value);
  };

/**
 * Login and user names: Databricks has one user name (an e-mail address, or a service
 * principal's id). The login of the connection (SUSER_SNAME(), SYSTEM_USER, ORIGINAL_LOGIN())
 * is session_user(), which the Databricks reference recommends over current_user() from Runtime
 * 14.1; the database user (CURRENT_USER, USER_NAME()), which EXECUTE AS can change, is
 * current_user(), which a definer's context changes likewise.
 */
const userFunction =
  (kind: 'login' | 'user') =>
  (site: FunctionCallSite): string => {
    if (site.call.args.length > 0) {
      return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', `${functionName(site.call)}() of a given id has no equivalent`);
    }
    const target = kind === 'login' ? 'session_user' : 'current_user';
    site.ctx.reportOnce(`user:${kind}`, 'TR_SEMANTIC', site.call, `${functionName(site.call)} became ${target}(): Databricks user names (e-mail addresses) are not SQL Server logins`);
    return site.ctx.target === 'databricks' ? `${target}()` : target;
  };

/** HASHBYTES hashes bytes: nvarchar as UTF-16LE in SQL Server, which encode() reproduces. */
function hashBytes(site: FunctionCallSite): string {
  const [algorithmNode, valueNode] = site.call.args;
  const algorithm = algorithmNode?.kind === 'literal' ? algorithmNode.value.toUpperCase() : undefined;
  const databricks = site.ctx.target === 'databricks';
  const functions: Readonly<Record<string, { readonly databricks: (x: string) => string; readonly duckdb: (x: string) => string }>> = {
    MD5: { databricks: (x) => `unhex(md5(${x}))`, duckdb: (x) => `unhex(md5(${x}))` },
    SHA: { databricks: (x) => `unhex(sha1(${x}))`, duckdb: (x) => `unhex(sha1(${x}))` },
    SHA1: { databricks: (x) => `unhex(sha1(${x}))`, duckdb: (x) => `unhex(sha1(${x}))` },
    SHA2_256: { databricks: (x) => `unhex(sha2(${x}, 256))`, duckdb: (x) => `unhex(sha256(${x}))` },
    SHA2_512: { databricks: (x) => `unhex(sha2(${x}, 512))`, duckdb: (x) => `unhex(sha512(${x}))` },
  };
  const rule = algorithm === undefined ? undefined : functions[algorithm];
  if (rule === undefined || valueNode === undefined) {
    return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', `HASHBYTES with ${algorithm === undefined ? 'an algorithm that is not a literal' : algorithm}: no equivalent`);
  }
  const type = valueType(valueNode, site.ctx);
  let bytes = site.args[1]!;
  if (type.family === 'string' && type.unicode) {
    if (!databricks) return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', 'HASHBYTES of nvarchar hashes UTF-16LE bytes, which DuckDB cannot encode');
    bytes = `encode(${bytes}, 'UTF-16LE')`;
  } else if (type.family !== 'string' && type.family !== 'binary') {
    site.ctx.report('TR_SEMANTIC', site.call, 'HASHBYTES of a value whose type is not known hashes its UTF-8 bytes: if it is nvarchar, SQL Server hashed UTF-16LE bytes and the hashes differ');
  }
  return rule[site.ctx.target](bytes);
}

/** CHECKSUM: a hash of the values, but not SQL Server's: stored checksums do not match new ones. */
function checksum(site: FunctionCallSite): string {
  site.ctx.report('TR_SEMANTIC', site.call, `${functionName(site.call)}() became hash(): the values differ from SQL Server's, so checksums stored by the old system do not match`);
  return `hash(${site.args.join(', ')})`;
}

/** ISNUMERIC also says 1 for '$', '+', '1,000', '1e5', '.': try_cast to DOUBLE accepts fewer. */
function isNumericFunction(site: FunctionCallSite): string {
  const node = site.call.args[0]!;
  const value = site.args[0]!;
  if (isNumeric(valueType(node, site.ctx))) return `CASE WHEN ${value} IS NULL THEN 0 ELSE 1 END`;
  site.ctx.report('TR_SEMANTIC', site.call, "ISNUMERIC() became try_cast(... AS DOUBLE): SQL Server's ISNUMERIC also accepts currency signs, thousands separators and a lone sign or point");
  return `CASE WHEN try_cast(${value} AS DOUBLE) IS NULL THEN 0 ELSE 1 END`;
}

/** JSON paths: lax is the default in both; strict (an error when the path is missing) is not kept. */
function jsonPath(node: Expression | undefined, site: FunctionCallSite): string | undefined {
  if (node === undefined) return "'$'";
  if (node.kind !== 'literal' || (node.type !== 'string' && node.type !== 'unicode-string')) return undefined;
  let path = node.value.trim();
  if (/^strict\s/i.test(path)) site.ctx.report('TR_SEMANTIC', node, "a strict JSON path: a missing value is NULL here, not an error");
  path = path.replace(/^(lax|strict)\s+/i, '');
  // $."first name" is $['first name'] in the targets' JSONPath.
  path = path.replace(/\."([^"]*)"/g, "['$1']");
  return site.ctx.dialect.stringLiteral(path);
}

function jsonValue(site: FunctionCallSite): string {
  const path = jsonPath(site.call.args[1], site);
  if (path === undefined) return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', 'JSON_VALUE with a path that is not a literal');
  return site.ctx.target === 'databricks' ? `get_json_object(${site.args[0]}, ${path})` : `json_extract_string(${site.args[0]}, ${path})`;
}

function jsonQuery(site: FunctionCallSite): string {
  const path = jsonPath(site.call.args[1], site);
  if (path === undefined) return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', 'JSON_QUERY with a path that is not a literal');
  return site.ctx.target === 'databricks' ? `get_json_object(${site.args[0]}, ${path})` : `CAST(json_extract(${site.args[0]}, ${path}) AS VARCHAR)`;
}

/** ISJSON: 1 for a valid JSON text, NULL for NULL. */
function isJson(site: FunctionCallSite): string {
  if (site.call.args.length > 1) return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', 'ISJSON with a type constraint has no equivalent');
  const value = site.args[0]!;
  const valid = site.ctx.target === 'databricks' ? `try_parse_json(${value}) IS NOT NULL` : `json_valid(${value})`;
  return `CASE WHEN ${value} IS NULL THEN NULL WHEN ${valid} THEN 1 ELSE 0 END`;
}

/** Why a function has no translation, for the ones real code calls. */
const NO_EQUIVALENT: Readonly<Record<string, string>> = {
  OBJECT_ID: 'objects have no numeric ids in Databricks (OBJECT_ID(...) IS [NOT] NULL is translated to a test of information_schema)',
  OBJECT_DEFINITION: 'object definitions are not queryable this way in Databricks: read information_schema',
  DB_ID: 'databases have no numeric ids in Databricks',
  SCHEMA_ID: 'schemas have no numeric ids in Databricks',
  TYPE_ID: 'types have no numeric ids in Databricks',
  COL_LENGTH: 'read column metadata from information_schema.columns',
  COLUMNPROPERTY: 'read column metadata from information_schema.columns',
  OBJECTPROPERTY: 'read object metadata from information_schema',
  OBJECTPROPERTYEX: 'read object metadata from information_schema',
  SERVERPROPERTY: 'server properties have no equivalent in Databricks',
  DATABASEPROPERTYEX: 'database properties have no equivalent in Databricks',
  IS_SRVROLEMEMBER: 'server roles have no equivalent: use is_account_group_member()',
  IS_MEMBER: 'use is_account_group_member() with the matching group',
  IS_ROLEMEMBER: 'use is_account_group_member() with the matching group',
  HAS_PERMS_BY_NAME: 'permissions are Unity Catalog grants: check them with SHOW GRANTS',
  HOST_NAME: 'client host names are not visible in Databricks SQL',
  APP_NAME: 'application names are not visible in Databricks SQL',
  SESSION_CONTEXT: 'session context has no equivalent: pass the value as a parameter or a session variable',
  CONTEXT_INFO: 'session context has no equivalent: pass the value as a parameter or a session variable',
  OPENJSON: 'OPENJSON is a table source: it is translated in FROM only',
  CHECKSUM_AGG: 'no equivalent aggregate: use bit_xor(hash(...)), whose values differ',
  DIFFERENCE: 'no equivalent of SOUNDEX differences',
  TEXTPTR: 'text pointers have no equivalent',
  STATS_DATE: 'statistics dates have no equivalent',
};

/**
 * COMPRESS and DECOMPRESS gzip a value in SQL Server; Databricks (DBR 15.2 and later) compresses
 * with Zstandard (zstd_compress, zstd_decompress): what the translation compresses, it
 * decompresses, but values SQL Server compressed (copied from the legacy tables) are gzip,
 * which zstd_decompress cannot read. DuckDB has no compression function.
 */
function compression(name: 'compress' | 'decompress') {
  return (site: FunctionCallSite): string => {
    if (site.ctx.target !== 'databricks') return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', `${name.toUpperCase()}(): DuckDB has no compression function`);
    site.ctx.reportOnce(
      'compression',
      'TR_SEMANTIC',
      site.call,
      'COMPRESS/DECOMPRESS (gzip) became zstd_compress/zstd_decompress (Zstandard): values compressed here decompress here, but values SQL Server compressed, copied from the legacy tables, are gzip, which zstd_decompress cannot read: decompress them in the copy',
    );
    return `zstd_${name}(${site.args.join(', ')})`;
  };
}

export function noEquivalentReason(name: string): string | undefined {
  return NO_EQUIVALENT[name];
}

export const SYSTEM_FUNCTIONS: FunctionTable = {
  COMPRESS: compression('compress'),
  DECOMPRESS: compression('decompress'),
  SCOPE_IDENTITY: (site) => lastIdentity(site.call, 'SCOPE_IDENTITY()', site.ctx) ?? untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', `SCOPE_IDENTITY() ${identityProblem(site.ctx)}`),
  IDENT_CURRENT: identCurrent,
  OBJECT_NAME: currentObjectPart('name'),
  OBJECT_SCHEMA_NAME: currentObjectPart('schema'),
  DB_NAME: (site) => {
    if (site.call.args.length > 0) return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', 'DB_NAME() of a database id has no equivalent');
    site.ctx.reportOnce('db-name', 'TR_SEMANTIC', site.call, 'DB_NAME() became the current catalog: it returned the SQL Server database name, translate.names maps it to a catalog');
    return site.ctx.target === 'databricks' ? 'current_catalog()' : 'current_database()';
  },
  SCHEMA_NAME: (site) => {
    if (site.call.args.length > 0) return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', 'SCHEMA_NAME() of a schema id has no equivalent');
    site.ctx.reportOnce('schema-name', 'TR_SEMANTIC', site.call, "SCHEMA_NAME() became current_schema(): it returned the user's default schema");
    return site.ctx.target === 'databricks' ? 'current_schema()' : 'current_schema()';
  },
  SUSER_SNAME: userFunction('login'),
  SUSER_NAME: userFunction('login'),
  ORIGINAL_LOGIN: userFunction('login'),
  SYSTEM_USER: userFunction('login'),
  USER_NAME: userFunction('user'),
  CURRENT_USER: userFunction('user'),
  SESSION_USER: userFunction('user'),
  USER: userFunction('user'),
  XACT_STATE: (site) => {
    site.ctx.report('TR_TRANSACTION', site.call, 'XACT_STATE() became 0: explicit transactions are not kept, so none is ever open');
    return '0';
  },
  NEWID: { databricks: () => 'uuid()', duckdb: () => 'CAST(uuid() AS VARCHAR)' },
  NEWSEQUENTIALID: (site) => {
    site.ctx.report('TR_SEMANTIC', site.call, 'NEWSEQUENTIALID() became uuid(): the values are random, not increasing');
    return site.ctx.target === 'databricks' ? 'uuid()' : 'CAST(uuid() AS VARCHAR)';
  },
  HASHBYTES: hashBytes,
  CHECKSUM: checksum,
  BINARY_CHECKSUM: checksum,
  ISNUMERIC: isNumericFunction,
  JSON_VALUE: jsonValue,
  JSON_QUERY: jsonQuery,
  JSON_MODIFY: jsonModify,
  ISJSON: isJson,
  GREATEST: call('greatest'),
  LEAST: call('least'),
};
