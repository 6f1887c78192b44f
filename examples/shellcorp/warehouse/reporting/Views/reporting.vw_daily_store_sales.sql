CREATE VIEW [reporting].[vw_daily_store_sales]
AS
-- Daily store sales with store and calendar attributes, the main Power BI table.
-- sales_date_text is for the Excel export (US format, the stores asked for it).
SELECT d.sales_date,
       CONVERT(VARCHAR(10), d.sales_date, 101) AS sales_date_text,
       c.day_name,
       c.fiscal_year,
       c.fiscal_quarter,
       c.is_holiday,
       d.store_id,
       s.store_code,
       s.store_name,
       s.region_code,
       s.region_name,
       s.store_format,
       d.order_count,
       d.guest_order_count,
       d.units_sold,
       d.gross_amount,
       d.discount_amount,
       d.net_amount,
       d.avg_order_value,
       d.online_share_pct
FROM   dw.daily_sales_summary AS d
       INNER JOIN dw.dim_store AS s ON s.store_id = d.store_id
       INNER JOIN ref.calendar AS c ON c.calendar_date = d.sales_date;
GO
