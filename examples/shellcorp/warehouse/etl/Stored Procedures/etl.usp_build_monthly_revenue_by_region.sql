/*
    etl.usp_build_monthly_revenue_by_region

    Month x region revenue for the monthly finance pack, rebuilt in full from
    dw.daily_sales_summary (run etl.usp_build_daily_sales_summary first; the nightly does).

      prior_month_net       net of the previous month in the same region (NULL for the first month)
      mom_growth_pct        (net - prior) / prior, in percent, 2 decimals
      rolling_3m_net        this month and the two before it
      share_of_company_pct  region net / company net for the month, in percent
      period_label          'NE 2025-01', what the pack prints

    #monthly is created explicitly (not SELECT INTO) so that net_amount stays DECIMAL(14,2):
    with the DECIMAL(38,2) that SUM() returns the divisions below lose scale (see FIN-1502).

    History
    2017-01-23  PK   created
    2020-02-04  SR   rolling three months, share of company
    2023-03-08  JT   fiscal year / quarter from ref.calendar instead of a CASE on the month
*/
CREATE PROCEDURE etl.usp_build_monthly_revenue_by_region
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
        CREATE TABLE #monthly (
            month_start  DATE           NOT NULL,
            region_id    INT            NOT NULL,
            store_count  INT            NOT NULL,
            order_count  INT            NOT NULL,
            units_sold   INT            NOT NULL,
            net_amount   DECIMAL(14,2)  NOT NULL,
            PRIMARY KEY (month_start, region_id)
        );

        INSERT INTO #monthly (month_start, region_id, store_count, order_count, units_sold, net_amount)
        SELECT DATEFROMPARTS(YEAR(d.sales_date), MONTH(d.sales_date), 1),
               d.region_id,
               COUNT(DISTINCT d.store_id),
               SUM(d.order_count),
               SUM(d.units_sold),
               SUM(d.net_amount)
        FROM   dw.daily_sales_summary AS d
        GROUP BY DATEFROMPARTS(YEAR(d.sales_date), MONTH(d.sales_date), 1), d.region_id;

        BEGIN TRANSACTION;

            TRUNCATE TABLE dw.monthly_revenue_by_region;

            WITH m AS (
                SELECT mo.month_start,
                       mo.region_id,
                       mo.store_count,
                       mo.order_count,
                       mo.units_sold,
                       mo.net_amount,
                       LAG(mo.net_amount) OVER (PARTITION BY mo.region_id ORDER BY mo.month_start) AS prior_month_net,
                       SUM(mo.net_amount) OVER (PARTITION BY mo.region_id ORDER BY mo.month_start
                                                ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)       AS rolling_3m_net,
                       SUM(mo.net_amount) OVER (PARTITION BY mo.month_start)                      AS company_net
                FROM   #monthly AS mo
            )
            INSERT INTO dw.monthly_revenue_by_region
                   (month_start, region_id, month_end, region_code, period_label, fiscal_year, fiscal_quarter,
                    store_count, order_count, units_sold, net_amount, prior_month_net, mom_growth_pct,
                    rolling_3m_net, share_of_company_pct, etl_loaded_at)
            SELECT m.month_start,
                   m.region_id,
                   EOMONTH(m.month_start),
                   r.region_code,
                   r.region_code + ' ' + CONVERT(CHAR(7), m.month_start, 120),     -- 'NE 2025-01'
                   cal.fiscal_year,
                   cal.fiscal_quarter,
                   m.store_count,
                   m.order_count,
                   m.units_sold,
                   m.net_amount,
                   m.prior_month_net,
                   CAST((m.net_amount - m.prior_month_net) * 100.0 / NULLIF(m.prior_month_net, 0) AS DECIMAL(7,2)),
                   m.rolling_3m_net,
                   CAST(m.net_amount * 100.0 / NULLIF(m.company_net, 0) AS DECIMAL(5,2)),
                   SYSUTCDATETIME()
            FROM   m
                   JOIN ref.regions  AS r   ON r.region_id = m.region_id
                   JOIN ref.calendar AS cal ON cal.calendar_date = m.month_start;

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
