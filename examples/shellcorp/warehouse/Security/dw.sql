CREATE SCHEMA [dw]
    AUTHORIZATION [dbo];


GO
EXECUTE sp_addextendedproperty @name = N'Description', @value = N'Derived tables rebuilt by the etl procedures. Read them through the reporting views, not directly.', @level0type = N'SCHEMA', @level0name = N'dw';
GO
