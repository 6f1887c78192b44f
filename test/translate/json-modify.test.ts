import * as polyglot from '@polyglot-sql/sdk';
import { describe, expect, it } from 'vitest';
import { modifyPath } from '../../src/translate/generate/json-modify.js';
import { codes, toDatabricks, toDuckDb } from './support.js';

/**
 * JSON_MODIFY's translation where it cannot run here: the Databricks form against sqlglot's
 * Databricks grammar, and the diagnostics of both targets. execute-json-modify.test.ts runs the
 * DuckDB form.
 */
function databricksColumn(expression: string) {
  const result = toDatabricks(`SELECT ${expression} AS v FROM dw.customers AS c`);
  return { sql: result.text.trim().replace(/;$/, ''), diagnostics: result.diagnostics, codes: codes(result.diagnostics) };
}

const TRANSLATED = [
  "JSON_MODIFY(c.doc, '$.name', 'Mike')",
  "JSON_MODIFY(c.doc, N'$.DriverID', c.id)",
  "JSON_MODIFY(c.doc, '$.name', NULL)",
  "JSON_MODIFY(c.doc, 'lax $.name', c.name)",
  "JSON_MODIFY(c.doc, 'append $.skills', 'Azure')",
  "JSON_MODIFY(c.doc, 'append $.skills', NULL)",
  "JSON_MODIFY(c.doc, N'append $.Events', JSON_QUERY(c.event))",
  "JSON_MODIFY(c.doc, '$.skills', JSON_QUERY('[\"C#\",\"T-SQL\"]'))",
  "JSON_MODIFY(c.doc, '$.user.setting.theme', 'dark')",
  "JSON_MODIFY(c.doc, 'append $.a.list', 2)",
  "JSON_MODIFY(c.doc, '$.\"first name\"', 'b')",
  "JSON_MODIFY(c.doc, '$.active', CAST(1 AS bit))",
  "JSON_MODIFY(JSON_MODIFY(JSON_MODIFY(c.doc, '$.name', 'Mike'), '$.surname', 'Smith'), 'append $.skills', 'Azure')",
  "JSON_MODIFY(N'{\"Events\": []}', N'append $.Events', JSON_MODIFY(JSON_MODIFY(N'{ }', N'$.Event', N'Ready'), N'$.ConNote', N'EAN-' + c.code))",
  "JSON_MODIFY(c.doc, '$.o', (SELECT c.id FOR JSON PATH))",
];

describe('JSON_MODIFY on Databricks', () => {
  for (const expression of TRANSLATED) {
    it(`${expression} parses as Databricks SQL, without an error diagnostic`, () => {
      const { sql, diagnostics } = databricksColumn(expression);
      expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
      expect(sql).not.toContain('JSON_MODIFY');
      const validation = polyglot.validate(sql, 'databricks');
      expect(validation.valid, `${validation.errors[0]?.message ?? ''}: ${sql}`).toBe(true);
    });
  }

  it('also as the value of a variable in a procedure', () => {
    const result = toDatabricks(`CREATE PROCEDURE dw.p AS
      BEGIN
        DECLARE @e nvarchar(max) = N'{ }';
        SET @e = JSON_MODIFY(@e, N'$.Event', N'DeliveryAttempt');
        SELECT @e AS e;
      END`);
    const set = /SET v_e = (.*);/.exec(result.text)?.[1];
    expect(set).toBeDefined();
    const validation = polyglot.validate(`SELECT ${set} AS v`, 'databricks');
    expect(validation.valid, validation.errors[0]?.message).toBe(true);
  });

  it('puts JSON_QUERY, FOR JSON and JSON_MODIFY results in as JSON, and character values as strings', () => {
    expect(databricksColumn("JSON_MODIFY(c.doc, '$.skills', JSON_QUERY(c.list))").sql).toContain('parse_json(get_json_object(c.list');
    expect(databricksColumn("JSON_MODIFY(c.doc, '$.o', JSON_MODIFY(c.other, '$.k', 1))").sql).toMatch(/map\('o', parse_json\(CASE WHEN c\.other IS NULL/);
    expect(databricksColumn("JSON_MODIFY(c.doc, '$.o', (SELECT c.id FOR JSON PATH))").sql).toContain("map('o', parse_json((SELECT to_json(");
    // Text that looks like JSON is still a string: SQL Server escapes it.
    const plain = databricksColumn(`JSON_MODIFY(c.doc, '$.skills', '["C#"]')`).sql;
    expect(plain).toContain(`CAST('["C#"]' AS VARIANT)`);
    expect(plain).not.toContain(`parse_json('["C#"]')`);
  });

  it('removes the member for NULL in lax mode and sets it to null in strict mode', () => {
    const lax = databricksColumn("JSON_MODIFY(c.doc, '$.name', NULL)").sql;
    expect(lax).toContain("map_filter(CAST(parse_json(c.doc) AS MAP<STRING, VARIANT>), (jm_key, jm_value) -> jm_key <> 'name')");
    expect(lax).not.toContain('map_concat');
    expect(databricksColumn("JSON_MODIFY(c.doc, 'strict $.name', NULL)").sql).toContain("map('name', parse_json('null'))");
    // A value that may be NULL at run time: removed where it is, set where it is not.
    expect(databricksColumn("JSON_MODIFY(c.doc, '$.name', c.name)").sql).toContain("map_filter(map('name', CAST(c.name AS VARIANT)), (jm_key, jm_value) -> jm_value IS NOT NULL)");
  });
});

describe('JSON_MODIFY diagnostics', () => {
  it('warns once per translation that the text is written anew, on each target', () => {
    for (const translate of [toDatabricks, toDuckDb]) {
      const result = translate("SELECT JSON_MODIFY(c.doc, '$.a', 1) AS a, JSON_MODIFY(c.doc, '$.b', 2) AS b FROM dw.customers AS c");
      expect(codes(result.diagnostics)).toEqual(['TR_SEMANTIC']);
      expect(result.diagnostics[0]!.message).toMatch(/^JSON_MODIFY became a rewrite of the whole document/);
    }
    expect(toDatabricks("SELECT JSON_MODIFY(c.doc, '$.a', 1) FROM dw.customers AS c").diagnostics[0]!.message).toContain('VARIANT objects are unordered');
    expect(toDuckDb("SELECT JSON_MODIFY(c.doc, '$.a', 1) FROM dw.customers AS c").diagnostics[0]!.message).toContain('the order of members are SQL Server');
  });

  it('warns that a strict path does not raise an error for a missing member', () => {
    const { diagnostics } = databricksColumn("JSON_MODIFY(c.doc, 'strict $.status', 'x')");
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toContainEqual(expect.stringContaining('a strict JSON_MODIFY path: where the member or an object on its way is missing, SQL Server raises an error'));
  });

  it('warns about a date value, which SQL Server does not take', () => {
    const { diagnostics } = databricksColumn("JSON_MODIFY(c.doc, '$.since', CAST(c.since AS date))");
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toContainEqual(expect.stringContaining('JSON_MODIFY with a date value: SQL Server takes character, numeric and bit values only'));
  });

  it('keeps what it cannot translate between markers, saying why', () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ["JSON_MODIFY(c.doc, c.path, 'x')", 'JSON_MODIFY with a path that is not a literal'],
      ["JSON_MODIFY(c.doc, '$.skills[1]', 'x')", "JSON_MODIFY of an array element ('$.skills[1]') is not translated"],
      ["JSON_MODIFY(c.doc, '$', 'x')", "JSON_MODIFY of the whole document ('$') is not translated"],
      ["JSON_MODIFY(c.doc, 'name', 'x')", "JSON_MODIFY of a path lakeshift does not read ('name')"],
    ];
    for (const [expression, message] of cases) {
      const { sql, diagnostics } = databricksColumn(expression);
      expect(sql).toContain(`/*[TR_UNSUPPORTED_FUNCTION]*/ ${expression} /*[/TR_UNSUPPORTED_FUNCTION]*/`);
      expect(diagnostics).toEqual([expect.objectContaining({ code: 'TR_UNSUPPORTED_FUNCTION', severity: 'error', message: expect.stringContaining(message) })]);
    }
  });
});

describe('modifyPath', () => {
  it('reads the modifiers and the members', () => {
    expect(modifyPath('$.a')).toEqual({ append: false, strict: false, members: ['a'] });
    expect(modifyPath('append lax $.a."b c".d')).toEqual({ append: true, strict: false, members: ['a', 'b c', 'd'] });
    expect(modifyPath('  Strict $.Info.Address ')).toEqual({ append: false, strict: true, members: ['Info', 'Address'] });
    expect(modifyPath('append strict $.tags')).toEqual({ append: true, strict: true, members: ['tags'] });
  });

  it('names what it does not read', () => {
    expect(modifyPath('$.a[0]')).toEqual({ problem: "an array element ('$.a[0]')" });
    expect(modifyPath('$')).toEqual({ problem: "the whole document ('$')" });
    expect(modifyPath('strict append $.a')).toEqual({ problem: "a path lakeshift does not read ('strict append $.a')" });
    expect(modifyPath('$..a')).toEqual({ problem: "a path lakeshift does not read ('$..a')" });
  });
});
