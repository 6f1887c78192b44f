import type { Expression } from '../../tsql/index.js';
import type { TranslateTarget } from '../dialects/dialect.js';
import { functionName, isSimple, type FunctionCallSite } from './function-rule.js';
import { untranslated } from './markers.js';
import { valueType } from './value-types.js';

/**
 * JSON_MODIFY(expression, path, newValue), as SQL Server's reference states it
 * (learn.microsoft.com/sql/t-sql/functions/json-modify-transact-sql):
 *
 * - path is `[append] [lax | strict] $.member[.member ...]`, lax unless strict is written.
 * - lax: a member that exists gets the new value where it stands; a missing one is added after
 *   the others (the page's examples), but only where every object on its way exists: otherwise
 *   nothing changes. A NULL value removes the member.
 * - strict: a missing member is an error (Msg 13608); a NULL value sets the member to null.
 * - append: the value goes at the end of the array at the path; a missing array is created
 *   holding the value alone (the examples of the SQL Server documentation project on
 *   devtut.github.io/mssql/modify-json-text). The page does not say what appending NULL does:
 *   Babelfish's reimplementation (babelfish_extensions pull request 635) appends a JSON null,
 *   and so does this translation.
 * - newValue: character values become JSON strings, escaped; numbers JSON numbers; a bit true
 *   or false (SQL Server 2017 Developer's Guide: JSON_MODIFY(@json, '$.IsVinyl', CAST(1 AS
 *   BIT)) adds "IsVinyl":true); text that JSON_QUERY, FOR JSON or JSON_MODIFY produced is put
 *   in as JSON, not as a string.
 *
 * Neither target changes JSON text in place, so the document is read into a map of its members,
 * changed with map functions and written out again. The JSON is the same as SQL Server's; its
 * text is not (SQL Server keeps the document's spacing), which a warning says. The page is
 * silent on a NULL document, on one that is not an object and on appending to a member that is
 * not an array: here the first gives NULL, and the other two raise an error in both targets.
 */
export function jsonModify(site: FunctionCallSite): string {
  const [documentNode, pathNode, valueNode] = site.call.args;
  if (documentNode === undefined || pathNode === undefined || valueNode === undefined || site.call.args.length > 3) {
    return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', 'JSON_MODIFY takes three arguments: the document, the path and the new value');
  }
  if (pathNode.kind !== 'literal' || (pathNode.type !== 'string' && pathNode.type !== 'unicode-string')) {
    return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', 'JSON_MODIFY with a path that is not a literal: the member it changes is known only when it runs; write the path out');
  }
  const path = modifyPath(pathNode.value);
  if ('problem' in path) return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', `JSON_MODIFY of ${path.problem} is not translated: only members of objects are`);

  const edits = EDITS[site.ctx.target];
  const value = newValue(valueNode, site.args[2]!, edits, site);
  if (path.strict) {
    site.ctx.report(
      'TR_SEMANTIC',
      pathNode,
      `a strict JSON_MODIFY path: where ${path.append ? 'the array' : 'the member'} or an object on its way is missing, SQL Server raises an error (Msg 13608); here ${path.append ? 'the array is created' : 'the member is added'}, or the document is returned unchanged where an object on the way is missing`,
    );
  }
  site.ctx.reportOnce('json-modify-text', 'TR_SEMANTIC', site.call, REWRITTEN[site.ctx.target]);

  const key = (depth: number) => site.ctx.dialect.stringLiteral(path.members[depth]!);
  const last = (map: string): string => {
    const member = key(path.members.length - 1);
    const orNull = (text: string) => `coalesce(${text}, ${edits.jsonNull})`;
    if (path.append) return edits.append(map, member, value === undefined ? edits.jsonNull : value.nullable ? orNull(value.text) : value.text);
    if (value === undefined) return path.strict ? edits.put(map, member, edits.jsonNull) : edits.remove(map, member);
    if (!value.nullable) return edits.put(map, member, value.text);
    return path.strict ? edits.put(map, member, orNull(value.text)) : edits.putOrRemove(map, member, value.text);
  };
  const change = (map: string, depth: number): string => (depth === path.members.length - 1 ? last(map) : edits.within(map, key(depth), depth + 1, (member) => change(member, depth + 1)));

  const document = site.args[0]!;
  const whole = (map: string) => edits.write(change(map, 0));
  if (documentNode.kind === 'literal' && documentNode.type !== 'null') return whole(edits.read(document));
  if (isSimple(documentNode)) return `CASE WHEN ${document} IS NULL THEN NULL ELSE ${whole(edits.read(document))} END`;
  return edits.bind(edits.read(document), (map) => `CASE WHEN ${map} IS NULL THEN NULL ELSE ${whole(map)} END`);
}

/** A JSON_MODIFY path: the member names from the root, and the modifiers before the `$`. */
export interface ModifyPath {
  readonly append: boolean;
  readonly strict: boolean;
  readonly members: readonly string[];
}

/** The members a JSON_MODIFY path names (`$.a.b`, `$."first name"`), or what keeps it from being translated. */
export function modifyPath(text: string): ModifyPath | { readonly problem: string } {
  const match = /^\s*(append\s+)?(?:(lax|strict)\s+)?\$(.*?)\s*$/is.exec(text);
  if (match === null) return { problem: `a path lakeshift does not read ('${text}')` };
  const members: string[] = [];
  let rest = match[3]!;
  while (rest !== '') {
    if (rest.startsWith('[')) return { problem: `an array element ('${text}')` };
    const step = /^\.(?:"([^"]*)"|([^.[\]"\s]+))/.exec(rest);
    if (step === null) return { problem: `a path lakeshift does not read ('${text}')` };
    members.push(step[1] ?? step[2]!);
    rest = rest.slice(step[0].length);
  }
  if (members.length === 0) return { problem: `the whole document ('${text}')` };
  return { append: match[1] !== undefined, strict: match[2]?.toLowerCase() === 'strict', members };
}

/** The new value as a JSON value of the target; undefined for a NULL literal. */
function newValue(node: Expression, text: string, edits: JsonObjectEdits, site: FunctionCallSite): { readonly text: string; readonly nullable: boolean } | undefined {
  if (node.kind === 'literal') return node.type === 'null' ? undefined : { text: edits.scalar(text), nullable: false };
  if (holdsJson(node)) return { text: edits.embedded(text), nullable: true };
  const type = valueType(node, site.ctx);
  if (type.family === 'date' || type.family === 'datetime' || type.family === 'time' || type.family === 'binary') {
    site.ctx.report(
      'TR_SEMANTIC',
      node,
      `JSON_MODIFY with a ${type.name ?? type.family} value: SQL Server takes character, numeric and bit values only (convert it to text with CONVERT and a style); the target writes it in its own JSON format`,
    );
  }
  // Strings, numbers and booleans (bit) keep their type in the target, which writes each as
  // SQL Server does: a string quoted and escaped, a number bare, a boolean true or false.
  return { text: edits.scalar(text), nullable: true };
}

/** Text SQL Server marks as JSON, so that JSON_MODIFY puts it in as it is instead of as a string. */
function holdsJson(node: Expression): boolean {
  if (node.kind === 'subquery') return node.query.forClause?.mode === 'JSON';
  return node.kind === 'function-call' && node.name.parts.length === 1 && (functionName(node) === 'JSON_QUERY' || functionName(node) === 'JSON_MODIFY');
}

const REWRITTEN: Readonly<Record<TranslateTarget, string>> = {
  databricks:
    "JSON_MODIFY became a rewrite of the whole document through VARIANT: the JSON is SQL Server's, its text is not: every object's members come in an order of Databricks' choosing (VARIANT objects are unordered; SQL Server keeps the document's order and adds a new member last), with no spacing, characters escaped Databricks' way, and numbers as Databricks writes them (a decimal without its trailing zeros)",
  duckdb:
    "JSON_MODIFY became a rewrite of the whole document: the JSON and the order of members are SQL Server's, its text is not: SQL Server keeps the document's spacing, DuckDB writes none, escapes characters its own way and drops a decimal's trailing zeros",
};

/**
 * One target's way to change a member of a JSON object: the object read as a map from member
 * names to JSON values, changed with map functions, written back as text. `key` is a string
 * literal; values are JSON values of the target (scalar(), embedded(), jsonNull). Lambda
 * parameters are named jm_... so that they hide no column the new value reads.
 */
interface JsonObjectEdits {
  /** The object of a JSON text, as a map. */
  read(text: string): string;
  /** The map as JSON text: the function's result. */
  write(map: string): string;
  /** A string, number or boolean as a JSON value. */
  scalar(value: string): string;
  /** JSON text as the JSON value it holds. */
  embedded(json: string): string;
  readonly jsonNull: string;
  /** The member set to a value that is not NULL: replaced where it is, or added. */
  put(map: string, key: string, value: string): string;
  /** The same, except that a NULL value removes the member. */
  putOrRemove(map: string, key: string, value: string): string;
  remove(map: string, key: string): string;
  /** The value appended to the array the member holds, or a new array holding it alone. `map` may be written twice. */
  append(map: string, key: string, value: string): string;
  /** The member changed by `change` (given the member as a map) where it holds an object; the map as it is otherwise. */
  within(map: string, key: string, depth: number, change: (member: string) => string): string;
  /** `body` of the map, which is computed once. */
  bind(map: string, body: (map: string) => string): string;
}

/**
 * Databricks SQL reference (functions parse_json, to_json, to_variant_object, map_concat,
 * map_filter, map_zip_with, transform_values, schema_of_variant, is_variant_null, cast): a
 * VARIANT object casts to MAP<STRING, VARIANT> and an array to ARRAY<VARIANT>; strings,
 * numbers and booleans cast to VARIANT; to_variant_object turns a map or an array back into a
 * VARIANT, which to_json writes. map_concat raises DUPLICATED_MAP_KEY on a key both maps hold,
 * so the member is filtered out first. VARIANT objects keep no member order.
 */
const databricksMembers = (map: string, key: string) => `map_filter(${map}, (jm_key, jm_value) -> jm_key <> ${key})`;

const DATABRICKS: JsonObjectEdits = {
  read: (text) => `CAST(parse_json(${text}) AS MAP<STRING, VARIANT>)`,
  write: (map) => `to_json(to_variant_object(${map}))`,
  scalar: (value) => `CAST(${value} AS VARIANT)`,
  embedded: (json) => `parse_json(${json})`,
  jsonNull: "parse_json('null')",
  put: (map, key, value) => `map_concat(${databricksMembers(map, key)}, map(${key}, ${value}))`,
  putOrRemove: (map, key, value) => `map_concat(${databricksMembers(map, key)}, map_filter(map(${key}, ${value}), (jm_key, jm_value) -> jm_value IS NOT NULL))`,
  remove: databricksMembers,
  // map_zip_with gives NULL for the side that lacks a key: the member to append to when missing.
  append: (map, key, value) =>
    `map_zip_with(${map}, map(${key}, ${value}), (jm_key, jm_old, jm_new) -> CASE WHEN jm_key <> ${key} THEN jm_old ` +
    'WHEN jm_old IS NULL OR is_variant_null(jm_old) THEN to_variant_object(array(jm_new)) ' +
    'ELSE to_variant_object(array_append(CAST(jm_old AS ARRAY<VARIANT>), jm_new)) END)',
  within: (map, key, depth, change) => {
    const [name, member] = [`jm_key${depth}`, `jm_value${depth}`];
    return (
      `transform_values(${map}, (${name}, ${member}) -> CASE WHEN ${name} = ${key} AND schema_of_variant(${member}) LIKE 'OBJECT%' ` +
      `THEN to_variant_object(${change(`CAST(${member} AS MAP<STRING, VARIANT>)`)}) ELSE ${member} END)`
    );
  },
  bind: (map, body) => `transform(array(${map}), jm_doc -> ${body('jm_doc')})[0]`,
};

/**
 * DuckDB (json extension, built in; as DuckDB 1.5 runs it, which execute-json-modify.test.ts
 * holds): a JSON object casts to MAP(VARCHAR, JSON) with its members in the document's order,
 * and to_json writes a map back in that order. map_concat keeps a key where the first map has
 * it, with the later value, and adds new keys at the end: SQL Server's order. map_concat takes a
 * NULL map for an empty one, hence the NULL test around the whole (jsonModify). A JSON null
 * member reads as NULL and is written as null.
 */
const DUCKDB: JsonObjectEdits = {
  read: (text) => `CAST(CAST(${text} AS JSON) AS MAP(VARCHAR, JSON))`,
  write: (map) => `CAST(to_json(${map}) AS VARCHAR)`,
  scalar: (value) => `to_json(${value})`,
  embedded: (json) => `CAST(${json} AS JSON)`,
  jsonNull: "CAST('null' AS JSON)",
  put: (map, key, value) => `map_concat(${map}, MAP {${key}: ${value}})`,
  putOrRemove: (map, key, value) =>
    `map_from_entries(list_filter(map_entries(map_concat(${map}, MAP {${key}: ${value}})), jm_member -> jm_member.key <> ${key} OR jm_member.value IS NOT NULL))`,
  remove: (map, key) => `map_from_entries(list_filter(map_entries(${map}), jm_member -> jm_member.key <> ${key}))`,
  append: (map, key, value) => `map_concat(${map}, MAP {${key}: to_json(list_append(coalesce(CAST(${map}[${key}] AS JSON[]), []), ${value}))})`,
  within: (map, key, depth, change) => {
    const member = `jm_member${depth}`;
    return (
      `map_from_entries(list_transform(map_entries(${map}), ${member} -> CASE WHEN ${member}.key = ${key} AND json_type(${member}.value) = 'OBJECT' ` +
      `THEN {key: ${member}.key, value: to_json(${change(`CAST(${member}.value AS MAP(VARCHAR, JSON))`)})} ELSE ${member} END))`
    );
  },
  bind: (map, body) => `list_transform([${map}], jm_doc -> ${body('jm_doc')})[1]`,
};

const EDITS: Readonly<Record<TranslateTarget, JsonObjectEdits>> = { databricks: DATABRICKS, duckdb: DUCKDB };
