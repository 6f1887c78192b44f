/* Q2 2025 returns by reason, for the loss-prevention review (ticket LP-112).
   Reason codes are a mess in sales.returns: use the summary table, it cleans them. */
select  rs.reason_code,
        sum(rs.return_count)                         as returns,
        sum(rs.units_returned)                       as units,
        sum(rs.refund_amount)                        as refunded,
        cast(100.0 * sum(rs.refund_amount)
             / sum(sum(rs.refund_amount)) over () as decimal(5,1)) as pct_of_refunds
from    dw.returns_summary rs
where   rs.return_month >= '20250401' and rs.return_month < '20250701'
group by rs.reason_code
order by refunded desc;

-- the raw ones, for the appendix
select top 50 r.return_id, r.return_date, r.reason_code, len(r.reason_code) as len_reason, r.refund_amount
from sales.returns r
where r.return_date >= '20250401'
  and (r.reason_code is null or ltrim(rtrim(r.reason_code)) = '')
order by r.return_date desc;
