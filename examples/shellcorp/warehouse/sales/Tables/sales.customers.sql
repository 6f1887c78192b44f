-- status is free text typed by store staff in the CRM ('Active', 'active ', 'ACTIVE', ...).
-- Compare it with the default (case-insensitive) collation or normalise it first.
CREATE TABLE [sales].[customers] (
    [customer_id]      INT              IDENTITY (1, 1) NOT NULL,
    [customer_code]    VARCHAR (12)     NOT NULL,
    [first_name]       NVARCHAR (50)    NOT NULL,
    [last_name]        NVARCHAR (50)    NOT NULL,
    [full_name]        AS               ([first_name] + N' ' + [last_name]),
    [email]            NVARCHAR (255)   NULL,
    [phone]            VARCHAR (20)     NULL,
    [city]             NVARCHAR (60)    NULL,
    [state_code]       CHAR (2)         NULL,
    [home_store_id]    INT              NULL,
    [loyalty_tier]     VARCHAR (10)     NULL,
    [status]           VARCHAR (10)     CONSTRAINT [DF_customers_status] DEFAULT ('Active') NOT NULL,
    [marketing_opt_in] BIT              CONSTRAINT [DF_customers_marketing_opt_in] DEFAULT ((0)) NOT NULL,
    [created_at]       DATETIME2 (3)    CONSTRAINT [DF_customers_created_at] DEFAULT (sysutcdatetime()) NOT NULL,
    [modified_at]      DATETIME2 (3)    NULL,
    [row_guid]         UNIQUEIDENTIFIER CONSTRAINT [DF_customers_row_guid] DEFAULT (newid()) ROWGUIDCOL NOT NULL,
    CONSTRAINT [PK_customers] PRIMARY KEY CLUSTERED ([customer_id] ASC),
    CONSTRAINT [UQ_customers_customer_code] UNIQUE NONCLUSTERED ([customer_code] ASC),
    CONSTRAINT [FK_customers_stores] FOREIGN KEY ([home_store_id]) REFERENCES [sales].[stores] ([store_id])
);


GO
CREATE NONCLUSTERED INDEX [IX_customers_home_store_id]
    ON [sales].[customers]([home_store_id] ASC);
GO
