-- Retail calendar, one row per day, loaded once a year from the finance calendar spreadsheet
-- (the import is manual; ask finance for the next year's file in November). ShellCorp's fiscal year starts on 1 February and is
-- named after the calendar year it starts in (January 2025 belongs to FY2024).
-- day_of_week is ISO (1 = Monday) and does NOT follow @@DATEFIRST.
CREATE TABLE [ref].[calendar] (
    [date_key]         INT           NOT NULL,
    [calendar_date]    DATE          NOT NULL,
    [calendar_year]    SMALLINT      NOT NULL,
    [calendar_quarter] TINYINT       NOT NULL,
    [calendar_month]   TINYINT       NOT NULL,
    [month_name]       VARCHAR (9)   NOT NULL,
    [day_of_month]     TINYINT       NOT NULL,
    [day_of_week]      TINYINT       NOT NULL,
    [day_name]         VARCHAR (9)   NOT NULL,
    [is_weekend]       BIT           NOT NULL,
    [month_start]      DATE          NOT NULL,
    [month_end]        DATE          NOT NULL,
    [fiscal_year]      SMALLINT      NOT NULL,
    [fiscal_quarter]   TINYINT       NOT NULL,
    [fiscal_month]     TINYINT       NOT NULL,
    [is_holiday]       BIT           CONSTRAINT [DF_calendar_is_holiday] DEFAULT ((0)) NOT NULL,
    [holiday_name]     NVARCHAR (50) NULL,
    CONSTRAINT [PK_calendar] PRIMARY KEY CLUSTERED ([date_key] ASC),
    CONSTRAINT [UQ_calendar_calendar_date] UNIQUE NONCLUSTERED ([calendar_date] ASC)
);
GO
