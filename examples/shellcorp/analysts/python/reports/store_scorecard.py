"""Monthly store scorecard: one sheet per region, for the ops review.

    python python/reports/store_scorecard.py 2025-05-01
"""
import sys
from datetime import date

import openpyxl

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
from shellcorp_db import get_connection  # noqa: E402


def main(month_start):
    conn = get_connection()
    cursor = conn.cursor()
    cursor.execute(
        """
        SELECT  s.region_name,
                s.store_code,
                s.store_name,
                k.order_count,
                k.net_amount,
                k.sales_per_sqft,
                k.avg_basket_units,
                k.return_rate_pct,
                k.region_rank,
                CASE WHEN k.is_new_store = 1 THEN 'new' ELSE '' END AS flag
        FROM    dw.store_kpis k
                JOIN dw.dim_store s ON s.store_id = k.store_id
        WHERE   k.month_start = ?
        ORDER BY s.region_name, k.region_rank
        """,
        month_start,
    )
    rows = cursor.fetchall()

    # targets are kept by finance in a table the analysts can read
    cursor.execute("SELECT store_code, net_target FROM finance.store_targets WHERE month_start = ?", month_start)
    targets = {code.strip(): target for code, target in cursor.fetchall()}

    book = openpyxl.Workbook()
    book.remove(book.active)
    for row in rows:
        region = row.region_name
        sheet = book[region] if region in book.sheetnames else book.create_sheet(region)
        if sheet.max_row == 1:
            sheet.append(["Store", "Name", "Orders", "Net", "Target", "Per sq ft", "Basket", "Returns %", "Rank", ""])
        sheet.append([
            row.store_code, row.store_name, row.order_count, float(row.net_amount),
            targets.get(row.store_code.strip()), float(row.sales_per_sqft), float(row.avg_basket_units or 0),
            row.return_rate_pct, row.region_rank, row.flag,
        ])
    book.save(f"output/store_scorecard_{month_start:%Y_%m}.xlsx")


if __name__ == "__main__":
    main(date.fromisoformat(sys.argv[1]) if len(sys.argv) > 1 else date.today().replace(day=1))
