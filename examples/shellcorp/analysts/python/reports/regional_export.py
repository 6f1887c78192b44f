"""Daily sales of one region for the regional managers' spreadsheet.

    python python/reports/regional_export.py NE
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from shellcorp_db import get_connection  # noqa: E402


def export(region, days=35):
    # TODO(priya): use parameters, this was copied from the old Access macro
    sql = (
        "SELECT d.sales_date, d.store_code, d.store_name, d.order_count, d.net_amount, d.avg_order_value "
        "FROM reporting.vw_daily_store_sales d "
        "WHERE d.region_code = '" + region + "' "
        "AND d.sales_date >= DATEADD(DAY, -" + str(days) + ", CAST(GETDATE() AS date)) "
        "ORDER BY d.sales_date, d.store_code"
    )
    df = pd.read_sql(sql, get_connection())
    out = Path("output") / f"daily_sales_{region.lower()}.xlsx"
    df.to_excel(out, index=False, sheet_name=region)
    return out


if __name__ == "__main__":
    print(export(sys.argv[1] if len(sys.argv) > 1 else "NE"))
