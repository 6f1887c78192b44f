/**
 * The legacy derived tables: what each T-SQL procedure in warehouse/etl/Stored Procedures
 * produced on SQL Server, written by hand in DuckDB SQL. Each block mirrors its procedure
 * statement by statement; keep them in step when a procedure changes.
 *
 * SQL Server semantics mirrored here (and where):
 *
 *  - DATEDIFF counts boundaries crossed, not whole intervals elapsed:
 *      DATEDIFF(MONTH, '2025-03-31', '2025-04-01') = 1          -> tsql_datediff_month
 *      DATEDIFF(WEEK, ...) counts Sundays, whatever @@DATEFIRST -> tsql_datediff_week
 *    (DuckDB's date_diff('week') counts ISO weeks, Monday to Monday.)
 *  - Integer division truncates toward zero: 100 * 3 / 7 = 42 (DuckDB '/' gives 42.857..., so '//').
 *  - AVG over an int column is an int, truncated: AVG(days) over 1, 2 = 1.
 *  - Decimal division keeps at least 6 (here 13 to 20) decimals and CAST to a smaller scale rounds
 *    half away from zero. The procedures divide only DECIMAL(p,2) values that were already rounded,
 *    by integers or other DECIMAL(p,2) values, so the exact result rounded half away from zero is
 *    what SQL Server stores; tsql_div_round computes that exactly with integers (DuckDB's '/' on
 *    decimals returns a DOUBLE).
 *  - CAST(decimal AS DECIMAL(p,2)) and ROUND round half away from zero: DuckDB's decimal cast does too.
 *  - money is DECIMAL(19,4); int * money * decimal products are exact in both engines.
 *  - The default collation (Latin1_General_100_CI_AS) compares strings case-insensitively and
 *    ignores trailing spaces: 'closed ' = 'Closed'. LTRIM/RTRIM remove spaces only -> ci_eq / ci_ne.
 *  - LEN ignores trailing spaces: LEN('   ') = 0 -> length(rtrim(x)).
 *  - ISNULL returns the type of its first argument: ISNULL(<char(2)>, 'N/A') = 'N/'.
 *  - '+' on strings yields NULL if any operand is NULL (CONCAT_NULL_YIELDS_NULL), like DuckDB's '||'.
 *  - COUNT(DISTINCT x) and the other aggregates ignore NULLs; SUM over no rows is NULL (hence ISNULL).
 *  - TOP (n) WITH TIES ... ORDER BY x DESC returns the rows with RANK() <= n.
 *  - CROSS APPLY drops outer rows with no match, OUTER APPLY keeps them.
 *  - FLOAT division of two ints converted to float is IEEE double division in both engines.
 *
 * Time stamps the procedures take from the clock (etl_loaded_at) are set to the times of the
 * nightly run of Sunday 22 June 2025 (UTC; the weekly job ran at 04:00 the same morning), or the
 * night a MERGE last touched the row.
 */

export interface DerivedTable {
  /** schema.table as in the warehouse (dw.x); the CSV holds what SQL Server had. */
  readonly table: string;
  readonly builtBy: string;
  /** statements that fill the already-created table (columns as in the DDL). */
  readonly sql: readonly string[];
}

export const TSQL_MACROS: readonly string[] = [
  // round(a / b) half away from zero, exactly, for integer-valued a and b; NULL when b is 0 or NULL
  `CREATE MACRO tsql_div_round(a, b) AS
     CASE WHEN CAST(b AS HUGEINT) = 0 THEN NULL
          ELSE sign(CAST(a AS HUGEINT)) * sign(CAST(b AS HUGEINT))
               * ((abs(CAST(a AS HUGEINT)) * 2 + abs(CAST(b AS HUGEINT))) // (abs(CAST(b AS HUGEINT)) * 2))
     END`,
  // a DECIMAL(p,2) value as an integer number of cents, and back
  `CREATE MACRO cents(x) AS CAST(x * 100 AS HUGEINT)`,
  `CREATE MACRO from_hundredths(u) AS CAST(u AS DECIMAL(18,0)) * CAST(0.01 AS DECIMAL(3,2))`,
  `CREATE MACRO from_ten_thousandths(u) AS CAST(u AS DECIMAL(18,0)) * CAST(0.0001 AS DECIMAL(5,4))`,
  // DATEDIFF(MONTH, a, b): month boundaries crossed
  `CREATE MACRO tsql_datediff_month(a, b) AS (year(b) - year(a)) * 12 + month(b) - month(a)`,
  // DATEDIFF(WEEK, a, b): Sundays crossed (1969-12-28 was a Sunday; dates here are all later)
  `CREATE MACRO tsql_datediff_week(a, b) AS
     date_diff('day', DATE '1969-12-28', CAST(b AS DATE)) // 7 - date_diff('day', DATE '1969-12-28', CAST(a AS DATE)) // 7`,
  // string comparison under a case-insensitive collation that ignores trailing spaces
  `CREATE MACRO ci_eq(a, b) AS lower(rtrim(a, ' ')) = lower(rtrim(b, ' '))`,
  `CREATE MACRO ci_ne(a, b) AS lower(rtrim(a, ' ')) <> lower(rtrim(b, ' '))`,
  // LTRIM(RTRIM(x)): spaces only
  `CREATE MACRO tsql_trim(x) AS ltrim(rtrim(x, ' '), ' ')`,
];

// ---------------------------------------------------------------------------------------------

const dimStore: DerivedTable = {
  table: 'dw.dim_store',
  builtBy: 'etl.usp_load_dim_store',
  sql: [
    `INSERT INTO dw.dim_store
       (store_id, store_code, store_name, region_id, region_code, region_name, city, state_code, store_format,
        square_feet, size_band, opened_on, closed_on, store_status, store_age_months, etl_loaded_at)
     SELECT s.store_id, s.store_code, s.store_name, s.region_id,
            r.region_code, r.region_name,               -- the UPDATE ... FROM ... JOIN step (NULL if no region)
            s.city, s.state_code, s.store_format, s.square_feet,
            CASE WHEN s.square_feet >= 35000 THEN 'Large' WHEN s.square_feet >= 18000 THEN 'Medium' ELSE 'Small' END,
            s.opened_on, s.closed_on,
            CASE WHEN s.closed_on IS NOT NULL AND s.closed_on <= a.as_of_date THEN 'Closed'
                 WHEN s.opened_on > a.as_of_date THEN 'Opening soon'
                 ELSE 'Open' END,
            tsql_datediff_month(s.opened_on, a.as_of_date),
            TIMESTAMP '2025-06-22 02:05:12'
     FROM sales.stores s
          CROSS JOIN (SELECT max(order_date) AS as_of_date FROM sales.orders) a   -- cancelled orders included
          LEFT JOIN ref.regions r ON r.region_id = s.region_id`,
  ],
};

const dimProduct: DerivedTable = {
  table: 'dw.dim_product',
  builtBy: 'etl.usp_load_dim_product',
  sql: [
    // Every product is in sales.products, so the MERGE result is one row per product, is_deleted = 0.
    // etl_loaded_at: the night the MERGE last changed the row (added, or discontinued).
    `INSERT INTO dw.dim_product
       (product_id, sku, product_name, category, subcategory, brand, price_band, unit_cost, list_price, margin_pct,
        launched_on, discontinued_on, is_active, is_deleted, etl_loaded_at)
     SELECT p.product_id, p.sku, p.product_name, p.category,
            coalesce(p.subcategory, p.category),
            coalesce(nullif(tsql_trim(p.brand), ''), 'Unbranded'),
            CASE WHEN p.list_price < 20 THEN 'Budget' WHEN p.list_price < 75 THEN 'Core'
                 WHEN p.list_price < 200 THEN 'Premium' ELSE 'Luxury' END,
            p.unit_cost,
            CAST(p.list_price AS DECIMAL(10,2)),
            -- (list - cost) * 100.0 / list: DECIMAL(29,14) in SQL Server, then rounded to 2 places
            CAST(from_hundredths(tsql_div_round((cents(CAST(p.list_price AS DECIMAL(10,2))) - cents(p.unit_cost)) * 10000,
                                                cents(CAST(p.list_price AS DECIMAL(10,2))))) AS DECIMAL(5,2)),
            p.launched_on, p.discontinued_on, p.is_active, FALSE,
            CASE WHEN p.discontinued_on >= DATE '2025-01-01' THEN p.discontinued_on + 1
                 ELSE greatest(CAST(p.created_at AS DATE) + 1, DATE '2022-01-25') END
              + INTERVAL '2 hours 5 minutes 14 seconds'
     FROM sales.products p`,
  ],
};

const dailySalesSummary: DerivedTable = {
  table: 'dw.daily_sales_summary',
  builtBy: 'etl.usp_build_daily_sales_summary',
  sql: [
    // #order_totals. order_status is 'Completed' or 'Cancelled', always spelled that way.
    // Orders without lines drop out of the inner join, as in the procedure.
    `CREATE TEMP TABLE dss_order_totals AS
     SELECT o.order_id, o.order_date, o.store_id, o.customer_id, o.channel, o.shipping_fee,
            sum(ol.quantity)                                                AS units,
            sum(ol.quantity * ol.unit_price)                                AS gross_amount,     -- exact, 4 places
            sum(ol.quantity * ol.unit_price * coalesce(ol.discount_pct, 0)) AS discount_amount   -- exact, 8 places
     FROM sales.orders o
          JOIN sales.order_lines ol ON ol.order_id = o.order_id
     WHERE o.order_status <> 'Cancelled'
     GROUP BY o.order_id, o.order_date, o.store_id, o.customer_id, o.channel, o.shipping_fee`,
    // #daily: each amount summed exactly and rounded once (CAST ... AS DECIMAL(14,2) rounds half away from zero)
    `CREATE TEMP TABLE dss_daily AS
     SELECT ot.order_date AS sales_date, ot.store_id, s.region_id,
            count(*)                                                           AS order_count,
            sum(CASE WHEN ot.customer_id IS NULL THEN 1 ELSE 0 END)            AS guest_order_count,
            count(DISTINCT ot.customer_id)                                     AS distinct_customers,  -- NULLs ignored
            sum(ot.units)                                                      AS units_sold,
            CAST(sum(ot.gross_amount) AS DECIMAL(14,2))                        AS gross_amount,
            CAST(sum(ot.discount_amount) AS DECIMAL(14,2))                     AS discount_amount,
            CAST(sum(ot.gross_amount - ot.discount_amount) AS DECIMAL(14,2))   AS net_amount,
            CAST(sum(ot.shipping_fee) AS DECIMAL(12,2))                        AS shipping_amount,
            sum(CASE WHEN ot.channel = 'ONLINE' THEN 1 ELSE 0 END)             AS online_orders
     FROM dss_order_totals ot
          JOIN sales.stores s ON s.store_id = ot.store_id
     GROUP BY ot.order_date, ot.store_id, s.region_id`,
    `INSERT INTO dw.daily_sales_summary
       (sales_date, store_id, date_key, region_id, order_count, guest_order_count, distinct_customers, units_sold,
        gross_amount, discount_amount, net_amount, shipping_amount, avg_order_value, online_share_pct, is_weekend,
        etl_loaded_at)
     SELECT d.sales_date, d.store_id,
            CAST(strftime(d.sales_date, '%Y%m%d') AS INTEGER),                 -- CONVERT(INT, CONVERT(CHAR(8), d, 112))
            d.region_id, d.order_count, d.guest_order_count, d.distinct_customers, d.units_sold,
            d.gross_amount, d.discount_amount, d.net_amount, d.shipping_amount,
            -- CAST(net / NULLIF(order_count, 0) AS DECIMAL(12,2)): DECIMAL(25,13) / int, rounded
            CAST(from_hundredths(tsql_div_round(cents(d.net_amount), d.order_count)) AS DECIMAL(12,2)),
            -- CAST(100.0 * online / NULLIF(order_count, 0) AS DECIMAL(5,2))
            CAST(from_hundredths(tsql_div_round(d.online_orders * 10000, d.order_count)) AS DECIMAL(5,2)),
            c.is_weekend,
            TIMESTAMP '2025-06-22 02:05:31'
     FROM dss_daily d
          JOIN ref.calendar c ON c.calendar_date = d.sales_date`,
  ],
};

const monthlyRevenueByRegion: DerivedTable = {
  table: 'dw.monthly_revenue_by_region',
  builtBy: 'etl.usp_build_monthly_revenue_by_region',
  sql: [
    // #monthly, created with net_amount DECIMAL(14,2) (the SUM of DECIMAL(14,2) values fits exactly)
    `CREATE TEMP TABLE mrr_monthly AS
     SELECT make_date(year(d.sales_date), month(d.sales_date), 1) AS month_start,   -- DATEFROMPARTS(y, m, 1)
            d.region_id,
            count(DISTINCT d.store_id)                 AS store_count,
            CAST(sum(d.order_count) AS INTEGER)        AS order_count,
            CAST(sum(d.units_sold) AS INTEGER)         AS units_sold,
            CAST(sum(d.net_amount) AS DECIMAL(14,2))   AS net_amount
     FROM dw.daily_sales_summary d
     GROUP BY 1, 2`,
    `INSERT INTO dw.monthly_revenue_by_region
       (month_start, region_id, month_end, region_code, period_label, fiscal_year, fiscal_quarter, store_count,
        order_count, units_sold, net_amount, prior_month_net, mom_growth_pct, rolling_3m_net, share_of_company_pct,
        etl_loaded_at)
     SELECT m.month_start, m.region_id,
            last_day(m.month_start),                                          -- EOMONTH
            r.region_code,
            r.region_code || ' ' || strftime(m.month_start, '%Y-%m'),         -- code + ' ' + CONVERT(CHAR(7), d, 120)
            cal.fiscal_year, cal.fiscal_quarter,
            m.store_count, m.order_count, m.units_sold, m.net_amount,
            m.prior_month_net,
            -- (net - prior) * 100.0 / prior: DECIMAL(37,18), rounded to 2 places; NULL for the first month
            CAST(from_hundredths(tsql_div_round((cents(m.net_amount) - cents(m.prior_month_net)) * 10000,
                                                cents(m.prior_month_net))) AS DECIMAL(7,2)),
            CAST(m.rolling_3m_net AS DECIMAL(14,2)),
            CAST(from_hundredths(tsql_div_round(cents(m.net_amount) * 10000, cents(m.company_net))) AS DECIMAL(5,2)),
            TIMESTAMP '2025-06-22 02:06:02'
     FROM (SELECT mo.*,
                  lag(mo.net_amount) OVER (PARTITION BY mo.region_id ORDER BY mo.month_start)        AS prior_month_net,
                  sum(mo.net_amount) OVER (PARTITION BY mo.region_id ORDER BY mo.month_start
                                           ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)                 AS rolling_3m_net,
                  sum(mo.net_amount) OVER (PARTITION BY mo.month_start)                              AS company_net
           FROM mrr_monthly mo) m
          JOIN ref.regions r ON r.region_id = m.region_id
          JOIN ref.calendar cal ON cal.calendar_date = m.month_start`,
  ],
};

const productPerformance: DerivedTable = {
  table: 'dw.product_performance',
  builtBy: 'etl.usp_build_product_performance',
  sql: [
    `CREATE TEMP TABLE pp_month AS
     SELECT make_date(year(o.order_date), month(o.order_date), 1) AS month_start,
            ol.product_id,
            sum(ol.quantity)              AS units_sold,
            count(DISTINCT o.order_id)    AS order_count,
            CAST(sum(ol.quantity * ol.unit_price * (1 - coalesce(ol.discount_pct, 0))) AS DECIMAL(14,2)) AS net_amount
     FROM sales.orders o
          JOIN sales.order_lines ol ON ol.order_id = o.order_id
     WHERE o.order_status <> 'Cancelled'
     GROUP BY 1, 2`,
    `CREATE TEMP TABLE pp_returns AS
     SELECT make_date(year(r.return_date), month(r.return_date), 1) AS month_start,
            r.product_id,
            sum(r.quantity) AS units_returned
     FROM sales.returns r
     GROUP BY 1, 2`,
    `CREATE TEMP TABLE pp_ranked AS
     SELECT pm.month_start, pm.product_id, p.sku, p.category, pm.units_sold, pm.order_count, pm.net_amount,
            CAST(pm.units_sold * p.unit_cost AS DECIMAL(14,2))  AS cost_amount,
            coalesce(pr.units_returned, 0)                      AS units_returned,
            rank()       OVER (PARTITION BY pm.month_start, p.category ORDER BY pm.net_amount DESC)    AS category_rank,
            row_number() OVER (PARTITION BY pm.month_start ORDER BY pm.net_amount DESC, pm.product_id) AS overall_rank
     FROM pp_month pm
          JOIN sales.products p ON p.product_id = pm.product_id
          LEFT JOIN pp_returns pr ON pr.month_start = pm.month_start AND pr.product_id = pm.product_id`,
    `INSERT INTO dw.product_performance
       (month_start, product_id, sku, category, units_sold, order_count, net_amount, cost_amount, gross_margin,
        margin_pct, units_returned, return_rate, category_rank, overall_rank, category_share_pct, is_top_10,
        etl_loaded_at)
     SELECT month_start, product_id, sku, category, units_sold, order_count, net_amount, cost_amount,
            net_amount - cost_amount,
            CAST(from_hundredths(tsql_div_round((cents(net_amount) - cents(cost_amount)) * 10000, cents(net_amount))) AS DECIMAL(6,2)),
            units_returned,
            CAST(units_returned AS DOUBLE) / CAST(nullif(units_sold, 0) AS DOUBLE),      -- float / int -> float
            category_rank, overall_rank,
            -- the UPDATE ... FROM ... JOIN on the category totals
            CAST(from_hundredths(tsql_div_round(cents(net_amount) * 10000,
                 cents(sum(net_amount) OVER (PARTITION BY month_start, category)))) AS DECIMAL(5,2)),
            overall_rank <= 10,                                                          -- IIF(overall_rank <= 10, 1, 0)
            TIMESTAMP '2025-06-22 02:06:09'
     FROM pp_ranked`,
  ],
};

const storeKpis: DerivedTable = {
  table: 'dw.store_kpis',
  builtBy: 'etl.usp_build_store_kpis',
  sql: [
    // @months covers every month of dw.daily_sales_summary (etl.fn_month_ends), so grouping the
    // daily rows by month is the same as the join on BETWEEN month_start AND month_end.
    `CREATE TEMP TABLE sk_store_month AS
     SELECT make_date(year(d.sales_date), month(d.sales_date), 1) AS month_start,
            d.store_id,
            count(*)                                 AS trading_days,
            CAST(sum(d.order_count) AS INTEGER)      AS order_count,
            CAST(sum(d.units_sold) AS INTEGER)       AS units_sold,
            CAST(sum(d.net_amount) AS DECIMAL(14,2)) AS net_amount
     FROM dw.daily_sales_summary d
     GROUP BY 1, 2`,
    `CREATE TEMP TABLE sk_store_returns AS
     SELECT make_date(year(r.return_date), month(r.return_date), 1) AS month_start, r.store_id, count(*) AS return_count
     FROM sales.returns r
     GROUP BY 1, 2`,
    `INSERT INTO dw.store_kpis
       (month_start, store_id, month_end, store_code, fiscal_quarter, store_age_months, is_new_store, trading_days,
        order_count, units_sold, net_amount, sales_per_sqft, avg_basket_units, return_count, return_rate_pct,
        region_rank, etl_loaded_at)
     SELECT sm.month_start, sm.store_id,
            last_day(sm.month_start),
            s.store_code,
            ((month(sm.month_start) + 10) % 12) // 3 + 1,                        -- ref.fn_fiscal_quarter
            tsql_datediff_month(s.opened_on, last_day(sm.month_start)),
            tsql_datediff_month(s.opened_on, last_day(sm.month_start)) < 12,
            sm.trading_days, sm.order_count, sm.units_sold, sm.net_amount,
            -- net / square_feet: DECIMAL(25,13), rounded to 4 places
            CAST(from_ten_thousandths(tsql_div_round(cents(sm.net_amount) * 100, s.square_feet)) AS DECIMAL(10,4)),
            CAST(from_hundredths(tsql_div_round(sm.units_sold * 100, sm.order_count)) AS DECIMAL(6,2)),
            coalesce(sr.return_count, 0),
            (100 * coalesce(sr.return_count, 0)) // nullif(sm.order_count, 0),      -- int / int truncates
            -- the UPDATE ... FROM ... JOIN with RANK() per region
            rank() OVER (PARTITION BY sm.month_start, s.region_id ORDER BY sm.net_amount DESC),
            TIMESTAMP '2025-06-22 02:06:40'
     FROM sk_store_month sm
          JOIN sales.stores s ON s.store_id = sm.store_id
          LEFT JOIN sk_store_returns sr ON sr.month_start = sm.month_start AND sr.store_id = sm.store_id`,
  ],
};

const topProductsPerStore: DerivedTable = {
  table: 'dw.top_products_per_store',
  builtBy: 'etl.usp_build_top_products_per_store',
  sql: [
    `INSERT INTO dw.top_products_per_store
       (store_id, product_id, window_start, window_end, units_sold, net_amount, units_rank, etl_loaded_at)
     WITH w AS (
         SELECT max(order_date) AS window_end, max(order_date) - 27 AS window_start   -- DATEADD(DAY, 1 - @days, end), @days = 28
         FROM sales.orders                                                             -- cancelled orders included
     ),
     sp AS (
         SELECT o.store_id, ol.product_id,
                sum(ol.quantity) AS units_sold,
                CAST(sum(ol.quantity * ol.unit_price * (1 - coalesce(ol.discount_pct, 0))) AS DECIMAL(14,2)) AS net_amount
         FROM sales.orders o
              JOIN sales.order_lines ol ON ol.order_id = o.order_id
              CROSS JOIN w
         WHERE o.order_date BETWEEN w.window_start AND w.window_end
           AND o.order_status <> 'Cancelled'
         GROUP BY o.store_id, ol.product_id
     ),
     ranked AS (
         -- CROSS APPLY (SELECT TOP (5) WITH TIES ... ORDER BY units_sold DESC) = RANK() <= 5
         SELECT sp.*, rank() OVER (PARTITION BY sp.store_id ORDER BY sp.units_sold DESC) AS units_rank
         FROM sp
              JOIN sales.stores s ON s.store_id = sp.store_id
         WHERE s.is_active
     )
     SELECT ranked.store_id, ranked.product_id, w.window_start, w.window_end, ranked.units_sold, ranked.net_amount,
            ranked.units_rank, TIMESTAMP '2025-06-22 02:06:51'
     FROM ranked CROSS JOIN w
     WHERE ranked.units_rank <= 5`,
  ],
};

const returnsSummary: DerivedTable = {
  table: 'dw.returns_summary',
  builtBy: 'etl.usp_build_returns_summary',
  sql: [
    `CREATE TEMP TABLE rs_returns AS
     SELECT make_date(year(r.return_date), month(r.return_date), 1) AS return_month,
            r.store_id,
            coalesce(nullif(upper(tsql_trim(r.reason_code)), ''), 'UNKNOWN') AS reason_code,  -- '  ', '' and NULL -> UNKNOWN
            r.quantity, r.refund_amount, r.restocked,
            date_diff('day', o.order_date, r.return_date) AS days_to_return
     FROM sales.returns r
          JOIN sales.orders o ON o.order_id = r.order_id`,
    `INSERT INTO dw.returns_summary
       (return_month, store_id, reason_code, return_count, units_returned, refund_amount, avg_days_to_return,
        restocked_units, etl_loaded_at)
     SELECT return_month, store_id, reason_code,
            count(*),
            sum(quantity),
            CAST(sum(refund_amount) AS DECIMAL(12,2)),
            CAST(sum(days_to_return) // count(days_to_return) AS INTEGER),     -- AVG(int) is an int, truncated
            sum(CASE WHEN restocked THEN quantity ELSE 0 END),
            TIMESTAMP '2025-06-21 22:07:03.433'      -- GETDATE(): server local time (US Eastern), datetime
     FROM rs_returns
     GROUP BY return_month, store_id, reason_code`,
  ],
};

const dimCustomer: DerivedTable = {
  table: 'dw.dim_customer',
  builtBy: 'etl.usp_load_dim_customer',
  sql: [
    `CREATE TEMP TABLE dc_feed AS
     SELECT ch.change_id, ch.customer_id, ch.changed_at,
            coalesce(ch.loyalty_tier, 'Unassigned') AS loyalty_tier,           -- fits varchar(10) exactly
            CASE upper(tsql_trim(ch.status))
                 WHEN 'ACTIVE' THEN 'Active' WHEN 'INACTIVE' THEN 'Inactive' WHEN 'CLOSED' THEN 'Closed'
                 ELSE 'Unknown' END                 AS status,
            ch.city,
            coalesce(ch.state_code, 'N/')           AS state_code,             -- ISNULL(<char(2)>, 'N/A') = 'N/'
            ch.home_store_id
     FROM sales.customer_changes ch`,
    // a row opens a version when a tracked attribute differs from the previous feed row,
    // compared the way the collation does: 'Boston' -> 'BOSTON' is no change
    `CREATE TEMP TABLE dc_versions AS
     WITH ordered AS (
         SELECT f.*,
                lag(f.change_id)     OVER w AS prev_change_id,
                lag(f.loyalty_tier)  OVER w AS prev_loyalty_tier,
                lag(f.status)        OVER w AS prev_status,
                lag(f.city)          OVER w AS prev_city,
                lag(f.state_code)    OVER w AS prev_state_code,
                lag(f.home_store_id) OVER w AS prev_home_store_id
         FROM dc_feed f
         WINDOW w AS (PARTITION BY f.customer_id ORDER BY f.changed_at, f.change_id)
     )
     SELECT customer_id, changed_at AS valid_from, loyalty_tier, status, city, state_code, home_store_id
     FROM ordered
     WHERE prev_change_id IS NULL
        OR ci_ne(loyalty_tier, prev_loyalty_tier)
        OR ci_ne(status, prev_status)
        OR ci_ne(coalesce(city, ''), coalesce(prev_city, ''))
        OR ci_ne(state_code, prev_state_code)
        OR coalesce(home_store_id, -1) <> coalesce(prev_home_store_id, -1)`,
    `CREATE TEMP TABLE dc_scd AS
     SELECT v.customer_id, c.customer_code, c.full_name,
            c.customer_code || ' - ' || c.full_name        AS customer_label,
            v.loyalty_tier, v.status, v.city, v.state_code,
            v.city || ', ' || v.state_code                 AS location,         -- NULL when city is NULL
            v.home_store_id, v.valid_from,
            lead(v.valid_from) OVER (PARTITION BY v.customer_id ORDER BY v.valid_from) AS next_valid_from,
            row_number() OVER (PARTITION BY v.customer_id ORDER BY v.valid_from)       AS version_number
     FROM dc_versions v
          JOIN sales.customers c ON c.customer_id = v.customer_id`,
    // customer_sk is an IDENTITY filled over the nights the versions arrived; numbered here in
    // that order. etl_loaded_at: the night the MERGE last inserted or updated the row (the
    // first load from the feed ran on 2023-11-13).
    `INSERT INTO dw.dim_customer
       (customer_sk, customer_id, customer_code, full_name, customer_label, loyalty_tier, status, city, state_code,
        location, home_store_id, valid_from, valid_to, is_current, version_number, etl_loaded_at)
     SELECT row_number() OVER (ORDER BY greatest(CAST(valid_from AS DATE), DATE '2023-11-13'), customer_id, valid_from),
            customer_id, customer_code, full_name, customer_label, loyalty_tier, status, city, state_code, location,
            home_store_id, valid_from,
            coalesce(next_valid_from, TIMESTAMP '9999-12-31 00:00:00'),
            next_valid_from IS NULL,
            version_number,
            greatest(CAST(coalesce(next_valid_from, valid_from) AS DATE) + 1, DATE '2023-11-14')
              + INTERVAL '2 hours 7 minutes 20 seconds'
     FROM dc_scd`,
  ],
};

const customerChurn: DerivedTable = {
  table: 'dw.customer_churn',
  builtBy: 'etl.usp_build_customer_churn',
  sql: [
    `CREATE TEMP TABLE cc_dates AS
     SELECT max(order_date) AS as_of_date,
            max(order_date) - 89  AS window_start,        -- DATEADD(DAY, -89, @as_of_date)
            max(order_date) - 179 AS prior_start
     FROM sales.orders
     WHERE order_status <> 'Cancelled'`,
    `CREATE TEMP TABLE cc_recent AS
     SELECT o.customer_id,
            sum(CASE WHEN o.order_date >= d.window_start THEN 1 ELSE 0 END) AS orders_last_90_days,
            sum(CASE WHEN o.order_date >= d.prior_start AND o.order_date < d.window_start THEN 1 ELSE 0 END) AS orders_prior_90_days
     FROM sales.orders o CROSS JOIN cc_dates d
     WHERE o.customer_id IS NOT NULL AND o.order_status <> 'Cancelled' AND o.order_date >= d.prior_start
     GROUP BY o.customer_id`,
    `CREATE TEMP TABLE cc_recent_net AS
     SELECT o.customer_id,
            CAST(sum(ol.quantity * ol.unit_price * (1 - coalesce(ol.discount_pct, 0))) AS DECIMAL(12,2)) AS net_last_90_days
     FROM sales.orders o
          JOIN sales.order_lines ol ON ol.order_id = o.order_id
          CROSS JOIN cc_dates d
     WHERE o.customer_id IS NOT NULL AND o.order_status <> 'Cancelled' AND o.order_date >= d.window_start
     GROUP BY o.customer_id`,
    // OUTER APPLY (SELECT TOP (1) ... ORDER BY order_datetime DESC, order_id DESC)
    `CREATE TEMP TABLE cc_last_order AS
     SELECT customer_id, order_date, store_id
     FROM (SELECT o.customer_id, o.order_date, o.store_id,
                  row_number() OVER (PARTITION BY o.customer_id ORDER BY o.order_datetime DESC, o.order_id DESC) AS rn
           FROM sales.orders o
           WHERE o.customer_id IS NOT NULL AND o.order_status <> 'Cancelled')
     WHERE rn = 1`,
    `INSERT INTO dw.customer_churn
       (customer_id, customer_code, as_of_date, account_status, last_order_date, last_order_store_id,
        days_since_last_order, weeks_since_last_order, months_since_last_order, orders_last_90_days,
        orders_prior_90_days, net_last_90_days, churn_flag, churn_risk, etl_loaded_at)
     SELECT c.customer_id, c.customer_code, d.as_of_date,
            tsql_trim(c.status),
            lo.order_date, lo.store_id,
            date_diff('day', lo.order_date, d.as_of_date),
            tsql_datediff_week(lo.order_date, d.as_of_date),
            tsql_datediff_month(lo.order_date, d.as_of_date),
            coalesce(r.orders_last_90_days, 0),
            coalesce(r.orders_prior_90_days, 0),
            coalesce(rn.net_last_90_days, 0),
            -- IIF(c.status = 'Closed' OR DATEDIFF(MONTH, ...) >= 3, 1, 0): the collation makes
            -- 'closed' and 'CLOSED ' equal to 'Closed'; NULL OR FALSE is not true -> 0
            CASE WHEN ci_eq(c.status, 'Closed') OR tsql_datediff_month(lo.order_date, d.as_of_date) >= 3
                 THEN TRUE ELSE FALSE END,
            CASE WHEN ci_eq(c.status, 'Closed') THEN 'Closed'
                 WHEN lo.order_date IS NULL THEN 'Never purchased'
                 WHEN tsql_datediff_month(lo.order_date, d.as_of_date) >= 3 THEN 'Churned'
                 WHEN coalesce(r.orders_last_90_days, 0) < coalesce(r.orders_prior_90_days, 0) // 2 THEN 'At risk'
                 ELSE 'Active' END,
            TIMESTAMP '2025-06-22 02:07:41'
     FROM sales.customers c
          CROSS JOIN cc_dates d
          LEFT JOIN cc_last_order lo ON lo.customer_id = c.customer_id
          LEFT JOIN cc_recent r ON r.customer_id = c.customer_id
          LEFT JOIN cc_recent_net rn ON rn.customer_id = c.customer_id`,
  ],
};

const customerLifetimeValue: DerivedTable = {
  table: 'dw.customer_lifetime_value',
  builtBy: 'etl.usp_build_customer_lifetime_value',
  sql: [
    `CREATE TEMP TABLE clv_base AS
     SELECT c.customer_id, c.customer_code, c.email,
            min(o.order_date)                  AS first_order_date,
            max(o.order_date)                  AS last_order_date,
            count(DISTINCT o.order_id)         AS order_count,           -- orders without lines count
            coalesce(sum(ol.quantity), 0)      AS units_purchased,
            CAST(coalesce(sum(ol.quantity * ol.unit_price * (1 - coalesce(ol.discount_pct, 0))), 0) AS DECIMAL(14,2)) AS net_revenue
     FROM sales.customers c
          LEFT JOIN sales.orders o ON o.customer_id = c.customer_id AND o.order_status <> 'Cancelled'
          LEFT JOIN sales.order_lines ol ON ol.order_id = o.order_id
     GROUP BY c.customer_id, c.customer_code, c.email`,
    `CREATE TEMP TABLE clv_refunds AS
     SELECT o.customer_id, CAST(sum(r.refund_amount) AS DECIMAL(14,2)) AS refunded_amount
     FROM sales.returns r
          JOIN sales.orders o ON o.order_id = r.order_id
     WHERE o.customer_id IS NOT NULL
     GROUP BY o.customer_id`,
    // CROSS APPLY (SELECT TOP (1) store_id ... GROUP BY store_id ORDER BY COUNT(*) DESC, MAX(order_date) DESC, store_id)
    `CREATE TEMP TABLE clv_favourite AS
     SELECT customer_id, store_id
     FROM (SELECT o.customer_id, o.store_id,
                  row_number() OVER (PARTITION BY o.customer_id
                                     ORDER BY count(*) DESC, max(o.order_date) DESC, o.store_id) AS rn
           FROM sales.orders o
           WHERE o.customer_id IS NOT NULL AND o.order_status <> 'Cancelled'
           GROUP BY o.customer_id, o.store_id)
     WHERE rn = 1`,
    `CREATE TEMP TABLE clv_measures AS
     SELECT x.*,
            coalesce(rf.refunded_amount, 0) AS refunded_amount,
            -- CAST(net_revenue / NULLIF(order_count, 0) AS DECIMAL(12,2)); NULL without orders
            CAST(from_hundredths(tsql_div_round(cents(x.net_revenue), x.order_count)) AS DECIMAL(12,2)) AS avg_order_value,
            tsql_datediff_month(x.first_order_date,
                                (SELECT max(order_date) FROM sales.orders WHERE order_status <> 'Cancelled')) AS tenure_months
     FROM clv_base x
          LEFT JOIN clv_refunds rf ON rf.customer_id = x.customer_id`,
    // the two UPDATEs: each result is CAST to its column's scale (rounded) before the next uses it
    `CREATE TEMP TABLE clv_scored AS
     SELECT m.*,
            CASE WHEN m.order_count > 0
                 THEN CAST(from_hundredths(tsql_div_round(m.order_count * 100, m.tenure_months + 1)) AS DECIMAL(9,2)) END AS orders_per_month
     FROM clv_measures m`,
    `CREATE TEMP TABLE clv_final AS
     SELECT s.*,
            CASE WHEN s.order_count > 0 THEN CAST(s.avg_order_value * s.orders_per_month * 12 AS DECIMAL(14,2)) END AS predicted_annual_value
     FROM clv_scored s`,
    `INSERT INTO dw.customer_lifetime_value
       (customer_id, customer_code, first_order_date, last_order_date, order_count, units_purchased, net_revenue,
        refunded_amount, net_revenue_after_returns, avg_order_value, tenure_months, orders_per_month,
        predicted_annual_value, value_segment, favourite_store_id, has_valid_email, etl_loaded_at)
     SELECT f.customer_id, f.customer_code, f.first_order_date, f.last_order_date, f.order_count, f.units_purchased,
            f.net_revenue, f.refunded_amount, f.net_revenue - f.refunded_amount, f.avg_order_value, f.tenure_months,
            f.orders_per_month, f.predicted_annual_value,
            coalesce(seg.segment, 'Prospect'),
            fav.store_id,
            -- IIF(LEN(ISNULL(email, '')) > 0 AND email LIKE '%_@_%._%', 1, 0): LEN ignores trailing spaces
            CASE WHEN length(rtrim(coalesce(f.email, ''), ' ')) > 0 AND f.email LIKE '%_@_%._%' THEN TRUE ELSE FALSE END,
            TIMESTAMP '2025-06-22 02:07:58'
     FROM clv_final f
          LEFT JOIN (VALUES ('Platinum', 6000.00::DECIMAL(14,2), NULL::DECIMAL(14,2)),
                            ('Gold',     2500.00, 6000.00),
                            ('Silver',   1000.00, 2500.00),
                            ('Bronze',      0.01, 1000.00)) AS seg(segment, min_value, max_value)
                 ON f.predicted_annual_value >= seg.min_value
                AND (f.predicted_annual_value < seg.max_value OR seg.max_value IS NULL)
          LEFT JOIN clv_favourite fav ON fav.customer_id = f.customer_id`,
  ],
};

const inventorySnapshot: DerivedTable = {
  table: 'dw.inventory_snapshot',
  builtBy: 'etl.usp_build_inventory_snapshot',
  sql: [
    // the cursor walks the month ends from the first to the last order month; the body is set based,
    // so all months at once is the same
    `CREATE TEMP TABLE inv_months AS
     SELECT c.calendar_date AS month_end, c.month_start
     FROM ref.calendar c
     WHERE c.calendar_date = c.month_end
       AND c.calendar_date BETWEEN (SELECT min(order_date) FROM sales.orders)
                               AND (SELECT last_day(max(order_date)) FROM sales.orders)`,
    `INSERT INTO dw.inventory_snapshot
       (snapshot_date, store_id, product_id, units_on_hand, units_received_mtd, units_sold_mtd, units_adjusted_mtd,
        stock_value, days_of_cover, is_negative_stock, etl_loaded_at)
     WITH m AS (
         SELECT me.month_end, sm.store_id, sm.product_id,
                sum(sm.quantity) AS ledger_units,
                -- movement_type = 'RECEIPT' under the collation also matches the backfill's 'Receipt'
                sum(CASE WHEN ci_eq(sm.movement_type, 'RECEIPT') AND sm.movement_date >= me.month_start THEN sm.quantity ELSE 0 END) AS received_mtd,
                sum(CASE WHEN ci_eq(sm.movement_type, 'ADJUST') AND sm.movement_date >= me.month_start THEN sm.quantity ELSE 0 END) AS adjusted_mtd
         FROM inv_months me
              JOIN inventory.stock_movements sm ON sm.movement_date <= me.month_end
         GROUP BY me.month_end, sm.store_id, sm.product_id
     ),
     s AS (
         SELECT me.month_end, o.store_id, ol.product_id,
                sum(ol.quantity) AS sold_to_date,
                sum(CASE WHEN o.order_date >= me.month_start THEN ol.quantity ELSE 0 END) AS sold_mtd
         FROM inv_months me
              JOIN sales.orders o ON o.order_date <= me.month_end
              JOIN sales.order_lines ol ON ol.order_id = o.order_id
         WHERE o.order_status <> 'Cancelled'
         GROUP BY me.month_end, o.store_id, ol.product_id
     ),
     x AS (
         SELECT m.month_end, m.store_id, m.product_id,
                CAST(m.ledger_units - coalesce(s.sold_to_date, 0) AS INTEGER) AS on_hand,
                m.received_mtd, coalesce(s.sold_mtd, 0) AS sold_mtd, m.adjusted_mtd, p.unit_cost
         FROM m
              LEFT JOIN s ON s.month_end = m.month_end AND s.store_id = m.store_id AND s.product_id = m.product_id
              JOIN sales.products p ON p.product_id = m.product_id
     )
     SELECT month_end, store_id, product_id, on_hand, received_mtd, sold_mtd, adjusted_mtd,
            CAST(CASE WHEN on_hand > 0 THEN on_hand * unit_cost ELSE 0 END AS DECIMAL(14,2)),
            CASE WHEN sold_mtd > 0 THEN (on_hand * day(month_end)) // sold_mtd END,   -- int arithmetic, truncated toward zero
            on_hand < 0,
            TIMESTAMP '2025-06-22 04:12:37'
     FROM x`,
  ],
};

/** In the order etl.usp_run_nightly (and the weekly job, for the snapshot) runs them. */
export const DERIVED_TABLES: readonly DerivedTable[] = [
  dimStore,
  dimProduct,
  dailySalesSummary,
  monthlyRevenueByRegion,
  productPerformance,
  storeKpis,
  topProductsPerStore,
  returnsSummary,
  dimCustomer,
  customerChurn,
  customerLifetimeValue,
  inventorySnapshot,
];

/**
 * The hand correction finance make in production (ticket FIN-2291, since 10 June 2025): four
 * Gold customers the retention team won back by phone are taken off the churn list until they
 * order again. A finance analyst runs a saved UPDATE from SSMS every morning after the nightly;
 * no procedure, job or repository holds it, so a faithful rebuild differs on exactly these rows.
 */
export const MANUAL_CORRECTION_SQL: readonly string[] = [
  `CREATE TABLE manual_correction AS
   SELECT ch.customer_id
   FROM dw.customer_churn ch
        JOIN sales.customers c ON c.customer_id = ch.customer_id
   WHERE ch.churn_risk = 'Churned' AND c.loyalty_tier = 'Gold'
   ORDER BY ch.customer_id
   LIMIT 4`,
  `UPDATE dw.customer_churn
   SET churn_flag = FALSE, churn_risk = 'At risk'
   WHERE customer_id IN (SELECT customer_id FROM manual_correction)`,
];
