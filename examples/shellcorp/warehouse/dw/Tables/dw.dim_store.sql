create table dw.dim_store (
    store_id          int             not null,
    store_code        char(5)         not null,
    store_name        nvarchar(100)   not null,
    region_id         int             not null,
    region_code       char(2)         null,
    region_name       nvarchar(50)    null,
    city              nvarchar(60)    not null,
    state_code        char(2)         not null,
    store_format      varchar(20)     not null,
    square_feet       int             not null,
    size_band         varchar(10)     not null,
    opened_on         date            not null,
    closed_on         date            null,
    store_status      varchar(12)     not null,
    store_age_months  int             not null,
    etl_loaded_at     datetime2(0)    not null,
    constraint PK_dim_store primary key clustered (store_id)
);
GO
