-- =============================================
-- Author:      S. Ramos
-- Create date: 2018-04-09
-- Description: Monthly store KPIs for the ops review deck (dw.store_kpis).
--              Reads dw.daily_sales_summary, so it runs after the daily build.
-- Change log:
--   2018-06-20 SR  return_rate_pct as a whole number, ops asked for "no decimals"
--   2021-01-11 SR  region_rank
--   2023-09-04 JT  fiscal_quarter through ref.fn_fiscal_quarter
-- =============================================
create procedure etl.usp_build_store_kpis
    @run_id uniqueidentifier = null
as
begin
    set nocount on;
    set xact_abort on;

    declare @proc_name  nvarchar(128) = object_schema_name(@@procid) + N'.' + object_name(@@procid),
            @run_log_id int,
            @rows       int,
            @first_day  date,
            @last_day   date,
            @err_number int,
            @err_msg    nvarchar(4000);

    declare @months table (month_start date not null primary key, month_end date not null);

    exec etl.usp_write_run_log @run_id = @run_id, @procedure_name = @proc_name, @status = 'STARTED',
                               @run_log_id = @run_log_id output;

    begin try
        select @first_day = min(sales_date), @last_day = max(sales_date)
        from   dw.daily_sales_summary;

        if @first_day is null
        begin
            -- nothing to do (first deployment, or the daily build failed)
            exec etl.usp_write_run_log @run_id = @run_id, @procedure_name = @proc_name, @status = 'SKIPPED',
                                       @row_count = 0, @run_log_id = @run_log_id output;
            return 0;
        end;

        insert into @months (month_start, month_end)
        select month_start, month_end
        from   etl.fn_month_ends(@first_day, @last_day);

        select m.month_start,
               d.store_id,
               count(*)                            as trading_days,
               sum(d.order_count)                  as order_count,
               sum(d.units_sold)                   as units_sold,
               cast(sum(d.net_amount) as decimal(14,2)) as net_amount
        into   #store_month
        from   @months m
               join dw.daily_sales_summary d on d.sales_date between m.month_start and m.month_end
        group by m.month_start, d.store_id;

        select datefromparts(year(r.return_date), month(r.return_date), 1) as month_start,
               r.store_id,
               count(*) as return_count
        into   #store_returns
        from   sales.returns r
        group by datefromparts(year(r.return_date), month(r.return_date), 1), r.store_id;

        begin transaction;

            delete k
            from   dw.store_kpis k
                   join @months m on m.month_start = k.month_start;

            insert into dw.store_kpis
                   (month_start, store_id, month_end, store_code, fiscal_quarter, store_age_months, is_new_store,
                    trading_days, order_count, units_sold, net_amount, sales_per_sqft, avg_basket_units,
                    return_count, return_rate_pct, region_rank, etl_loaded_at)
            select sm.month_start,
                   sm.store_id,
                   eomonth(sm.month_start),
                   s.store_code,
                   ref.fn_fiscal_quarter(sm.month_start),
                   datediff(month, s.opened_on, eomonth(sm.month_start)),
                   iif(datediff(month, s.opened_on, eomonth(sm.month_start)) < 12, 1, 0),
                   sm.trading_days,
                   sm.order_count,
                   sm.units_sold,
                   sm.net_amount,
                   cast(sm.net_amount / s.square_feet as decimal(10,4)),
                   cast(cast(sm.units_sold as decimal(10,2)) / nullif(sm.order_count, 0) as decimal(6,2)),
                   isnull(sr.return_count, 0),
                   100 * isnull(sr.return_count, 0) / nullif(sm.order_count, 0),   -- integer division: whole percent, truncated
                   null,
                   sysutcdatetime()
            from   #store_month sm
                   join sales.stores s on s.store_id = sm.store_id
                   left join #store_returns sr on sr.month_start = sm.month_start and sr.store_id = sm.store_id;

            set @rows = @@rowcount;

            update k
            set    k.region_rank = x.region_rank
            from   dw.store_kpis k
                   join (select k2.month_start,
                                k2.store_id,
                                rank() over (partition by k2.month_start, s.region_id order by k2.net_amount desc) as region_rank
                         from   dw.store_kpis k2
                                join sales.stores s on s.store_id = k2.store_id) x
                     on x.month_start = k.month_start and x.store_id = k.store_id
            where  k.month_start in (select month_start from @months);

        commit transaction;

        exec etl.usp_write_run_log @run_id = @run_id, @procedure_name = @proc_name, @status = 'SUCCEEDED',
                                   @row_count = @rows, @run_log_id = @run_log_id output;
    end try
    begin catch
        if @@trancount > 0 rollback transaction;
        select @err_number = error_number(), @err_msg = error_message();
        exec etl.usp_write_run_log @run_id = @run_id, @procedure_name = @proc_name, @status = 'FAILED',
                                   @error_number = @err_number, @error_message = @err_msg,
                                   @run_log_id = @run_log_id output;
        throw;
    end catch;
end
GO
