CREATE SCHEMA [ref]
    AUTHORIZATION [dbo];


GO
EXECUTE sp_addextendedproperty @name = N'Description', @value = N'Reference data owned by the BI team: regions and the retail calendar (fiscal year starts 1 February).', @level0type = N'SCHEMA', @level0name = N'ref';
GO
