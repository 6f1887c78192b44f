SELECT a, b, SUM(c) FROM t GROUP BY a, b HAVING SUM(c) > 10;
SELECT a, b, SUM(c) FROM t GROUP BY ROLLUP (a, b);
SELECT a, b, SUM(c) FROM t GROUP BY CUBE (a, (b, d));
SELECT a, b, SUM(c) FROM t GROUP BY GROUPING SETS ((a, b), a, ());
SELECT a, b, SUM(c), GROUPING(a) FROM t GROUP BY a, b WITH ROLLUP;
SELECT a FROM t GROUP BY ALL a;
SELECT (a + b) * 2 FROM t GROUP BY (a + b) * 2;
