CREATE SCHEMA [inventory]
    AUTHORIZATION [dbo];


GO
EXECUTE sp_addextendedproperty @name = N'Description', @value = N'Stock ledger replicated from the warehouse management system (receipts, adjustments, restocked returns).', @level0type = N'SCHEMA', @level0name = N'inventory';
GO
