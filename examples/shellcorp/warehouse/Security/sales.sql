CREATE SCHEMA [sales]
    AUTHORIZATION [dbo];


GO
EXECUTE sp_addextendedproperty @name = N'Description', @value = N'Operational sales data replicated nightly from the POS and web shop (orders, lines, returns) plus the store, product and customer masters.', @level0type = N'SCHEMA', @level0name = N'sales';
GO
