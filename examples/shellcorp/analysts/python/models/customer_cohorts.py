"""Cohort retention matrix, written back to the warehouse as analytics.customer_cohort_retention.

Power BI reads the table; the script runs every Monday (Task Scheduler on the analytics VM).
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from shellcorp_db import get_connection, get_engine  # noqa: E402

ORDERS_SQL = """
SELECT  o.customer_id,
        o.order_id,
        o.order_date,
        o.store_id
FROM    sales.orders AS o
WHERE   o.customer_id IS NOT NULL
  AND   o.order_status <> 'Cancelled'
"""


def build():
    orders = pd.read_sql(ORDERS_SQL, get_connection(), parse_dates=["order_date"])
    orders["order_month"] = orders["order_date"].dt.to_period("M")
    first = orders.groupby("customer_id")["order_month"].min().rename("cohort_month")
    orders = orders.join(first, on="customer_id")
    orders["months_since_first"] = (orders["order_month"] - orders["cohort_month"]).apply(lambda offset: offset.n)

    active = (
        orders.groupby(["cohort_month", "months_since_first"])["customer_id"].nunique().rename("active_customers").reset_index()
    )
    sizes = active[active["months_since_first"] == 0].set_index("cohort_month")["active_customers"].rename("cohort_size")
    active = active.join(sizes, on="cohort_month")
    active["retention"] = (active["active_customers"] / active["cohort_size"]).round(4)
    active["cohort_month"] = active["cohort_month"].dt.to_timestamp()

    active.to_sql(
        "customer_cohort_retention",
        get_engine(),
        schema="analytics",
        if_exists="replace",
        index=False,
        chunksize=1000,
    )
    return active


if __name__ == "__main__":
    print(build().tail())
