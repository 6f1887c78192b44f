CREATE TABLE [dw].[returns_summary] (
    [return_month]        DATE           NOT NULL,
    [store_id]            INT            NOT NULL,
    [reason_code]         VARCHAR (20)   NOT NULL,
    [return_count]        INT            NOT NULL,
    [units_returned]      INT            NOT NULL,
    [refund_amount]       DECIMAL (12, 2) NOT NULL,
    [avg_days_to_return]  INT            NULL,
    [restocked_units]     INT            NOT NULL,
    [etl_loaded_at]       DATETIME       NOT NULL,
    CONSTRAINT [PK_returns_summary] PRIMARY KEY CLUSTERED ([return_month] ASC, [store_id] ASC, [reason_code] ASC)
);
GO
