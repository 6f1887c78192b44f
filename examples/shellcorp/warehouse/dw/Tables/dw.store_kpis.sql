CREATE TABLE dw.store_kpis (
    month_start       DATE           NOT NULL,
    store_id          INT            NOT NULL,
    month_end         DATE           NOT NULL,
    store_code        CHAR(5)        NOT NULL,
    fiscal_quarter    TINYINT        NOT NULL,
    store_age_months  INT            NOT NULL,
    is_new_store      BIT            NOT NULL,
    trading_days      INT            NOT NULL,
    order_count       INT            NOT NULL,
    units_sold        INT            NOT NULL,
    net_amount        DECIMAL(14,2)  NOT NULL,
    sales_per_sqft    DECIMAL(10,4)  NOT NULL,
    avg_basket_units  DECIMAL(6,2)   NULL,
    return_count      INT            NOT NULL,
    return_rate_pct   INT            NULL,      -- whole percent, truncated (ops asked for "no decimals")
    region_rank       INT            NULL,
    etl_loaded_at     DATETIME2(0)   NOT NULL,
    CONSTRAINT PK_store_kpis PRIMARY KEY CLUSTERED (month_start, store_id)
);
GO
