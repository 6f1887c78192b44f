CREATE TABLE [sales].[products] (
    [product_id]      INT            NOT NULL,
    [sku]             VARCHAR (20)   NOT NULL,
    [product_name]    NVARCHAR (200) NOT NULL,
    [category]        NVARCHAR (50)  NOT NULL,
    [subcategory]     NVARCHAR (50)  NULL,
    [brand]           NVARCHAR (50)  NULL,
    [unit_cost]       DECIMAL (10, 2) NOT NULL,
    [list_price]      MONEY          NOT NULL,
    [launched_on]     DATE           NOT NULL,
    [discontinued_on] DATE           NULL,
    [is_active]       BIT            CONSTRAINT [DF_products_is_active] DEFAULT ((1)) NOT NULL,
    [created_at]      DATETIME       CONSTRAINT [DF_products_created_at] DEFAULT (getdate()) NOT NULL,
    CONSTRAINT [PK_products] PRIMARY KEY CLUSTERED ([product_id] ASC),
    CONSTRAINT [UQ_products_sku] UNIQUE NONCLUSTERED ([sku] ASC)
);


GO
CREATE NONCLUSTERED INDEX [IX_products_category]
    ON [sales].[products]([category] ASC, [subcategory] ASC)
    INCLUDE([list_price], [unit_cost]);
GO
