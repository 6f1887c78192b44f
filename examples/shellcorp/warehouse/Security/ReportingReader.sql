CREATE ROLE [ReportingReader]
    AUTHORIZATION [dbo];
GO
