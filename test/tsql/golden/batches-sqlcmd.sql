:setvar DatabaseName "WideWorldImporters"
:on error exit
USE [$(DatabaseName)];
GO
sp_who2
GO 3
SELECT 'GO' AS [GO] -- GO inside a string or an identifier does not split
/*
GO
*/
go -- lower case, with a comment
:r .\PostDeploy\Load.sql
SELECT * FROM $(Schema).Orders;
