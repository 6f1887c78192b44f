/*
    etl.usp_load_dim_product

    Product dimension, type 1 (overwritten in place). Products that disappear from
    sales.products are kept and flagged is_deleted = 1 so old facts still join.

        subcategory   the category when the product has none
        brand         trimmed; 'Unbranded' when empty
        price_band    Budget < 20 <= Core < 75 <= Premium < 200 <= Luxury (list price, USD)
        margin_pct    (list - cost) / list, percent

    History
    2017-03-06  PK   created
    2020-10-12  SR   price bands (merchandising review)
    2022-01-24  JT   soft delete instead of DELETE (broken joins in the 2021 year-end pack)
*/
CREATE PROCEDURE [etl].[usp_load_dim_product]
    @run_id UNIQUEIDENTIFIER = NULL
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @proc_name  NVARCHAR(128) = OBJECT_SCHEMA_NAME(@@PROCID) + N'.' + OBJECT_NAME(@@PROCID),
            @run_log_id INT,
            @rows       INT,
            @err_number INT,
            @err_msg    NVARCHAR(4000);

    EXEC etl.usp_write_run_log @run_id = @run_id, @procedure_name = @proc_name, @status = 'STARTED',
                               @run_log_id = @run_log_id OUTPUT;

    BEGIN TRY
        SELECT p.product_id,
               p.sku,
               p.product_name,
               p.category,
               ISNULL(p.subcategory, p.category)                     AS subcategory,
               ISNULL(NULLIF(LTRIM(RTRIM(p.brand)), N''), N'Unbranded') AS brand,
               CASE
                   WHEN p.list_price < 20  THEN 'Budget'
                   WHEN p.list_price < 75  THEN 'Core'
                   WHEN p.list_price < 200 THEN 'Premium'
                   ELSE 'Luxury'
               END                                                   AS price_band,
               p.unit_cost,
               CAST(p.list_price AS DECIMAL(10,2))                   AS list_price,
               p.launched_on,
               p.discontinued_on,
               p.is_active
        INTO   #src
        FROM   sales.products AS p;

        BEGIN TRANSACTION;

            MERGE [dw].[dim_product] AS tgt
            USING (SELECT s.*,
                          CAST((s.list_price - s.unit_cost) * 100.0 / NULLIF(s.list_price, 0) AS DECIMAL(5,2)) AS margin_pct
                   FROM   #src AS s) AS src
               ON tgt.product_id = src.product_id
            WHEN MATCHED AND (   tgt.sku <> src.sku
                              OR tgt.product_name <> src.product_name
                              OR tgt.category <> src.category
                              OR tgt.subcategory <> src.subcategory
                              OR tgt.brand <> src.brand
                              OR tgt.price_band <> src.price_band
                              OR tgt.unit_cost <> src.unit_cost
                              OR tgt.list_price <> src.list_price
                              OR ISNULL(tgt.discontinued_on, '19000101') <> ISNULL(src.discontinued_on, '19000101')
                              OR tgt.is_active <> src.is_active
                              OR tgt.is_deleted = 1) THEN
                UPDATE SET tgt.sku             = src.sku,
                           tgt.product_name    = src.product_name,
                           tgt.category        = src.category,
                           tgt.subcategory     = src.subcategory,
                           tgt.brand           = src.brand,
                           tgt.price_band      = src.price_band,
                           tgt.unit_cost       = src.unit_cost,
                           tgt.list_price      = src.list_price,
                           tgt.margin_pct      = src.margin_pct,
                           tgt.launched_on     = src.launched_on,
                           tgt.discontinued_on = src.discontinued_on,
                           tgt.is_active       = src.is_active,
                           tgt.is_deleted      = 0,
                           tgt.etl_loaded_at   = SYSUTCDATETIME()
            WHEN NOT MATCHED BY TARGET THEN
                INSERT (product_id, sku, product_name, category, subcategory, brand, price_band, unit_cost, list_price,
                        margin_pct, launched_on, discontinued_on, is_active, is_deleted, etl_loaded_at)
                VALUES (src.product_id, src.sku, src.product_name, src.category, src.subcategory, src.brand,
                        src.price_band, src.unit_cost, src.list_price, src.margin_pct, src.launched_on,
                        src.discontinued_on, src.is_active, 0, SYSUTCDATETIME())
            WHEN NOT MATCHED BY SOURCE AND tgt.is_deleted = 0 THEN
                UPDATE SET tgt.is_deleted    = 1,
                           tgt.is_active     = 0,
                           tgt.etl_loaded_at = SYSUTCDATETIME();

            SET @rows = @@ROWCOUNT;

        COMMIT TRANSACTION;

        EXEC etl.usp_write_run_log @run_id = @run_id, @procedure_name = @proc_name, @status = 'SUCCEEDED',
                                   @row_count = @rows, @run_log_id = @run_log_id OUTPUT;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        SELECT @err_number = ERROR_NUMBER(), @err_msg = ERROR_MESSAGE();
        EXEC etl.usp_write_run_log @run_id = @run_id, @procedure_name = @proc_name, @status = 'FAILED',
                                   @error_number = @err_number, @error_message = @err_msg,
                                   @run_log_id = @run_log_id OUTPUT;
        THROW;
    END CATCH;
END
GO
