CREATE TABLE [sales].[returns] (
    [return_id]     INT           NOT NULL,
    [order_id]      INT           NOT NULL,
    [line_number]   SMALLINT      NOT NULL,
    [product_id]    INT           NOT NULL,
    [store_id]      INT           NOT NULL,
    [return_date]   DATE          NOT NULL,
    [quantity]      INT           NOT NULL,
    [refund_amount] MONEY         NOT NULL,
    [reason_code]   VARCHAR (20)  NULL,
    [restocked]     BIT           CONSTRAINT [DF_returns_restocked] DEFAULT ((0)) NOT NULL,
    [processed_at]  DATETIME2 (0) NOT NULL,
    CONSTRAINT [PK_returns] PRIMARY KEY CLUSTERED ([return_id] ASC),
    CONSTRAINT [FK_returns_order_lines] FOREIGN KEY ([order_id], [line_number]) REFERENCES [sales].[order_lines] ([order_id], [line_number]),
    CONSTRAINT [FK_returns_stores] FOREIGN KEY ([store_id]) REFERENCES [sales].[stores] ([store_id])
);
GO
