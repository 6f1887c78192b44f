-- One row per trading day and store. Built by etl.usp_build_daily_sales_summary.
-- Cancelled orders are excluded; amounts are before returns (see dw.returns_summary).
create table dw.daily_sales_summary (
    sales_date          date            not null,
    store_id            int             not null,
    date_key            int             not null,
    region_id           int             not null,
    order_count         int             not null,
    guest_order_count   int             not null,
    distinct_customers  int             not null,
    units_sold          int             not null,
    gross_amount        decimal(14, 2)  not null,
    discount_amount     decimal(14, 2)  not null,
    net_amount          decimal(14, 2)  not null,
    shipping_amount     decimal(12, 2)  not null,
    avg_order_value     decimal(12, 2)  null,
    online_share_pct    decimal(5, 2)   null,
    is_weekend          bit             not null,
    etl_loaded_at       datetime2(0)    not null constraint DF_daily_sales_summary_etl_loaded_at default (sysutcdatetime()),
    constraint PK_daily_sales_summary primary key clustered (sales_date, store_id)
);
GO
