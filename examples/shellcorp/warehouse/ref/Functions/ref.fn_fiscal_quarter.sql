-- Fiscal quarter of a date. ShellCorp's fiscal year starts on 1 February:
-- Q1 = Feb-Apr, Q2 = May-Jul, Q3 = Aug-Oct, Q4 = Nov-Jan.
-- Same answer as ref.calendar.fiscal_quarter; kept for code that has no calendar row handy.
CREATE FUNCTION [ref].[fn_fiscal_quarter] (@date DATE)
RETURNS TINYINT
WITH SCHEMABINDING
AS
BEGIN
    RETURN CAST(((MONTH(@date) + 10) % 12) / 3 + 1 AS TINYINT);
END
GO
