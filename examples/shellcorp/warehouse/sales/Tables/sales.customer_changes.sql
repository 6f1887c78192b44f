-- CRM change feed. The CRM integration (SSIS package CRM_Customer_Feed.dtsx, not in this project)
-- appends one row every time a customer record is saved in the CRM, with the full record as it
-- was after the save, whether or not a column we track changed. The initial load of
-- 2023-11-06 wrote one row per existing customer. Rows are never updated; GDPR erasures delete them.
CREATE TABLE [sales].[customer_changes] (
    [change_id]     BIGINT        IDENTITY (1, 1) NOT NULL,
    [customer_id]   INT           NOT NULL,
    [changed_at]    DATETIME2 (3) NOT NULL,
    [loyalty_tier]  VARCHAR (10)  NULL,
    [status]        VARCHAR (10)  NOT NULL,
    [city]          NVARCHAR (60) NULL,
    [state_code]    CHAR (2)      NULL,
    [home_store_id] INT           NULL,
    [source_system] VARCHAR (10)  NOT NULL,
    [loaded_at]     DATETIME2 (0) CONSTRAINT [DF_customer_changes_loaded_at] DEFAULT (sysutcdatetime()) NOT NULL,
    CONSTRAINT [PK_customer_changes] PRIMARY KEY CLUSTERED ([change_id] ASC)
);


GO
CREATE NONCLUSTERED INDEX [IX_customer_changes_customer_id]
    ON [sales].[customer_changes]([customer_id] ASC, [changed_at] ASC);
GO
