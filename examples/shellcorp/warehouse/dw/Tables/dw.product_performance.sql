-- Month x product sales, margin and returns, with ranks. Built by etl.usp_build_product_performance.
-- cost_amount uses the CURRENT unit cost from sales.products (finance know; see FIN-1733).
CREATE TABLE [dw].[product_performance] (
    [month_start]        DATE           NOT NULL,
    [product_id]         INT            NOT NULL,
    [sku]                VARCHAR (20)   NOT NULL,
    [category]           NVARCHAR (50)  NOT NULL,
    [units_sold]         INT            NOT NULL,
    [order_count]        INT            NOT NULL,
    [net_amount]         DECIMAL (14, 2) NOT NULL,
    [cost_amount]        DECIMAL (14, 2) NOT NULL,
    [gross_margin]       DECIMAL (14, 2) NOT NULL,
    [margin_pct]         DECIMAL (6, 2) NULL,
    [units_returned]     INT            NOT NULL,
    [return_rate]        FLOAT (53)     NULL,
    [category_rank]      INT            NOT NULL,
    [overall_rank]       INT            NOT NULL,
    [category_share_pct] DECIMAL (5, 2) NULL,
    [is_top_10]          BIT            NOT NULL,
    [etl_loaded_at]      DATETIME2 (0)  NOT NULL,
    CONSTRAINT [PK_product_performance] PRIMARY KEY CLUSTERED ([month_start] ASC, [product_id] ASC)
);
GO
