-- Negative stock at the last month end, with the last receipt we know of.
-- WMS team want it as a CSV: Results to File in SSMS, then mail it.
WITH last_receipt AS (
    SELECT sm.store_id, sm.product_id, MAX(sm.movement_date) AS last_receipt_date
    FROM inventory.stock_movements sm
    WHERE sm.movement_type = 'RECEIPT'          -- also matches the old 'Receipt' rows (CI collation)
    GROUP BY sm.store_id, sm.product_id
)
SELECT i.snapshot_date,
       s.store_code,
       p.sku,
       p.product_name,
       i.units_on_hand,
       i.units_sold_mtd,
       lr.last_receipt_date,
       CONVERT(varchar(10), lr.last_receipt_date, 101) AS last_receipt_us
FROM dw.inventory_snapshot i
     JOIN dw.dim_store s ON s.store_id = i.store_id
     JOIN dw.dim_product p ON p.product_id = i.product_id
     LEFT JOIN last_receipt lr ON lr.store_id = i.store_id AND lr.product_id = i.product_id
WHERE i.snapshot_date = EOMONTH(GETDATE(), -1)
  AND i.units_on_hand < 0
ORDER BY i.units_on_hand;
