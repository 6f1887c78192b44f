-- Stock ledger from the WMS. Sales are NOT in here: stock on hand is the ledger minus
-- sales.order_lines (see etl.usp_build_inventory_snapshot).
-- movement_type: OPENING, RECEIPT, ADJUST (counts, shrinkage; negative), RETURN (restocked returns).
-- The January 2025 backfill from the old WMS wrote 'Receipt' in mixed case.
CREATE TABLE [inventory].[stock_movements] (
    [movement_id]   BIGINT       NOT NULL,
    [store_id]      INT          NOT NULL,
    [product_id]    INT          NOT NULL,
    [movement_date] DATE         NOT NULL,
    [movement_type] VARCHAR (10) NOT NULL,
    [quantity]      INT          NOT NULL,
    [reference]     VARCHAR (30) NULL,
    CONSTRAINT [PK_stock_movements] PRIMARY KEY CLUSTERED ([movement_id] ASC),
    CONSTRAINT [FK_stock_movements_stores] FOREIGN KEY ([store_id]) REFERENCES [sales].[stores] ([store_id]),
    CONSTRAINT [FK_stock_movements_products] FOREIGN KEY ([product_id]) REFERENCES [sales].[products] ([product_id])
);


GO
CREATE NONCLUSTERED INDEX [IX_stock_movements_store_product]
    ON [inventory].[stock_movements]([store_id] ASC, [product_id] ASC, [movement_date] ASC)
    INCLUDE([movement_type], [quantity]);
GO
