import { describe, expect, it } from 'vitest';
import { runOnDuckDb, toDuckDb } from './support.js';

/**
 * FOR JSON AUTO over joins, translated to DuckDB and run there. Each expected text is the JSON
 * SQL Server returns: the documentation's own example where there is one (the RIGHT JOIN of
 * classes and students, learn.microsoft.com/sql/relational-databases/json/format-query-results-
 * as-json-with-for-json-sql-server), otherwise what its rules give: tables nest in the order the
 * SELECT list first names them, the alias naming the array; a table's columns stay in its object
 * before the nested array; rows next to each other with equal parent values share one parent
 * object; an outer join's row with no match is an object with no members.
 */
const SETUP = `
CREATE SCHEMA dbo;
CREATE TABLE dbo.tabClass (ClassGuid VARCHAR, ClassName VARCHAR);
CREATE TABLE dbo.tabStudent (StudentGuid VARCHAR, StudentName VARCHAR, ClassGuid VARCHAR);
INSERT INTO dbo.tabClass VALUES ('DE80', 'Algebra Math'), ('C55C', 'Calculus Math'), ('9850', 'Art Painting');
INSERT INTO dbo.tabStudent VALUES ('s1', 'Alice Apple', 'DE80'), ('s2', 'Alice Apple', 'C55C'), ('s3', 'Betty Boot', 'C55C'), ('s4', 'Betty Boot', '9850'), ('s5', 'Carla Cap', NULL);
CREATE TABLE dbo.cities (id INTEGER, name VARCHAR);
CREATE TABLE dbo.people (id INTEGER, full_name VARCHAR, preferred VARCHAR);
CREATE TABLE dbo.customers (id INTEGER, name VARCHAR, phone VARCHAR, city_id INTEGER, contact_id INTEGER);
CREATE TABLE dbo.orders (id INTEGER, customer_id INTEGER, code VARCHAR, amount INTEGER);
INSERT INTO dbo.cities VALUES (1, 'Oslo'), (2, 'Lima');
INSERT INTO dbo.people VALUES (10, 'Ann Lee', 'Ann'), (11, 'Bob Stone', NULL);
INSERT INTO dbo.customers VALUES (100, 'Delta', '555-0100', 1, 10), (101, 'Alpha', NULL, 2, NULL), (102, 'Charlie', '555-0102', 1, 11), (103, 'Bravo', '555-0103', 2, 10);
INSERT INTO dbo.orders VALUES (1, 100, 'A-1', 5), (2, 101, 'B-1', 7), (3, 100, 'A-2', 9), (4, 103, 'C-1', 6);
`;

/** The inventory's columns, which place unqualified column names in their tables. */
const INVENTORY: Readonly<Record<string, ReadonlyMap<string, string>>> = {
  'dbo.customers': new Map([['id', 'int'], ['name', 'nvarchar(50)'], ['phone', 'nvarchar(20)'], ['city_id', 'int'], ['contact_id', 'int']]),
  'dbo.orders': new Map([['id', 'int'], ['customer_id', 'int'], ['code', 'nvarchar(10)'], ['amount', 'int']]),
};

async function json(tsql: string): Promise<string | null> {
  const rows = await runOnDuckDb(tsql, SETUP, { columnTypes: (table) => INVENTORY[table] });
  const value = rows[0]?.['json'];
  return value === null || value === undefined ? null : String(value);
}

describe('FOR JSON AUTO over joins on DuckDB', () => {
  it("reproduces the documentation's RIGHT JOIN example: a class's students in one array, the unmatched student under an object with no class members", async () => {
    expect(
      await json(`SELECT c.ClassName, s.StudentName
FROM dbo.tabClass AS c RIGHT JOIN dbo.tabStudent AS s ON s.ClassGuid = c.ClassGuid
ORDER BY c.ClassName, s.StudentName
FOR JSON AUTO`),
    ).toBe(
      '[{"s":[{"StudentName":"Carla Cap"}]},{"ClassName":"Algebra Math","s":[{"StudentName":"Alice Apple"}]},{"ClassName":"Art Painting","s":[{"StudentName":"Betty Boot"}]},{"ClassName":"Calculus Math","s":[{"StudentName":"Alice Apple"},{"StudentName":"Betty Boot"}]}]',
    );
  });

  it('many-to-one: each order holds a one-element array of its customer', async () => {
    expect(await json('SELECT o.id, o.code, c.name FROM dbo.orders AS o JOIN dbo.customers AS c ON c.id = o.customer_id ORDER BY o.id FOR JSON AUTO')).toBe(
      '[{"id":1,"code":"A-1","c":[{"name":"Delta"}]},{"id":2,"code":"B-1","c":[{"name":"Alpha"}]},{"id":3,"code":"A-2","c":[{"name":"Delta"}]},{"id":4,"code":"C-1","c":[{"name":"Bravo"}]}]',
    );
  });

  it("one-to-many: a customer's orders in one array; a column of the parent named after the child's stays before the array", async () => {
    expect(
      await json('SELECT c.id, o.code, o.amount, c.name FROM dbo.customers AS c JOIN dbo.orders AS o ON o.customer_id = c.id ORDER BY c.id, o.code FOR JSON AUTO'),
    ).toBe(
      '[{"id":100,"name":"Delta","o":[{"code":"A-1","amount":5},{"code":"A-2","amount":9}]},{"id":101,"name":"Alpha","o":[{"code":"B-1","amount":7}]},{"id":103,"name":"Bravo","o":[{"code":"C-1","amount":6}]}]',
    );
  });

  it('an outer join with no match gives an array holding one object with no members', async () => {
    expect(
      await json('SELECT c.id, o.code FROM dbo.customers AS c LEFT JOIN dbo.orders AS o ON o.customer_id = c.id WHERE c.id IN (101, 102) ORDER BY c.id FOR JSON AUTO'),
    ).toBe('[{"id":101,"o":[{"code":"B-1"}]},{"id":102,"o":[{}]}]');
  });

  it('TOP and ORDER BY pick the rows, ROOT wraps them, and a third table nests in the second', async () => {
    expect(
      await json(`SELECT TOP(3) c.id, c.name, ct.name AS city, c.phone, p.full_name AS contact, p.preferred
FROM dbo.customers AS c
INNER JOIN dbo.cities AS ct ON c.city_id = ct.id
LEFT OUTER JOIN dbo.people AS p ON c.contact_id = p.id
ORDER BY c.name
FOR JSON AUTO, ROOT(N'Customers')`),
    ).toBe(
      '{"Customers":[{"id":101,"name":"Alpha","ct":[{"city":"Lima","p":[{}]}]},{"id":103,"name":"Bravo","phone":"555-0103","ct":[{"city":"Lima","p":[{"contact":"Ann Lee","preferred":"Ann"}]}]},{"id":102,"name":"Charlie","phone":"555-0102","ct":[{"city":"Oslo","p":[{"contact":"Bob Stone"}]}]}]}',
    );
  });

  it('equal parents share an object only when their rows are next to each other in the ORDER BY', async () => {
    expect(await json('SELECT c.name, o.code FROM dbo.customers AS c JOIN dbo.orders AS o ON o.customer_id = c.id ORDER BY o.id FOR JSON AUTO')).toBe(
      '[{"name":"Delta","o":[{"code":"A-1"}]},{"name":"Alpha","o":[{"code":"B-1"}]},{"name":"Delta","o":[{"code":"A-2"}]},{"name":"Bravo","o":[{"code":"C-1"}]}]',
    );
    expect(await json('SELECT c.name, o.code FROM dbo.customers AS c JOIN dbo.orders AS o ON o.customer_id = c.id ORDER BY c.name, o.id FOR JSON AUTO')).toBe(
      '[{"name":"Alpha","o":[{"code":"B-1"}]},{"name":"Bravo","o":[{"code":"C-1"}]},{"name":"Delta","o":[{"code":"A-1"},{"code":"A-2"}]}]',
    );
  });

  it('INCLUDE_NULL_VALUES keeps NULL members; WITHOUT_ARRAY_WRAPPER drops the brackets; no rows give NULL', async () => {
    expect(
      await json('SELECT c.id, c.phone, o.code FROM dbo.customers AS c LEFT JOIN dbo.orders AS o ON o.customer_id = c.id WHERE c.id IN (101, 102) ORDER BY c.id FOR JSON AUTO, INCLUDE_NULL_VALUES'),
    ).toBe('[{"id":101,"phone":null,"o":[{"code":"B-1"}]},{"id":102,"phone":"555-0102","o":[{"code":null}]}]');
    expect(await json('SELECT c.id, o.code FROM dbo.customers AS c JOIN dbo.orders AS o ON o.customer_id = c.id WHERE c.id = 100 ORDER BY o.code FOR JSON AUTO, WITHOUT_ARRAY_WRAPPER')).toBe(
      '{"id":100,"o":[{"code":"A-1"},{"code":"A-2"}]}',
    );
    expect(await json('SELECT c.id, o.code FROM dbo.customers AS c JOIN dbo.orders AS o ON o.customer_id = c.id WHERE c.id = 999 FOR JSON AUTO')).toBeNull();
  });

  it('places unqualified columns in their tables through the inventory, as the documentation example does', async () => {
    expect(await json('SELECT TOP 2 name, phone, code, amount FROM dbo.customers AS H INNER JOIN dbo.orders AS D ON H.id = D.customer_id ORDER BY code FOR JSON AUTO')).toBe(
      '[{"name":"Delta","phone":"555-0100","D":[{"code":"A-1","amount":5},{"code":"A-2","amount":9}]}]',
    );
  });

  it('a computed column goes with the deepest table named before it, or the first table when it comes first, with a warning', async () => {
    const tsql =
      "SELECT N'cust' AS kind, c.id, UPPER(c.name) AS shout, o.code, c.phone, o.amount * 2 AS twice FROM dbo.customers AS c JOIN dbo.orders AS o ON o.customer_id = c.id WHERE c.id = 100 ORDER BY o.code FOR JSON AUTO";
    expect(await json(tsql)).toBe('[{"kind":"cust","id":100,"shout":"DELTA","phone":"555-0100","o":[{"code":"A-1","twice":10},{"code":"A-2","twice":18}]}]');
    expect(toDuckDb(tsql).diagnostics.map((diagnostic) => diagnostic.message)).toContainEqual(expect.stringContaining('FOR JSON AUTO: SQL Server documents where a column of no table goes'));
  });
});
