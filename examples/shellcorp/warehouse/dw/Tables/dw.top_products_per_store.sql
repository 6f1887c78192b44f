create table dw.top_products_per_store (
    store_id       int            not null,
    product_id     int            not null,
    window_start   date           not null,
    window_end     date           not null,
    units_sold     int            not null,
    net_amount     decimal(14,2)  not null,
    units_rank     int            not null,
    etl_loaded_at  datetime2(0)   not null,
    constraint PK_top_products_per_store primary key (store_id, product_id)
);
GO
