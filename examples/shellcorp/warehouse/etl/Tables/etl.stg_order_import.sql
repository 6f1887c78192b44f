-- Landing table for the POS / web shop extract (bulk-inserted by the POS_Orders_Import SSIS
-- package at 01:30). The nightly job waits until today's batch is marked COMPLETE.
CREATE TABLE [etl].[stg_order_import] (
    [import_id]      BIGINT         IDENTITY (1, 1) NOT NULL,
    [batch_id]       INT            NOT NULL,
    [batch_status]   VARCHAR (10)   NOT NULL,
    [source_file]    NVARCHAR (260) NULL,
    [raw_line]       NVARCHAR (MAX) NULL,
    [imported_at]    DATETIME2 (0)  CONSTRAINT [DF_stg_order_import_imported_at] DEFAULT (sysutcdatetime()) NOT NULL,
    CONSTRAINT [PK_stg_order_import] PRIMARY KEY CLUSTERED ([import_id] ASC)
);
GO
