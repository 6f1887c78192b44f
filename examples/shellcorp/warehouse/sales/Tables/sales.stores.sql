CREATE TABLE [sales].[stores] (
    [store_id]      INT            NOT NULL,
    [store_code]    CHAR (5)       NOT NULL,
    [store_name]    NVARCHAR (100) NOT NULL,
    [region_id]     INT            NOT NULL,
    [city]          NVARCHAR (60)  NOT NULL,
    [state_code]    CHAR (2)       NOT NULL,
    [store_format]  VARCHAR (20)   NOT NULL,
    [square_feet]   INT            NOT NULL,
    [opened_on]     DATE           NOT NULL,
    [closed_on]     DATE           NULL,
    [manager_email] NVARCHAR (255) NULL,
    [is_active]     BIT            CONSTRAINT [DF_stores_is_active] DEFAULT ((1)) NOT NULL,
    CONSTRAINT [PK_stores] PRIMARY KEY CLUSTERED ([store_id] ASC),
    CONSTRAINT [UQ_stores_store_code] UNIQUE NONCLUSTERED ([store_code] ASC),
    CONSTRAINT [FK_stores_regions] FOREIGN KEY ([region_id]) REFERENCES [ref].[regions] ([region_id])
);
GO
