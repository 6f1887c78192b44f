CREATE TABLE [sales].[orders] (
    [order_id]       INT          NOT NULL,
    [order_number]   VARCHAR (20) NOT NULL,
    [customer_id]    INT          NULL,
    [store_id]       INT          NOT NULL,
    [order_date]     DATE         NOT NULL,
    [order_datetime] DATETIME     NOT NULL,
    [channel]        VARCHAR (10) NOT NULL,
    [order_status]   VARCHAR (12) NOT NULL,
    [payment_method] VARCHAR (10) NULL,
    [shipping_fee]   MONEY        CONSTRAINT [DF_orders_shipping_fee] DEFAULT ((0)) NOT NULL,
    [promo_code]     VARCHAR (20) NULL,
    CONSTRAINT [PK_orders] PRIMARY KEY CLUSTERED ([order_id] ASC),
    CONSTRAINT [UQ_orders_order_number] UNIQUE NONCLUSTERED ([order_number] ASC),
    CONSTRAINT [FK_orders_customers] FOREIGN KEY ([customer_id]) REFERENCES [sales].[customers] ([customer_id]),
    CONSTRAINT [FK_orders_stores] FOREIGN KEY ([store_id]) REFERENCES [sales].[stores] ([store_id]),
    CONSTRAINT [CK_orders_channel] CHECK ([channel]='PHONE' OR [channel]='ONLINE' OR [channel]='STORE')
);


GO
-- customer_id is NULL for walk-in (guest) sales.
CREATE NONCLUSTERED INDEX [IX_orders_order_date]
    ON [sales].[orders]([order_date] ASC)
    INCLUDE([customer_id], [store_id], [order_status], [channel]);
GO
