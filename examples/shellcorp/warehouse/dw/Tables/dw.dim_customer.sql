-- Type 2 customer dimension: one row per customer per version of the tracked attributes
-- (loyalty tier, status, city, state, home store). Built by etl.usp_load_dim_customer from the
-- CRM change feed. customer_sk is meaningless outside this table; join on customer_id + dates.
CREATE TABLE dw.dim_customer (
    customer_sk      INT            IDENTITY(1,1) NOT NULL,
    customer_id      INT            NOT NULL,
    customer_code    VARCHAR(12)    NOT NULL,
    full_name        NVARCHAR(101)  NOT NULL,
    customer_label   NVARCHAR(120)  NOT NULL,
    loyalty_tier     VARCHAR(10)    NOT NULL,
    status           VARCHAR(10)    NOT NULL,
    city             NVARCHAR(60)   NULL,
    state_code       VARCHAR(3)     NOT NULL,   -- widened from char(2) in 2021 "to fit N/A"
    location         NVARCHAR(70)   NULL,
    home_store_id    INT            NULL,
    valid_from       DATETIME2(3)   NOT NULL,
    valid_to         DATETIME2(3)   NOT NULL,
    is_current       BIT            NOT NULL,
    version_number   INT            NOT NULL,
    etl_loaded_at    DATETIME2(0)   NOT NULL,
    CONSTRAINT PK_dim_customer PRIMARY KEY CLUSTERED (customer_sk),
    CONSTRAINT UQ_dim_customer_customer_valid_from UNIQUE (customer_id, valid_from)
);
GO
