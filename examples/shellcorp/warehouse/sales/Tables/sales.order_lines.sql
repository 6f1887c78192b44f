CREATE TABLE [sales].[order_lines] (
    [order_id]     INT            NOT NULL,
    [line_number]  SMALLINT       NOT NULL,
    [product_id]   INT            NOT NULL,
    [quantity]     INT            NOT NULL,
    [unit_price]   MONEY          NOT NULL,
    [discount_pct] DECIMAL (5, 4) CONSTRAINT [DF_order_lines_discount_pct] DEFAULT ((0)) NULL,
    CONSTRAINT [PK_order_lines] PRIMARY KEY CLUSTERED ([order_id] ASC, [line_number] ASC),
    CONSTRAINT [FK_order_lines_orders] FOREIGN KEY ([order_id]) REFERENCES [sales].[orders] ([order_id]),
    CONSTRAINT [FK_order_lines_products] FOREIGN KEY ([product_id]) REFERENCES [sales].[products] ([product_id])
);


GO
-- discount_pct is NULL on lines that came through the old POS bridge (store SC103 until 2025-02).
CREATE NONCLUSTERED INDEX [IX_order_lines_product_id]
    ON [sales].[order_lines]([product_id] ASC)
    INCLUDE([quantity], [unit_price], [discount_pct]);
GO
