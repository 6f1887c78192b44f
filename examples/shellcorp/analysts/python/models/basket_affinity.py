"""Which products are bought together: pair counts and lift, for the merchandising team.

Writes output/basket_pairs.csv (for Excel) and output/basket_pairs.parquet (for the notebook).
"""
import itertools
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from shellcorp_db import get_connection  # noqa: E402

MIN_ORDERS = 5

LINES_SQL = """
SELECT ol.order_id, ol.product_id, p.sku, p.category
FROM sales.order_lines ol
JOIN sales.orders o ON o.order_id = ol.order_id
JOIN dw.dim_product p ON p.product_id = ol.product_id
WHERE o.order_status = 'Completed'
  AND o.order_date >= DATEADD(MONTH, -6, GETDATE())
"""


def pairs():
    lines = pd.read_sql(LINES_SQL, get_connection())
    baskets = lines.groupby("order_id")["product_id"].apply(lambda s: sorted(set(s)))
    n_orders = len(baskets)
    single = Counter(p for basket in baskets for p in basket)
    together = Counter(pair for basket in baskets for pair in itertools.combinations(basket, 2))

    rows = []
    for (a, b), both in together.items():
        if both < MIN_ORDERS:
            continue
        lift = (both / n_orders) / ((single[a] / n_orders) * (single[b] / n_orders))
        rows.append({"product_a": a, "product_b": b, "orders_together": both, "lift": round(lift, 3)})
    result = pd.DataFrame(rows).sort_values(["lift", "orders_together"], ascending=False)

    skus = lines.drop_duplicates("product_id").set_index("product_id")["sku"]
    result["sku_a"] = result["product_a"].map(skus)
    result["sku_b"] = result["product_b"].map(skus)

    Path("output").mkdir(exist_ok=True)
    result.to_csv("output/basket_pairs.csv", index=False)
    result.to_parquet("output/basket_pairs.parquet", index=False)
    return result


if __name__ == "__main__":
    print(pairs().head(20))
