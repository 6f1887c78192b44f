CREATE OR REPLACE VIEW shellcorp.gold.v_open_stores (store_id, store_name) AS
SELECT s.store_id, s.store_name FROM shellcorp.gold.dim_store AS s WHERE s.is_open = 1;

CREATE OR REPLACE VIEW shellcorp.gold.v_store_names AS
SELECT store_name FROM shellcorp.gold.dim_store;

-- statements: 2/2 translated, 0 raw
-- info TR_HINT_DROPPED 1:1 view option SCHEMABINDING dropped
-- warning TR_SEMANTIC 1:1 WITH CHECK OPTION dropped: Databricks views cannot be written through, so nothing is checked
