CREATE TABLE [dw].[customer_lifetime_value] (
    [customer_id]               INT            NOT NULL,
    [customer_code]             VARCHAR (12)   NOT NULL,
    [first_order_date]          DATE           NULL,
    [last_order_date]           DATE           NULL,
    [order_count]               INT            NOT NULL,
    [units_purchased]           INT            NOT NULL,
    [net_revenue]               DECIMAL (14, 2) NOT NULL,
    [refunded_amount]           DECIMAL (14, 2) NOT NULL,
    [net_revenue_after_returns] DECIMAL (14, 2) NOT NULL,
    [avg_order_value]           DECIMAL (12, 2) NULL,
    [tenure_months]             INT            NULL,
    [orders_per_month]          DECIMAL (9, 2) NULL,
    [predicted_annual_value]    DECIMAL (14, 2) NULL,
    [value_segment]             VARCHAR (10)   NOT NULL,
    [favourite_store_id]        INT            NULL,
    [has_valid_email]           BIT            NOT NULL,
    [etl_loaded_at]             DATETIME2 (0)  NOT NULL,
    CONSTRAINT [PK_customer_lifetime_value] PRIMARY KEY CLUSTERED ([customer_id] ASC)
);
GO
