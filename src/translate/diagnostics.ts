/**
 * The translation diagnostics: stable codes, each with a severity and the human check it asks
 * for. docs/translation-diagnostics.md is generated from this table (with an example each), so
 * the catalogue and the code cannot drift apart.
 *
 * - error: the output does not do what the T-SQL did; a human must write this part.
 * - warning: translated, but the semantics may differ; a human must check.
 * - info: dropped or changed on purpose, with nothing to check (hints, NOCOUNT).
 */
export type TranslationSeverity = 'error' | 'warning' | 'info';

export interface DiagnosticDefinition {
  readonly severity: TranslationSeverity;
  /** What happened, in a few words. */
  readonly title: string;
  /** What the human must check or do. */
  readonly check: string;
  /** T-SQL that raises it, for the catalogue (test/translate/diagnostics-doc.test.ts translates it). */
  readonly example: string;
  /** The lakeshift.yaml setting the example needs (as written there, and as translation options). */
  readonly setting?: { readonly yaml: string; readonly options: Readonly<Record<string, unknown>> };
}

export const DIAGNOSTICS = {
  TR_PARSE_ERROR: {
    severity: 'error',
    title: 'The T-SQL front end could not read this statement',
    check: 'The statement is kept, commented out; translate it by hand.',
    example: 'SELECT FROM WHERE;',
  },
  TR_UNSUPPORTED_STATEMENT: {
    severity: 'error',
    title: 'No translation for this kind of statement',
    check: 'The statement is kept, commented out; write its Databricks equivalent by hand.',
    example: "BULK INSERT dbo.t FROM 'c:\\data.dat' WITH (FORMATFILE = 'c:\\data.fmt');",
  },
  TR_UNSUPPORTED_EXPRESSION: {
    severity: 'error',
    title: 'No translation for this expression',
    check: 'The expression is kept as written between markers; replace it.',
    example: "SELECT x.value('(/a)[1]', 'int') FROM t;",
  },
  TR_UNSUPPORTED_FUNCTION: {
    severity: 'error',
    title: 'A function with no Databricks equivalent known to lakeshift',
    check: 'The call is kept as written between markers; replace it or create a function of that name.',
    example: "SELECT DIFFERENCE(name, 'Smith') FROM t;",
  },
  TR_USER_FUNCTION: {
    severity: 'info',
    title: 'A call to a user-defined function',
    check: 'The function must be translated and created in the lakehouse too.',
    example: 'SELECT dbo.fn_fiscal_quarter(d) FROM t;',
  },
  TR_TRIGGER: {
    severity: 'error',
    title: 'Triggers have no equivalent in Databricks',
    check: 'Move the logic into the job that writes the table, or use Delta change data feed.',
    example: 'CREATE TRIGGER trg ON dbo.t AFTER INSERT AS ...',
  },
  TR_OUTPUT_PARAMETER: {
    severity: 'warning',
    title: 'An OUTPUT parameter became an OUT parameter',
    check: 'Callers must read it through CALL; check every caller.',
    example: 'CREATE PROCEDURE p @n int OUTPUT AS ...',
  },
  TR_RETURN_VALUE: {
    severity: 'warning',
    title: 'A procedure return code is not kept',
    check: 'Databricks procedures return no status code; callers that test it need another signal.',
    example: 'RETURN 1;',
  },
  TR_DYNAMIC_SQL: {
    severity: 'warning',
    title: 'Dynamic SQL runs with EXECUTE IMMEDIATE, but its text is still T-SQL',
    check: 'Translate the SQL that the string builds.',
    example: "EXEC sp_executesql @sql, N'@d date', @d = @day;",
  },
  TR_DYNAMIC_SQL_TRANSLATED: {
    severity: 'warning',
    title: 'Dynamic SQL built from literals was translated; the values spliced into it were not',
    check:
      'The text was known from the literals it is built from (in the statement or in the assignments just before it), and was translated. The values of the variables and expressions joined into it (a table name, QUOTENAME(@schema), a date turned into text) are spliced in as they are when it runs: check that each is a name or value Databricks reads the same way (names are not mapped by translate.names, a fragment of SQL in a variable is still T-SQL).',
    example: "EXEC (N'TRUNCATE TABLE ' + QUOTENAME(@schema) + N'.' + QUOTENAME(@table));",
  },
  TR_SESSION_OPTION: {
    severity: 'info',
    title: 'A session option with no meaning in Databricks was dropped',
    check: 'Nothing to do.',
    example: 'SET NOCOUNT ON;',
  },
  TR_SESSION_OPTION_SEMANTIC: {
    severity: 'warning',
    title: 'A session option that changes behaviour was dropped',
    check: 'Check that the code does not rely on it (ANSI_NULLS OFF, DATEFIRST, XACT_ABORT OFF ...).',
    example: 'SET DATEFIRST 1;',
  },
  TR_TRANSACTION: {
    severity: 'warning',
    title: 'Explicit transaction control',
    check: 'Each Databricks statement commits on its own; a compound can be BEGIN ATOMIC. Check what must stay all-or-nothing.',
    example: 'BEGIN TRANSACTION; ... COMMIT;',
  },
  TR_HINT_DROPPED: {
    severity: 'info',
    title: 'A table or query hint was dropped',
    check: 'Nothing to do: the engine plans on its own.',
    example: 'SELECT * FROM t WITH (NOLOCK);',
  },
  TR_CASE_INSENSITIVE: {
    severity: 'warning',
    title: 'String comparisons: SQL Server ignores case by default, Databricks does not',
    check:
      "translate.collation is binary, or lakeshift could not tell that both sides are strings: check the comparisons of this object, lower() both sides or a UTF8_LCASE collation where case must not matter.",
    example: 'SELECT o.id FROM sales.orders AS o JOIN sales.customers AS c ON c.code = o.customer_code;',
  },
  TR_CASE_SENSITIVE_GROUPING: {
    severity: 'warning',
    title: 'Grouping strings: SQL Server puts values that differ only in case or trailing spaces in one group, the target does not',
    check:
      "GROUP BY, DISTINCT, PARTITION BY, UNION and COUNT(DISTINCT) on strings: 'Boston' and 'BOSTON ' are one group in SQL Server and two here. Group by lower(rtrim(x)) where that matters (comparisons are translated case-insensitively, translate.collation).",
    example: 'CREATE TABLE sales.customers (id int, city nvarchar(50));\nSELECT city, COUNT(*) AS customers FROM sales.customers GROUP BY city;',
  },
  TR_CASE_SENSITIVE_ORDER: {
    severity: 'warning',
    title: 'Sorting strings: SQL Server sorts them without regard to case, the target by code point',
    check:
      "ORDER BY (of a query, a window or STRING_AGG) and MIN/MAX on strings: SQL Server's default collation puts 'apple' before 'Banana', Databricks and DuckDB put 'Banana' first. Where the order picks rows (TOP, ROW_NUMBER() = 1, MIN/MAX) or shows them, sort by lower(x), or by x COLLATE UNICODE_CI on Databricks.",
    example: 'CREATE TABLE sales.customers (id int, name nvarchar(50));\nSELECT TOP (1) name FROM sales.customers ORDER BY name;',
  },
  TR_TRAILING_SPACES: {
    severity: 'warning',
    title: 'String comparisons: SQL Server ignores trailing spaces, Databricks does not',
    check: 'Check comparisons of char columns or padded values: rtrim() where trailing spaces must not matter.',
    example: "CREATE TABLE sales.products (id int, code char(5));\nSELECT id FROM sales.products WHERE code = 'AB';",
    setting: { yaml: 'translate.collation: binary', options: { collation: 'binary' } },
  },
  TR_STRING_CONCAT_UNTYPED: {
    severity: 'warning',
    title: '`+` whose operands may be numbers or strings',
    check: 'lakeshift could not tell the types: check whether this is addition or concatenation.',
    example: 'SELECT a + b FROM t;',
  },
  TR_OUTPUT_CLAUSE: {
    severity: 'error',
    title: 'An OUTPUT clause lakeshift cannot compute',
    check:
      'Databricks has no OUTPUT clause. lakeshift reads the rows before the statement where it can (deleted columns, new values of UPDATE SET, MERGE $action, identity values of a table whose identity column it knows); this one reads values only the statement makes (generated ids, defaults, random values): query the changed rows after the statement by hand.',
    example: 'INSERT INTO dbo.color (name) OUTPUT inserted.color_id VALUES (N\'red\');',
  },
  TR_OUTPUT_BEFORE: {
    severity: 'warning',
    title: 'An OUTPUT clause became a query of the rows, run just before the statement',
    check:
      'The rows are classified (MERGE $action) and read before the statement changes them, by a statement of their own: check that nothing else writes the table between the two (another job, a concurrent run).',
    example: 'MERGE dw.t AS t USING stage.t AS s ON t.id = s.id WHEN MATCHED THEN UPDATE SET t.v = s.v WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id, s.v) OUTPUT $action INTO #actions (action);',
  },
  TR_IDENTITY_READBACK: {
    severity: 'warning',
    title: 'A generated identity value is read back from the table',
    check:
      'SCOPE_IDENTITY(), @@IDENTITY, IDENT_CURRENT() and OUTPUT inserted.<identity column> read the largest identity value of the table after the INSERT. That holds while no other session inserts into the table meanwhile (Databricks runs no concurrent transactions on a table with an identity column, but the INSERT and the read are two) and nobody inserts explicit identity values above the generated ones. Where neither the inventory nor the text defines the table, the column the code matches the value against (UPDATE or DELETE of the table WHERE column = @value) is taken to be the identity column: check that it is.',
    example: "CREATE TABLE etl.run_log (run_id int IDENTITY(1,1), status varchar(20));\nDECLARE @id int;\nINSERT INTO etl.run_log (status) VALUES ('STARTED');\nSET @id = SCOPE_IDENTITY();",
  },
  TR_ROW_COUNT: {
    severity: 'warning',
    title: '@@ROWCOUNT after dynamic SQL, a procedure call or a MERGE read with GET DIAGNOSTICS ROW_COUNT',
    check:
      'GET DIAGNOSTICS v = ROW_COUNT gives the rows of the most recent DML statement in a compound statement (Databricks SQL reference, GET DIAGNOSTICS): check that your runtime has it, and that the statement it counts is the one T-SQL counted (the last statement of the dynamic SQL or procedure).',
    example: "EXEC sp_executesql @sql, N'@d date', @d = @day; SET @deleted = @@ROWCOUNT;",
  },
  TR_TEMP_TABLE: {
    severity: 'info',
    title: 'A temporary table or table variable became a session temporary table',
    check: 'Temporary tables need a Databricks SQL warehouse (DBR 18.1 and above); see translate.tempTables for the alternatives.',
    example: 'SELECT * INTO #work FROM t;',
  },
  TR_TEMP_TABLE_VIEW: {
    severity: 'error',
    title: 'A temporary table that is written to cannot be a temporary view',
    check: 'translate.tempTables is view: set it to temporary or schema, or rewrite the steps that fill the table as one query.',
    example: 'CREATE TABLE #work (id int); INSERT INTO #work VALUES (1);',
    setting: { yaml: 'translate.tempTables: view', options: { tempTables: 'view' } },
  },
  TR_CURSOR: {
    severity: 'warning',
    title: 'A cursor loop became a FOR loop over its query',
    check: 'Check the loop body: set-based SQL is usually better on Databricks.',
    example:
      "DECLARE @name nvarchar(50);\nDECLARE c CURSOR FOR SELECT name FROM sales.customers;\nOPEN c;\nFETCH NEXT FROM c INTO @name;\nWHILE @@FETCH_STATUS = 0\nBEGIN\n  INSERT INTO sales.greetings (text) VALUES (N'Hello ' + @name);\n  FETCH NEXT FROM c INTO @name;\nEND;\nCLOSE c;\nDEALLOCATE c;",
  },
  TR_CURSOR_UNSUPPORTED: {
    severity: 'error',
    title: 'A cursor pattern lakeshift cannot turn into a FOR loop',
    check: 'Rewrite the cursor as set-based SQL or a FOR loop by hand.',
    example: 'FETCH PRIOR FROM c;',
  },
  TR_ERROR_FUNCTION: {
    severity: 'warning',
    title: 'An error function with no exact equivalent in a Databricks handler',
    check: 'ERROR_NUMBER, ERROR_SEVERITY, ERROR_STATE and ERROR_PROCEDURE have no equivalent; the SQLSTATE or NULL stands in.',
    example: 'SELECT ERROR_NUMBER();',
  },
  TR_RAISERROR_INFO: {
    severity: 'info',
    title: 'An informational message (PRINT, RAISERROR below severity 11) was dropped',
    check: 'Nothing to do: Databricks SQL scripts do not print messages.',
    example: "RAISERROR('step 2 done', 0, 1) WITH NOWAIT;",
  },
  TR_SEMANTIC: {
    severity: 'warning',
    title: 'Translated, but the semantics differ in corner cases',
    check: 'Read the message: it names the difference.',
    example: 'SELECT @x = col FROM t;',
  },
  TR_UPDATABLE_CTE: {
    severity: 'warning',
    title: 'An UPDATE or DELETE through a common table expression was matched back to its table by key, or the table rewritten whole',
    check:
      "The CTE's rows depend on other rows (window functions such as ROW_NUMBER, TOP), so they are computed first and matched back to the base table by its primary key, or else its identity column. Databricks enforces neither: check that the key is unique in the data, or rows sharing it are changed together (MERGE fails when several match one row). Without a known key the table is rewritten whole (INSERT OVERWRITE): a DELETE keeps all its rows but those it removes, with the columns known of the table (check they are all of them); an UPDATE writes every row back once by column name, the columns it sets computed by CASE (check the table has no generated columns). Either way, check that nothing else writes the table meanwhile.",
    example: 'WITH d AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY code ORDER BY loaded DESC) AS rn FROM stage.customer) DELETE FROM d WHERE rn > 1;',
  },
  TR_NAME_NOT_MAPPED: {
    severity: 'warning',
    title: 'A table name has no entry in translate.names',
    check:
      'Add its database.schema to translate.names in lakeshift.yaml, or check the name. A one-part name is read in the schema SQL Server resolves it in (the module\'s schema inside a procedure, function or view; dbo otherwise) of the current database (the last USE, else the default database); a bare schema key maps the default database only.',
    example: 'SELECT * FROM Staging.dbo.x;',
    setting: { yaml: 'translate.names: { ShellCorp.dbo: main.gold }', options: { names: { 'ShellCorp.dbo': 'main.gold' }, defaultDatabase: 'ShellCorp' } },
  },
  TR_INSERT_UNLISTED: {
    severity: 'info',
    title: 'An INSERT without a column list into a table whose columns lakeshift does not know',
    check:
      'SQL Server fills an identity (or rowversion) column itself and takes the values for the other columns in order; a Databricks INSERT without a column list wants a value for every column, the identity column included. Where the table has one, list the columns (a snapshot of the table lets lakeshift do it).',
    example: 'INSERT INTO dw.fact_sales SELECT order_id, amount FROM stage.sales;',
  },
  TR_NAME_CHANGED: {
    severity: 'warning',
    title: 'An object name the target cannot hold was changed',
    check:
      "Unity Catalog names (catalog, schema, table, view, function) cannot hold a space, a period or a slash: each became _, the same way in every translated object. Use the new name in code outside the translation (reports, dynamic SQL, other tools), and check that it does not clash with an object already named so ('Order Lines' and 'Order_Lines').",
    example: 'SELECT [Stock Item Key] FROM Dimension.[Stock Item];',
  },
  TR_IDENTITY: {
    severity: 'info',
    title: 'An IDENTITY column became GENERATED BY DEFAULT AS IDENTITY',
    check: 'Identity values in Databricks are unique but not consecutive.',
    example: 'CREATE TABLE t (id int IDENTITY(1,1));',
  },
  TR_SEQUENCE: {
    severity: 'warning',
    title: 'A sequence became a one-row table that NEXT VALUE FOR takes values from',
    check:
      'Databricks has no sequences. CREATE SEQUENCE became a table holding the next value, the increment and the limits; NEXT VALUE FOR takes values from it before the statement that uses them (SET, DECLARE, SELECT @v =, INSERT ... VALUES), or a block of values for the rows of INSERT ... SELECT, with a compare-and-swap UPDATE. No value is handed out twice, but two sessions taking values at the same moment can make one of them fail with a Delta concurrent-update error, and INSERT ... SELECT counts its rows before it inserts them. Columns that defaulted to the sequence became identity columns (TR_SEQUENCE_IDENTITY), which do not share its numbers: fill such a column either from the sequence or from its identity, not both.',
    example: 'SET @order_id = NEXT VALUE FOR sequences.order_id;',
  },
  TR_SEQUENCE_IDENTITY: {
    severity: 'warning',
    title: 'A column numbered by a sequence became an identity column',
    check:
      'Databricks has no sequences. The column took DEFAULT (NEXT VALUE FOR s): the table now numbers its own rows. Values no longer come from the sequence, which other tables or code may share (NEXT VALUE FOR s elsewhere takes values from the table the sequence became, TR_SEQUENCE): rows numbered by the identity and rows given NEXT VALUE FOR s values can collide. After loading the legacy rows, run ALTER TABLE ... ALTER COLUMN ... SYNC IDENTITY so new values start beyond them.',
    example: 'CREATE TABLE sales.orders (order_id int DEFAULT (NEXT VALUE FOR sequences.order_id) NOT NULL, customer_id int);',
  },
  TR_SYSTEM_OBJECT: {
    severity: 'error',
    title: "A query reads SQL Server's own catalog, system tables or change data capture",
    check:
      'sys.* views, the SQL Server 2000 system tables (sysobjects, spt_values), the system databases and cdc.* functions do not exist in a lakehouse. Read information_schema or the Unity Catalog system tables; number rows with range(); read changes with Delta change data feed.',
    example: 'SELECT name FROM sys.tables WHERE schema_id = SCHEMA_ID(N\'dw\');',
  },
  TR_REMOTE_QUERY: {
    severity: 'warning',
    title: 'OPENQUERY became remote_query through a Unity Catalog connection',
    check:
      "The query text runs on the other system as it is, as OPENQUERY ran it. Create the connection the message names (CREATE CONNECTION ... TYPE sqlserver) and grant its use; remote_query is in Public Preview.",
    example: "SELECT * FROM OPENQUERY(ERP, 'SELECT id, name FROM dbo.customers');",
  },
  TR_TABLE_PARAMETER: {
    severity: 'warning',
    title: 'A table-valued parameter became a temporary table the caller fills',
    check:
      'Databricks procedures take scalar parameters only. The procedure reads a session temporary table named after the parameter; every caller must create it (with the columns of the table type) and fill it before CALL. A translated EXEC that passes a table variable by name does so.',
    example: 'CREATE PROCEDURE dbo.load_orders @orders dbo.order_list READONLY AS INSERT INTO dbo.orders SELECT * FROM @orders;',
  },
  TR_FILE_LOCATION: {
    severity: 'warning',
    title: 'A file is read from a place the lakehouse cannot reach',
    check:
      "BULK INSERT read the file from the SQL Server's disk, a share or an external data source. Copy the files to a Unity Catalog volume or cloud storage and map the path prefix (or DATA_SOURCE name) in translate.files; the output keeps the old path until then.",
    example: "BULK INSERT dbo.t FROM 'D:\\feeds\\t.csv' WITH (FORMAT = 'CSV', FIRSTROW = 2);",
  },
  TR_LINKED_SERVER: {
    severity: 'error',
    title: 'A four-part name reads or writes a table on a linked server',
    check:
      'The server part was dropped, so the translation names a table of the workspace instead. Reach the other system through Lakehouse Federation (a foreign catalog) or a load job, and map the name with translate.names.',
    example: 'SELECT student_no, mark FROM [LEGACYSRV].[school].[dbo].[grades];',
  },
  TR_CONSTRAINT: {
    severity: 'info',
    title: 'A constraint became informational, or was dropped',
    check: 'Databricks enforces NOT NULL and CHECK only: primary and foreign keys are informational (Unity Catalog) and UNIQUE does not exist. Keep the load from writing duplicates.',
    example: 'CREATE TABLE t (id int PRIMARY KEY, code varchar(10) UNIQUE);',
  },
  TR_TYPE_APPROXIMATED: {
    severity: 'warning',
    title: 'A data type with no exact equivalent',
    check: 'Check the values the column holds (time zones, precision, spatial and XML types).',
    example: 'CREATE TABLE t (x datetimeoffset, g geography);',
  },
  TR_UNTRANSLATED_OBJECT: {
    severity: 'error',
    title: 'An object kind lakeshift does not translate',
    check: 'Write it by hand.',
    example: 'CREATE ASSEMBLY ...',
  },
} as const satisfies Record<string, DiagnosticDefinition>;

export type DiagnosticCode = keyof typeof DIAGNOSTICS;

export interface TranslationDiagnostic {
  readonly code: DiagnosticCode;
  readonly severity: TranslationSeverity;
  /** 1-based, in the original T-SQL. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export function severityOf(code: DiagnosticCode): TranslationSeverity {
  return DIAGNOSTICS[code].severity;
}
