CREATE TABLE [dw].[dim_product] (
    [product_id]      INT             NOT NULL,
    [sku]             VARCHAR (20)    NOT NULL,
    [product_name]    NVARCHAR (200)  NOT NULL,
    [category]        NVARCHAR (50)   NOT NULL,
    [subcategory]     NVARCHAR (50)   NOT NULL,
    [brand]           NVARCHAR (50)   NOT NULL,
    [price_band]      VARCHAR (10)    NOT NULL,
    [unit_cost]       DECIMAL (10, 2) NOT NULL,
    [list_price]      DECIMAL (10, 2) NOT NULL,
    [margin_pct]      DECIMAL (5, 2)  NULL,
    [launched_on]     DATE            NOT NULL,
    [discontinued_on] DATE            NULL,
    [is_active]       BIT             NOT NULL,
    [is_deleted]      BIT             CONSTRAINT [DF_dim_product_is_deleted] DEFAULT ((0)) NOT NULL,
    [etl_loaded_at]   DATETIME2 (0)   NOT NULL,
    CONSTRAINT [PK_dim_product] PRIMARY KEY CLUSTERED ([product_id] ASC)
);
GO
