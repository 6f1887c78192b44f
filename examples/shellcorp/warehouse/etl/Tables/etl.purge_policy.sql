-- Which tables etl.usp_purge_staging trims, and how far back it keeps rows.
-- purge_mode: DELETE (batched delete older than retention_days) or TRUNCATE (whole table).
CREATE TABLE [etl].[purge_policy] (
    [policy_id]      INT          NOT NULL,
    [schema_name]    SYSNAME      NOT NULL,
    [table_name]     SYSNAME      NOT NULL,
    [date_column]    SYSNAME      NULL,
    [retention_days] INT          NULL,
    [purge_mode]     VARCHAR (10) CONSTRAINT [DF_purge_policy_purge_mode] DEFAULT ('DELETE') NOT NULL,
    [is_enabled]     BIT          CONSTRAINT [DF_purge_policy_is_enabled] DEFAULT ((1)) NOT NULL,
    [notes]          NVARCHAR (200) NULL,
    CONSTRAINT [PK_purge_policy] PRIMARY KEY CLUSTERED ([policy_id] ASC)
);
GO
