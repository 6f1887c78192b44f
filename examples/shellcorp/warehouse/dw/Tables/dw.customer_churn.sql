-- Churn flags for the retention team, one row per customer, as of the last trading day loaded.
-- Built by etl.usp_build_customer_churn.
CREATE TABLE dw.customer_churn (
    customer_id              INT            NOT NULL,
    customer_code            VARCHAR(12)    NOT NULL,
    as_of_date               DATE           NOT NULL,
    account_status           VARCHAR(10)    NOT NULL,
    last_order_date          DATE           NULL,
    last_order_store_id      INT            NULL,
    days_since_last_order    INT            NULL,
    weeks_since_last_order   INT            NULL,
    months_since_last_order  INT            NULL,
    orders_last_90_days      INT            NOT NULL,
    orders_prior_90_days     INT            NOT NULL,
    net_last_90_days         DECIMAL(12,2)  NOT NULL,
    churn_flag               BIT            NOT NULL,
    churn_risk               VARCHAR(20)    NOT NULL,
    etl_loaded_at            DATETIME2(0)   NOT NULL,
    CONSTRAINT PK_customer_churn PRIMARY KEY CLUSTERED (customer_id)
);
GO
