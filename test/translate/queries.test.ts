import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as polyglot from '@polyglot-sql/sdk';
import { describe, expect, it } from 'vitest';
import type { ScriptNode } from '../../src/translate/script-ir.js';
import { codes, toDatabricks, toDuckDb } from './support.js';

function databricks(tsql: string) {
  const result = toDatabricks(tsql);
  return { text: result.text.trim(), codes: codes(result.diagnostics), diagnostics: result.diagnostics };
}

describe('TOP', () => {
  it('is LIMIT, after the ORDER BY', () => {
    expect(databricks('SELECT TOP 5 a FROM dw.t ORDER BY a').text).toBe('SELECT a FROM dw.t ORDER BY a LIMIT 5;');
  });

  it('WITH TIES and PERCENT filter on a window function over the ORDER BY', () => {
    expect(databricks('SELECT TOP 2 WITH TIES a FROM dw.t ORDER BY a DESC').text).toBe('SELECT a FROM dw.t QUALIFY rank() OVER (ORDER BY a DESC) <= 2 ORDER BY a DESC;');
    expect(databricks('SELECT TOP (50) PERCENT a FROM dw.t ORDER BY a').text).toBe(
      'SELECT a FROM dw.t QUALIFY row_number() OVER (ORDER BY a) <= ceil(50 * count(*) OVER () / 100.0) ORDER BY a;',
    );
  });

  it('PERCENT without ORDER BY keeps arbitrary rows, as in SQL Server, and says so', () => {
    expect(databricks('SELECT TOP 10 PERCENT a FROM dw.t').codes).toEqual(['TR_SEMANTIC']);
  });

  it('stays with its own SELECT inside a set operation', () => {
    expect(databricks('SELECT TOP 1 a FROM dw.t UNION SELECT b FROM dw.u').text).toBe('(SELECT a FROM dw.t LIMIT 1) UNION SELECT b FROM dw.u;');
  });

  it('OFFSET ... FETCH is LIMIT ... OFFSET', () => {
    expect(databricks('SELECT a FROM dw.t ORDER BY a OFFSET 10 ROWS FETCH FIRST 5 ROWS ONLY').text).toBe('SELECT a FROM dw.t ORDER BY a LIMIT 5 OFFSET 10;');
  });
});

describe('PERCENTILE_DISC', () => {
  it('over a date or string key is an error on Databricks, which orders by numbers only; over numbers it is kept', () => {
    const setup = 'CREATE TABLE dw.ev (g int, d date, n int);\n';
    expect(databricks(`${setup}SELECT DISTINCT g, PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY d) OVER (PARTITION BY g) AS m FROM dw.ev`).codes).toEqual(['TR_UNSUPPORTED_FUNCTION']);
    expect(databricks(`${setup}SELECT DISTINCT g, PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY n) OVER (PARTITION BY g) AS m FROM dw.ev`).codes).toEqual([]);
  });
});

describe('TOP 100 PERCENT', () => {
  it('keeps every row: nothing to rank (the old way to put ORDER BY in a view)', () => {
    expect(databricks('SELECT TOP 100 PERCENT a, b FROM dw.t ORDER BY a').text).toBe('SELECT a, b FROM dw.t ORDER BY a;');
    expect(databricks('SELECT TOP 50 PERCENT a FROM dw.t ORDER BY a').text).toContain('QUALIFY row_number() OVER (ORDER BY a) <= ceil(50 * count(*) OVER () / 100.0)');
  });
});

describe('CTEs', () => {
  it('a CTE that names itself makes the WITH recursive, and MAXRECURSION its level limit', () => {
    const result = databricks('WITH r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT n FROM r OPTION (MAXRECURSION 10)');
    expect(result.text).toBe('WITH RECURSIVE r MAX RECURSION LEVEL 10 AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT n FROM r;');
    expect(result.codes).toEqual([]);
    expect(toDuckDb('WITH r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT n FROM r OPTION (MAXRECURSION 10)').text.trim()).toBe(
      'WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT n FROM r;',
    );
  });

  it('MAXRECURSION 0 (no limit) is the largest level Databricks takes, with a warning about its row limit', () => {
    const result = databricks('WITH r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r) SELECT n FROM r OPTION (MAXRECURSION 0)');
    expect(result.text).toContain('WITH RECURSIVE r MAX RECURSION LEVEL 2147483647 AS');
    expect(result.codes).toEqual(['TR_SEMANTIC']);
  });

  it('the MAXRECURSION of an INSERT ... SELECT, an UPDATE or a DELETE limits the WITH clause in front of it', () => {
    const numbers = 'WITH r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 500)';
    const insert = databricks(`${numbers} INSERT INTO dw.numbers (n) SELECT n FROM r OPTION (MAXRECURSION 1000)`);
    expect(insert.text).toContain('WITH RECURSIVE r MAX RECURSION LEVEL 1000 AS');
    expect(insert.codes).toEqual([]);
    const update = databricks(`${numbers} UPDATE dw.t SET x = 1 WHERE id IN (SELECT n FROM r) OPTION (MAXRECURSION 1000, RECOMPILE)`);
    expect(update.text).toContain('WITH RECURSIVE r MAX RECURSION LEVEL 1000 AS');
    // RECOMPILE is dropped; Databricks runs no recursive CTE in front of an UPDATE
    expect(update.codes).toEqual(['TR_HINT_DROPPED', 'TR_UNSUPPORTED_STATEMENT']);
    expect(toDuckDb(`${numbers} DELETE FROM dw.t WHERE id IN (SELECT n FROM r) OPTION (MAXRECURSION 1000)`).diagnostics).toEqual([]);
  });

  it('a CTE name is never mapped as a table', () => {
    expect(toDatabricks('WITH x AS (SELECT 1 AS a) SELECT a FROM x', { names: { 'db.dbo': 'cat.s' }, defaultDatabase: 'db' }).text).toContain('FROM x;');
  });
});

describe('hints and history', () => {
  it('drops hints with info diagnostics', () => {
    const result = databricks('SELECT a FROM dw.t WITH (NOLOCK, INDEX(ix)) INNER LOOP JOIN dw.u ON u.id = t.id OPTION (RECOMPILE)');
    expect(result.text).toBe('SELECT a FROM dw.t INNER JOIN dw.u ON u.id = t.id;');
    // Besides the note that u.id = t.id compares values of unknown types.
    expect(result.codes.filter((code) => code !== 'TR_CASE_INSENSITIVE')).toEqual(['TR_HINT_DROPPED', 'TR_HINT_DROPPED', 'TR_HINT_DROPPED']);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code === 'TR_HINT_DROPPED').every((diagnostic) => diagnostic.severity === 'info')).toBe(true);
  });

  it('FOR SYSTEM_TIME AS OF is time travel; the other forms stay marked', () => {
    expect(databricks("SELECT a FROM dw.t FOR SYSTEM_TIME AS OF '2024-01-01' AS h").text).toBe("SELECT a FROM dw.t TIMESTAMP AS OF '2024-01-01' AS h;");
    expect(databricks("SELECT a FROM dw.t FOR SYSTEM_TIME BETWEEN '2024-01-01' AND '2024-02-01' AS h").codes).toEqual(['TR_UNSUPPORTED_EXPRESSION']);
  });

  it('GROUP BY ALL is reported', () => {
    expect(databricks('SELECT a, COUNT(*) AS n FROM dw.t WHERE b = 1 GROUP BY ALL a').codes).toEqual(['TR_SEMANTIC']);
  });
});

describe("FOR XML PATH('')", () => {
  it('reports the escaping that string_agg does not do, and not when .value() unescapes', () => {
    expect(databricks("SELECT (SELECT ',' + a FROM dw.t FOR XML PATH('')) AS s").codes).toEqual(['TR_SEMANTIC']);
    expect(databricks("SELECT (SELECT ',' + a FROM dw.t FOR XML PATH(''), TYPE).value('.', 'nvarchar(max)') AS s").codes).toEqual([]);
  });

  it('leaves real XML (named elements, RAW, AUTO) marked', () => {
    expect(databricks("SELECT (SELECT a FROM dw.t FOR XML PATH('')) AS s").codes).toEqual(['TR_UNSUPPORTED_EXPRESSION']);
    expect(databricks("SELECT (SELECT a AS x FROM dw.t FOR XML RAW) AS s").codes).toEqual(['TR_UNSUPPORTED_EXPRESSION']);
  });

  it('concatenates several unnamed columns, NULLs skipped as CONCAT does', () => {
    expect(databricks("SELECT (SELECT ',', a + '' FROM dw.t FOR XML PATH(''), TYPE).value('.', 'varchar(max)') AS s").text).toBe(
      "SELECT (SELECT string_agg(concat_ws('', ',', a || ''), '') FROM dw.t) AS s;",
    );
  });

  it('aggregates the rows of a grouped query in a derived table', () => {
    expect(databricks("SELECT (SELECT ',' + a FROM dw.t GROUP BY a ORDER BY a FOR XML PATH(''), TYPE).value('.', 'nvarchar(max)') AS s").text).toBe(
      "SELECT (SELECT CASE WHEN count(x.v) = 0 THEN NULL ELSE array_join(transform(array_sort(collect_list(named_struct('k0', x.k0, 'v', x.v)), (l, r) -> CASE WHEN l.k0 IS NULL AND r.k0 IS NOT NULL THEN -1 WHEN l.k0 IS NOT NULL AND r.k0 IS NULL THEN 1 WHEN l.k0 < r.k0 THEN -1 WHEN l.k0 > r.k0 THEN 1 ELSE 0 END), p -> p.v), '') END FROM (SELECT ',' || a AS v, a AS k0 FROM dw.t GROUP BY a ORDER BY a) AS x) AS s;",
    );
  });
});

describe('table sources', () => {
  it('PIVOT values are literals: numbers stay numbers, names become strings', () => {
    const result = databricks('SELECT * FROM dw.t PIVOT (SUM(v) FOR k IN ([1], [two words])) AS p');
    expect(result.text).toBe("SELECT * FROM (SELECT * FROM dw.t PIVOT (sum(v) FOR k IN (1 AS `1`, 'two words' AS `two words`))) AS p;");
    expect(result.codes).toEqual(['TR_CASE_INSENSITIVE']);
  });

  it('STRING_SPLIT escapes its separator for split(), which takes a regular expression', () => {
    expect(databricks("SELECT value FROM STRING_SPLIT(@s, '.')").text).toContain("split(v_s, '\\\\.')");
    expect(databricks('SELECT value FROM STRING_SPLIT(@s, @sep)').text).toContain("split(v_s, concat('\\\\Q', v_sep, '\\\\E'))");
  });

  it('OPENJSON without WITH reads members through a VARIANT, with a warning about their order; unknown table functions stay marked', () => {
    const members = databricks('SELECT * FROM OPENJSON(@j)');
    expect(members.codes).toEqual(['TR_SEMANTIC']);
    expect(members.text).toContain('CAST(parse_json(v_j) AS MAP<STRING, VARIANT>)');
    expect(members.text).toMatch(/AS openjson\(key, value, type\);$/);
    expect(databricks('SELECT * FROM OPENJSON(@j, @path)').codes).toEqual(['TR_UNSUPPORTED_EXPRESSION']);
    expect(databricks("SELECT * FROM OPENROWSET(BULK 'x.csv', SINGLE_CLOB) AS b").codes).toEqual(['TR_UNSUPPORTED_EXPRESSION']);
  });

  it('APPLY of a table or view is a plain join: LATERAL takes a subquery or a function only', () => {
    expect(databricks('SELECT a.x FROM dw.a AS a CROSS APPLY dw.b AS b OUTER APPLY dw.c AS c').text).toBe('SELECT a.x FROM dw.a AS a CROSS JOIN dw.b AS b LEFT JOIN dw.c AS c ON true;');
  });

  it('INSERT INTO OPENQUERY(...) writes to the linked server, which remote_query cannot: kept, with an error', () => {
    const result = toDatabricks("INSERT INTO OPENQUERY(srv, 'select a from t') SELECT a FROM dw.x;");
    expect(result.text).toMatch(/^-- \[TR_UNSUPPORTED_STATEMENT\] INSERT into OPENQUERY\(\.\.\.\) writes through a table function/);
    expect(result.text).not.toContain('INSERT INTO remote_query');
  });

  it('four-part names on a linked server: flagged, unless translate.names maps the server\'s schema to a (foreign) catalog', () => {
    const tsql = 'SELECT g.mark FROM [LEGACYSRV].[RaeDb].[dbo].[Grades] AS g JOIN OTHERSRV.db.dbo.t AS t ON t.id = g.id';
    const result = toDatabricks(tsql, { names: { 'LegacySrv.RaeDb.dbo': 'rae_federated.dbo' } });
    expect(result.text).toContain('FROM rae_federated.dbo.Grades AS g INNER JOIN db.dbo.t AS t');
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.code}`)).toEqual(['warning TR_SEMANTIC', 'error TR_LINKED_SERVER', 'warning TR_NAME_NOT_MAPPED', 'warning TR_CASE_INSENSITIVE']);
    expect(result.diagnostics[0]!.message).toMatch(/foreign catalog of Lakehouse Federation is read-only/);
  });

  it('user table functions keep their mapped names, LATERAL under APPLY', () => {
    const result = databricks('SELECT f.x FROM dw.t CROSS APPLY dw.parts(t.id) AS f');
    expect(result.text).toBe('SELECT f.x FROM dw.t CROSS JOIN LATERAL dw.parts(t.id) AS f;');
    expect(result.codes).toEqual(['TR_USER_FUNCTION']);
  });
});

describe('quantified comparisons', () => {
  it('= ANY is IN, <> ALL is NOT IN, the rest stay marked', () => {
    expect(databricks('SELECT a FROM dw.t WHERE a = ANY (SELECT b FROM dw.u)').text).toBe('SELECT a FROM dw.t WHERE a IN (SELECT b FROM dw.u);');
    expect(databricks('SELECT a FROM dw.t WHERE a <> ALL (SELECT b FROM dw.u)').text).toBe('SELECT a FROM dw.t WHERE a NOT IN (SELECT b FROM dw.u);');
    expect(databricks('SELECT a FROM dw.t WHERE a > ALL (SELECT b FROM dw.u)').codes).toEqual(['TR_UNSUPPORTED_EXPRESSION']);
  });
});

describe('windows', () => {
  it('ORDER BY (SELECT NULL) is ORDER BY NULL', () => {
    expect(databricks('SELECT ROW_NUMBER() OVER (ORDER BY (SELECT NULL)) AS n FROM dw.t').text).toBe('SELECT row_number() OVER (ORDER BY NULL) AS n FROM dw.t;');
  });
});

describe('no T-SQL-only syntax without a diagnostic naming it', () => {
  const root = path.join(path.dirname(new URL(import.meta.url).pathname), 'golden');
  const files = ['expressions', 'queries'].flatMap((dir) => readdirSync(path.join(root, dir)).filter((name) => name.endsWith('.tsql')).map((name) => path.join(dir, name)));
  const forbidden: ReadonlyArray<readonly [string, RegExp]> = [
    ['a T-SQL variable', /(?<![\w$])@@?[A-Za-z_]\w*/],
    ["an N'' literal", /(?<!\w)N'/],
    ['a T-SQL built-in', /\b(ISNULL|GETDATE|GETUTCDATE|SYSDATETIME|LEN|DATALENGTH|CHARINDEX|PATINDEX|DATEADD|DATEPART|DATENAME|EOMONTH|CONVERT|TRY_CONVERT|IIF|NEWID|STUFF|REPLICATE|QUOTENAME|SCOPE_IDENTITY|OBJECT_ID)\s*\(/],
    ['TOP', /\bTOP\b/i],
    ['a table hint', /\bNOLOCK\b/i],
    ['FOR XML or FOR JSON', /\bFOR\s+(XML|JSON)\b/i],
    ['OPTION (...)', /\bOPTION\s*\(/i],
    ['APPLY', /\bAPPLY\b/i],
  ];
  for (const file of files) {
    for (const target of ['databricks', 'duckdb'] as const) {
      it(`${file} -> ${target}`, () => {
        const result = (target === 'databricks' ? toDatabricks : toDuckDb)(readFileSync(path.join(root, file), 'utf8'));
        const markers = [...result.text.matchAll(/\/\*\[(TR_\w+)\]\*\//g)].map((match) => match[1]);
        const errors = new Set(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => diagnostic.code));
        for (const code of markers) expect(errors, `marker ${code} without an error diagnostic`).toContain(code);
        const literal = target === 'databricks' ? /'(?:[^'\\]|\\.)*'/g : /'(?:[^']|'')*'/g;
        const text = result.text
          .replace(/\/\*\[(TR_\w+)\]\*\/[\s\S]*?\/\*\[\/\1\]\*\//g, ' ')
          .replace(/\/\*[\s\S]*?\*\//g, ' ')
          .replace(/--[^\n]*/g, ' ')
          .replace(literal, "''");
        for (const [what, pattern] of forbidden) expect(pattern.exec(text)?.[0], `${what} in the output`).toBeUndefined();
        if (target === 'databricks') expect(/\[[A-Za-z_][\w ]*\]/.exec(text)?.[0], 'a bracketed name in the output').toBeUndefined();
        if (target === 'databricks') {
          // Every statement, marked parts replaced by NULL, parses with a Databricks grammar (sqlglot's).
          const statements = result.objects.flatMap((object) => leafStatements(object.kind === 'statements' ? object.body : object.body.body));
          for (const sql of statements) {
            // MAX RECURSION LEVEL (Databricks SQL and Runtime 17.0, "Common table expression" in the
            // Databricks SQL reference) is newer than sqlglot's grammar: checked without it.
            const validation = polyglot.validate(sql.replace(/ MAX RECURSION LEVEL \d+/, '').replace(/\/\*\[(TR_\w+)\]\*\/[\s\S]*?\/\*\[\/\1\]\*\//g, 'NULL'), 'databricks');
            expect(validation.valid, `${validation.errors[0]?.message ?? ''}: ${sql}`).toBe(true);
          }
        }
      });
    }
  }
});

/** The SQL statements of script IR, and the values of SET as queries. */
function leafStatements(nodes: readonly ScriptNode[]): string[] {
  return nodes.flatMap((node): string[] => {
    switch (node.kind) {
      case 'sql':
        return [node.sql];
      case 'set':
        return [node.fromQuery ? node.value : `SELECT ${node.value}`];
      case 'if':
        return [...node.branches.flatMap((branch) => leafStatements(branch.body)), ...leafStatements(node.otherwise ?? [])];
      case 'while':
      case 'for':
        return leafStatements(node.body);
      case 'block':
        return [...leafStatements(node.body), ...leafStatements(node.handler?.body ?? [])];
      default:
        return [];
    }
  });
}
