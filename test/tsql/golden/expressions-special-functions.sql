-- Built-ins whose arguments are not plain expression lists.
SELECT TRIM(LEADING '0' FROM code), TRIM('x'), JSON_OBJECT('id': id, 'name': name ABSENT ON NULL), JSON_ARRAY(a, b NULL ON NULL)
FROM dbo.T;
SELECT FIRST_VALUE(price) IGNORE NULLS OVER (ORDER BY d) FROM dbo.Prices;
SELECT c.id FROM CHANGETABLE(CHANGES dbo.T, @since) AS c;
SELECT * FROM OPENROWSET(BULK 'C:\data\x.json', SINGLE_CLOB) AS j;
SELECT * FROM OPENDATASOURCE('SQLNCLI', 'Data Source=srv;Integrated Security=SSPI').Sales.dbo.Orders AS o;
SELECT IDENTITY(int, 1, 1) AS id, name INTO #numbered FROM sys.objects;
SELECT CONVERT(varchar, GETDATE(), 112), CAST(NULL AS int), DATEADD(day, -1, SYSDATETIME()), DATEDIFF(minute, @a, @b);
