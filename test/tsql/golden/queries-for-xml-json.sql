SELECT STUFF((SELECT ',' + name FROM sys.columns WHERE object_id = @id FOR XML PATH(''), TYPE).value('.', 'nvarchar(max)'), 1, 1, '');
SELECT id, name FROM dbo.T FOR XML RAW('row'), ROOT('rows'), ELEMENTS XSINIL;
SELECT id, name FROM dbo.T FOR XML AUTO;
SELECT id, name FROM dbo.T FOR JSON PATH, WITHOUT_ARRAY_WRAPPER, INCLUDE_NULL_VALUES;
SELECT id FROM dbo.T FOR JSON AUTO, ROOT('items');
