"""Nightly extract of the finance tables to the shared drive (CSV), picked up by the FP&A model.

Scheduled on the analytics VM (Task Scheduler, 06:30).
"""
import sys
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from shellcorp_db import get_connection  # noqa: E402

EXPORT_DIR = Path(r"\\fileserver01\finance\fpa\warehouse_extract")

# table -> the date column to filter on
TABLES = {
    "daily_sales_summary": "sales_date",
    "monthly_revenue_by_region": "month_start",
    "product_performance": "month_start",
    "returns_summary": "return_month",
}


def extract(since):
    conn = get_connection()
    for table, date_column in TABLES.items():
        # table names come from the dict above, not from users
        df = pd.read_sql(f"SELECT * FROM dw.{table} WHERE {date_column} >= ?", conn, params=[since])
        df.to_csv(EXPORT_DIR / f"{table}.csv", index=False, date_format="%Y-%m-%d")
        print(f"{table}: {len(df)} rows")

    # the region totals finance reconcile against the GL (period_label is 'yyyy-mm')
    totals = pd.read_sql(
        """
        SELECT  period_label, northeast, southeast, midwest, west, total
        FROM    reporting.vw_region_month_pivot
        WHERE   period_label >= ?
        ORDER BY period_label
        """,
        conn,
        params=[since.strftime("%Y-%m")],
    )
    totals.to_csv(EXPORT_DIR / "region_totals.csv", index=False)


if __name__ == "__main__":
    extract(date.today().replace(day=1) - timedelta(days=400))
