create or alter view analytics.vw_promo_uplift as
/* Orders with and without a promo code, by month and promo, for the marketing review.
   Uses the operational tables directly because dw has no promo dimension (yet). */
select  datefromparts(year(o.order_date), month(o.order_date), 1)   as order_month,
        isnull(o.promo_code, '(none)')                              as promo_code,
        count(distinct o.order_id)                                  as orders,
        sum(ol.quantity)                                            as units,
        sum(ol.quantity * ol.unit_price)                            as gross,
        sum(ol.quantity * ol.unit_price * isnull(ol.discount_pct, 0)) as discount,
        sum(ol.quantity * ol.unit_price) / count(distinct o.order_id) as gross_per_order
from    sales.orders o
        join sales.order_lines ol on ol.order_id = o.order_id
where   o.order_status = 'Completed'
group by datefromparts(year(o.order_date), month(o.order_date), 1), isnull(o.promo_code, '(none)');
go
