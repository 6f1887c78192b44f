CREATE SCHEMA [etl]
    AUTHORIZATION [dbo];


GO
EXECUTE sp_addextendedproperty @name = N'Description', @value = N'Load procedures, run log and purge policy. Nothing in here is for reporting.', @level0type = N'SCHEMA', @level0name = N'etl';
GO
