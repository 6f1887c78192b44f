-- Month x region revenue for the finance pack. Built by etl.usp_build_monthly_revenue_by_region
-- from dw.daily_sales_summary, so run that one first.
CREATE TABLE dw.monthly_revenue_by_region (
    month_start          DATE           NOT NULL,
    region_id            INT            NOT NULL,
    month_end            DATE           NOT NULL,
    region_code          CHAR(2)        NOT NULL,
    period_label         VARCHAR(12)    NOT NULL,
    fiscal_year          SMALLINT       NOT NULL,
    fiscal_quarter       TINYINT        NOT NULL,
    store_count          INT            NOT NULL,
    order_count          INT            NOT NULL,
    units_sold           INT            NOT NULL,
    net_amount           DECIMAL(14,2)  NOT NULL,
    prior_month_net      DECIMAL(14,2)  NULL,
    mom_growth_pct       DECIMAL(7,2)   NULL,
    rolling_3m_net       DECIMAL(14,2)  NOT NULL,
    share_of_company_pct DECIMAL(5,2)   NOT NULL,
    etl_loaded_at        DATETIME2(0)   NOT NULL,
    CONSTRAINT PK_monthly_revenue_by_region PRIMARY KEY CLUSTERED (month_start, region_id)
);
GO
