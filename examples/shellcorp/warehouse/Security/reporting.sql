CREATE SCHEMA [reporting]
    AUTHORIZATION [dbo];


GO
EXECUTE sp_addextendedproperty @name = N'Description', @value = N'Views and functions that Power BI and the analysts read. Granted to ReportingReader.', @level0type = N'SCHEMA', @level0name = N'reporting';
GO
