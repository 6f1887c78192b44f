import { tmpdir } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuckDbEngine } from '../../src/engines/duckdb/duckdb-engine.js';
import { rowObjects, type EngineSession } from '../../src/engines/engine.js';
import { ScriptInterpreter } from '../../src/rehearse/interpreter.js';
import { toDuckDb, valueOnDuckDb, valueTable } from './support.js';

/**
 * JSON_MODIFY translated to DuckDB and run there. Each expected text is what SQL Server returns
 * for a document written without spaces: the examples of its reference page
 * (learn.microsoft.com/sql/t-sql/functions/json-modify-transact-sql), or its stated rules
 * (an existing member keeps its place, a new one comes last, NULL removes a member in lax mode,
 * an object missing on the way changes nothing, append creates a missing array). DuckDB keeps
 * the order of members, so the texts are compared whole.
 */
const modified = (tsql: string) => valueOnDuckDb(tsql);
const table = valueTable;

const INFO = `N'{"name":"John","skills":["C#","SQL"]}'`;

table("the reference page's examples", [
  // Update name, insert surname, delete name, add skill.
  [`JSON_MODIFY(${INFO}, '$.name', 'Mike')`, '{"name":"Mike","skills":["C#","SQL"]}'],
  [`JSON_MODIFY(N'{"name":"Mike","skills":["C#","SQL"]}', '$.surname', 'Smith')`, '{"name":"Mike","skills":["C#","SQL"],"surname":"Smith"}'],
  [`JSON_MODIFY(N'{"name":"Mike","skills":["C#","SQL"],"surname":"Smith"}', '$.name', NULL)`, '{"skills":["C#","SQL"],"surname":"Smith"}'],
  [`JSON_MODIFY(N'{"skills":["C#","SQL"],"surname":"Smith"}', 'append $.skills', 'Azure')`, '{"skills":["C#","SQL","Azure"],"surname":"Smith"}'],
  // Multiple updates.
  [`JSON_MODIFY(JSON_MODIFY(JSON_MODIFY(${INFO}, '$.name', 'Mike'), '$.surname', 'Smith'), 'append $.skills', 'Azure')`, '{"name":"Mike","skills":["C#","SQL","Azure"],"surname":"Smith"}'],
  // Rename a key: the value read with JSON_VALUE and cast to a number, the old key removed.
  [`JSON_MODIFY(JSON_MODIFY(N'{"price":49.99}', '$.Price', CAST(JSON_VALUE(N'{"price":49.99}', '$.price') AS NUMERIC(4,2))), '$.price', NULL)`, '{"Price":49.99}'],
  // Increment a value.
  [`JSON_MODIFY(N'{"click_count":173}', '$.click_count', CAST(JSON_VALUE(N'{"click_count":173}', '$.click_count') AS INT) + 1)`, '{"click_count":174}'],
  // JSON text as a plain string is escaped; through JSON_QUERY it is put in as JSON.
  [`JSON_MODIFY(${INFO}, '$.skills', '["C#","T-SQL","Azure"]')`, '{"name":"John","skills":"[\\"C#\\",\\"T-SQL\\",\\"Azure\\"]"}'],
  [`JSON_MODIFY(${INFO}, '$.skills', JSON_QUERY('["C#","T-SQL","Azure"]'))`, '{"name":"John","skills":["C#","T-SQL","Azure"]}'],
]);

table('lax mode, the default', [
  // An existing member keeps its place, a new one comes last.
  [`JSON_MODIFY(N'{"a":1,"b":2,"c":3}', '$.b', 'x')`, '{"a":1,"b":"x","c":3}'],
  [`JSON_MODIFY(N'{"a":1,"b":2}', 'lax $.z', 0)`, '{"a":1,"b":2,"z":0}'],
  // NULL removes a member; one that is not there is no change.
  [`JSON_MODIFY(N'{"a":1,"b":2,"c":3}', '$.b', NULL)`, '{"a":1,"c":3}'],
  [`JSON_MODIFY(N'{"a":1}', '$.zz', NULL)`, '{"a":1}'],
  [`JSON_MODIFY(N'{"a":1,"b":2}', '$.a', CAST(NULL AS nvarchar(10)))`, '{"b":2}'],
  // A member that holds null is a member: a value replaces it where it is.
  [`JSON_MODIFY(N'{"a":null,"b":2}', '$.a', 'x')`, '{"a":"x","b":2}'],
  // Members in objects, the objects on the way kept in their order.
  [`JSON_MODIFY(N'{"a":{"x":1,"y":2},"b":3}', '$.a.x', 9)`, '{"a":{"x":9,"y":2},"b":3}'],
  [`JSON_MODIFY(N'{"a":{"x":1},"b":3}', '$.a.z', 'new')`, '{"a":{"x":1,"z":"new"},"b":3}'],
  [`JSON_MODIFY(N'{"a":{"b":{"c":1}}}', '$.a.b.c', NULL)`, '{"a":{"b":{}}}'],
  // "JSON_MODIFY does not insert the key theme if the $.user or $.user.settings objects do not
  // exist, or if settings is an array or a scalar value."
  [`JSON_MODIFY(N'{"user":{"name":"x"}}', '$.user.setting.theme', 'dark')`, '{"user":{"name":"x"}}'],
  [`JSON_MODIFY(N'{"user":{"setting":[1]}}', '$.user.setting.theme', 'dark')`, '{"user":{"setting":[1]}}'],
  [`JSON_MODIFY(N'{"user":{"setting":"plain"}}', '$.user.setting.theme', 'dark')`, '{"user":{"setting":"plain"}}'],
  // Quoted member names.
  [`JSON_MODIFY(N'{"first name":"a"}', '$."first name"', 'b')`, '{"first name":"b"}'],
  // NULL in, NULL out.
  [`JSON_MODIFY(CAST(NULL AS nvarchar(max)), '$.a', 'x')`, null],
]);

table('values by type', [
  // Character values are JSON strings, escaped; numbers are numbers; bit is true or false.
  [`JSON_MODIFY(N'{}', '$.s', N'say "hi"')`, '{"s":"say \\"hi\\""}'],
  [`JSON_MODIFY(N'{}', '$.s', '42')`, '{"s":"42"}'],
  [`JSON_MODIFY(N'{}', '$.n', 42)`, '{"n":42}'],
  [`JSON_MODIFY(N'{}', '$.n', CAST(2.5 AS decimal(18,2)))`, '{"n":2.5}'],
  [`JSON_MODIFY(N'{}', '$.t', CAST(1 AS bit))`, '{"t":true}'],
  [`JSON_MODIFY(N'{}', '$.f', CAST(0 AS bit))`, '{"f":false}'],
  // JSON from JSON_MODIFY is put in as JSON, as JSON_QUERY's is.
  [`JSON_MODIFY(N'{}', '$.o', JSON_MODIFY(N'{}', '$.k', 1))`, '{"o":{"k":1}}'],
  [`JSON_MODIFY(N'{}', '$.o', JSON_QUERY(N'{"k":[1,2]}', '$.k'))`, '{"o":[1,2]}'],
]);

table('append', [
  [`JSON_MODIFY(N'{"Tags":["a"]}', 'append $.Tags', 'b')`, '{"Tags":["a","b"]}'],
  // A missing array is created holding the value.
  [`JSON_MODIFY(N'{"Id":1}', 'append $.Tags', 'sales')`, '{"Id":1,"Tags":["sales"]}'],
  [`JSON_MODIFY(N'{"Events":[]}', 'append $.Events', JSON_QUERY(N'{"Event":"x"}'))`, '{"Events":[{"Event":"x"}]}'],
  [`JSON_MODIFY(N'{"a":{"list":[1]}}', 'append $.a.list', 2)`, '{"a":{"list":[1,2]}}'],
  [`JSON_MODIFY(N'{"a":[1]}', 'append $.a', NULL)`, '{"a":[1,null]}'],
]);

table('strict mode', [
  // An existing member changes as in lax mode; NULL sets it to null instead of removing it.
  [`JSON_MODIFY(N'{"a":1,"b":2}', 'strict $.a', 5)`, '{"a":5,"b":2}'],
  [`JSON_MODIFY(N'{"a":1,"b":2}', 'strict $.a', NULL)`, '{"a":null,"b":2}'],
]);

describe('JSON_MODIFY errors where SQL Server and the page leave no answer', () => {
  it('appending to a member that is not an array fails instead of guessing', async () => {
    await expect(modified(`JSON_MODIFY(N'{"a":"text"}', 'append $.a', 'x')`)).rejects.toThrow();
  });

  it('a document that is not valid JSON fails, as SQL Server does', async () => {
    await expect(modified(`JSON_MODIFY(N'{not json', '$.a', 'x')`)).rejects.toThrow();
  });
});

describe('JSON_MODIFY in procedures on DuckDB', () => {
  let engine: DuckDbEngine;
  let session: EngineSession;

  beforeEach(async () => {
    engine = new DuckDbEngine('test', { kind: 'duckdb', path: ':memory:', readOnly: false }, { baseDir: tmpdir() });
    session = await engine.openSession();
    await session.execute('CREATE SCHEMA gold;');
  });

  afterEach(async () => {
    await session.close();
    await engine.close();
  });

  const translate = { names: { 'Legacy.dw': 'memory.gold' }, defaultDatabase: 'Legacy' } as const;

  async function run(tsql: string, check: string): Promise<Array<Record<string, unknown>>> {
    const errors = toDuckDb(tsql, translate).diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    if (errors.length > 0) throw new Error(`translation has errors: ${errors.map((error) => `${error.code} ${error.message}`).join('; ')}`);
    await new ScriptInterpreter({ session, translate, procedures: () => undefined, tableFunctions: { names: [], lookup: () => undefined } }).runTsql(tsql);
    return rowObjects(await session.query(check)).map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'bigint' ? Number(value) : value])));
  }

  it("builds a delivery event member by member and appends it to the invoice's events (RecordInvoiceDeliveries)", async () => {
    await session.execute('CREATE TABLE gold.invoices (invoice_id INT, returned_delivery_data VARCHAR)');
    const rows = await run(
      `DECLARE @ReturnedDeliveryData nvarchar(max) = N'{"Events":[{"Event":"Ready for collection","ConNote":"EAN-125-1051"}]}';
       DECLARE @DeliveryEvent nvarchar(max);
       DECLARE @InvoiceID int = 1;
       DECLARE @DriverID int = 15;
       DECLARE @Latitude decimal(18,7) = 47.6062100;
       DECLARE @When nvarchar(20) = N'2016-01-05T07:30:00';
       SET @DeliveryEvent = N'{ }';
       SET @DeliveryEvent = JSON_MODIFY(@DeliveryEvent, N'$.Event', N'DeliveryAttempt');
       SET @DeliveryEvent = JSON_MODIFY(@DeliveryEvent, N'$.EventTime', @When);
       SET @DeliveryEvent = JSON_MODIFY(@DeliveryEvent, N'$.ConNote', N'EAN-125-' + CAST(@InvoiceID + 1050 AS nvarchar(20)));
       SET @DeliveryEvent = JSON_MODIFY(@DeliveryEvent, N'$.DriverID', @DriverID);
       SET @DeliveryEvent = JSON_MODIFY(@DeliveryEvent, N'$.Latitude', @Latitude);
       SET @DeliveryEvent = JSON_MODIFY(@DeliveryEvent, N'$.Status', N'Delivered');
       SET @ReturnedDeliveryData = JSON_MODIFY(@ReturnedDeliveryData, N'append $.Events', JSON_QUERY(@DeliveryEvent));
       SET @ReturnedDeliveryData = JSON_MODIFY(@ReturnedDeliveryData, N'$.DeliveredWhen', @When);
       INSERT INTO dw.invoices (invoice_id, returned_delivery_data) VALUES (@InvoiceID, @ReturnedDeliveryData);`,
      'SELECT returned_delivery_data FROM gold.invoices',
    );
    expect(rows).toHaveLength(1);
    const text = String(rows[0]!['returned_delivery_data']);
    // The value SQL Server stores (its text differs in spacing only, and in the decimal's
    // trailing zeros, which the translation warns about).
    expect(JSON.parse(text)).toEqual({
      Events: [
        { Event: 'Ready for collection', ConNote: 'EAN-125-1051' },
        { Event: 'DeliveryAttempt', EventTime: '2016-01-05T07:30:00', ConNote: 'EAN-125-1051', DriverID: 15, Latitude: 47.60621, Status: 'Delivered' },
      ],
      DeliveredWhen: '2016-01-05T07:30:00',
    });
    // Members in the order they were added, as SQL Server writes them.
    expect(text).toBe(
      '{"Events":[{"Event":"Ready for collection","ConNote":"EAN-125-1051"},{"Event":"DeliveryAttempt","EventTime":"2016-01-05T07:30:00","ConNote":"EAN-125-1051","DriverID":15,"Latitude":47.60621,"Status":"Delivered"}],"DeliveredWhen":"2016-01-05T07:30:00"}',
    );
  });

  it('appends a tag to the custom fields of the rows an UPDATE changes, creating the array where it is missing (UpdateCustomFields)', async () => {
    await session.execute(`
      CREATE TABLE gold.stock_items (id INT, name VARCHAR, custom_fields VARCHAR);
      INSERT INTO gold.stock_items VALUES
        (1, 'RC car', '{"CountryOfManufacture":"China","Tags":[]}'),
        (2, 'RC plane', '{"CountryOfManufacture":"Japan"}'),
        (3, 'USB food', '{"Tags":["Gift"]}'),
        (4, 'RC boat', NULL);
    `);
    const rows = await run(
      `UPDATE dw.stock_items SET custom_fields = JSON_MODIFY(custom_fields, N'append $.Tags', N'Radio Control') WHERE name LIKE N'RC %';
       UPDATE si SET si.custom_fields = JSON_MODIFY(si.custom_fields, N'append $.Tags', CASE WHEN si.id % 2 = 0 THEN N'32GB' ELSE N'16GB' END)
       FROM dw.stock_items AS si WHERE si.name LIKE N'%USB%';`,
      'SELECT id, custom_fields FROM gold.stock_items ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 1, custom_fields: '{"CountryOfManufacture":"China","Tags":["Radio Control"]}' },
      { id: 2, custom_fields: '{"CountryOfManufacture":"Japan","Tags":["Radio Control"]}' },
      { id: 3, custom_fields: '{"Tags":["Gift","16GB"]}' },
      // A NULL document stays NULL.
      { id: 4, custom_fields: null },
    ]);
  });

  it('nests JSON_MODIFY calls inside an INSERT ... SELECT (InvoiceCustomerOrders)', async () => {
    await session.execute(`
      CREATE TABLE gold.to_invoice (invoice_id INT);
      INSERT INTO gold.to_invoice VALUES (7), (8);
      CREATE TABLE gold.invoices (invoice_id INT, returned_delivery_data VARCHAR);
    `);
    const rows = await run(
      `INSERT INTO dw.invoices (invoice_id, returned_delivery_data)
       SELECT itg.invoice_id,
              JSON_MODIFY(N'{"Events": []}', N'append $.Events',
                  JSON_MODIFY(JSON_MODIFY(JSON_MODIFY(N'{ }', N'$.Event', N'Ready for collection'),
                  N'$.EventTime', N'2016-05-31T12:00:00'),
                  N'$.ConNote', N'EAN-125-' + CAST(itg.invoice_id + 1050 AS nvarchar(20))))
       FROM dw.to_invoice AS itg;`,
      'SELECT invoice_id, returned_delivery_data FROM gold.invoices ORDER BY invoice_id',
    );
    expect(rows).toEqual([
      { invoice_id: 7, returned_delivery_data: '{"Events":[{"Event":"Ready for collection","EventTime":"2016-05-31T12:00:00","ConNote":"EAN-125-1057"}]}' },
      { invoice_id: 8, returned_delivery_data: '{"Events":[{"Event":"Ready for collection","EventTime":"2016-05-31T12:00:00","ConNote":"EAN-125-1058"}]}' },
    ]);
  });
});
