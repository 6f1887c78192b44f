CREATE TABLE [dw].[inventory_snapshot] (
    [snapshot_date]      DATE           NOT NULL,
    [store_id]           INT            NOT NULL,
    [product_id]         INT            NOT NULL,
    [units_on_hand]      INT            NOT NULL,
    [units_received_mtd] INT            NOT NULL,
    [units_sold_mtd]     INT            NOT NULL,
    [units_adjusted_mtd] INT            NOT NULL,
    [stock_value]        DECIMAL (14, 2) NOT NULL,
    [days_of_cover]      INT            NULL,
    [is_negative_stock]  BIT            NOT NULL,
    [etl_loaded_at]      DATETIME2 (0)  NOT NULL,
    CONSTRAINT [PK_inventory_snapshot] PRIMARY KEY CLUSTERED ([snapshot_date] ASC, [store_id] ASC, [product_id] ASC)
);
GO
