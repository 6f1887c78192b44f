-- One row per calendar month touched by [@from_date, @to_date]: its first and last day.
-- Multi-statement on purpose (2018): it predates ref.calendar.month_end.
CREATE FUNCTION etl.fn_month_ends
(
    @from_date DATE,
    @to_date   DATE
)
RETURNS @months TABLE
(
    month_start DATE NOT NULL PRIMARY KEY,
    month_end   DATE NOT NULL
)
AS
BEGIN
    DECLARE @month DATE = DATEFROMPARTS(YEAR(@from_date), MONTH(@from_date), 1);

    WHILE @month <= @to_date
    BEGIN
        INSERT INTO @months (month_start, month_end)
        VALUES (@month, EOMONTH(@month));

        SET @month = DATEADD(MONTH, 1, @month);
    END;

    RETURN;
END
GO
