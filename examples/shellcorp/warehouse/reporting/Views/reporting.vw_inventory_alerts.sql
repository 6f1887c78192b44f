CREATE VIEW reporting.vw_inventory_alerts AS
-- Negative stock and low cover at the latest month end. The WMS team works through the
-- negative ones first (usually a receipt keyed against the wrong store).
SELECT  i.snapshot_date,
        i.store_id,
        ds.store_code,
        i.product_id,
        dp.sku,
        dp.product_name,
        i.units_on_hand,
        i.units_sold_mtd,
        i.days_of_cover,
        case
            when i.is_negative_stock = 1 then 'NEGATIVE STOCK'
            when i.days_of_cover < 7     then 'LOW COVER'
            else 'OK'
        end                                        as alert,
        'Store ' + ds.store_code + ': ' + dp.sku + ' has ' + CAST(i.units_on_hand AS varchar(12)) + ' on hand' as alert_text
FROM    dw.inventory_snapshot i
        join dw.dim_store ds   on ds.store_id = i.store_id
        join dw.dim_product dp on dp.product_id = i.product_id
WHERE   i.snapshot_date = (SELECT MAX(snapshot_date) FROM dw.inventory_snapshot)
  AND   (i.is_negative_stock = 1 OR i.days_of_cover < 7);
GO
