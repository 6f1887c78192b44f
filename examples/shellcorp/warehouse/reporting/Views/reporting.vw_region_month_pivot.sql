CREATE VIEW [reporting].[vw_region_month_pivot]
AS
-- Net sales by fiscal period (rows) and region (columns), the shape finance pastes into
-- the board pack. Regions are hard-coded: add a column when a region is added.
SELECT period_label,
       [NE] AS northeast,
       [SE] AS southeast,
       [MW] AS midwest,
       [WE] AS west,
       ISNULL([NE], 0) + ISNULL([SE], 0) + ISNULL([MW], 0) + ISNULL([WE], 0) AS total
FROM (
    SELECT CONVERT(CHAR(7), m.month_start, 120) AS period_label,
           m.region_code,
           m.net_amount
    FROM   dw.monthly_revenue_by_region AS m
) AS src
PIVOT (SUM(net_amount) FOR region_code IN ([NE], [SE], [MW], [WE])) AS p;
GO
