CREATE OR REPLACE PROCEDURE shellcorp.sales.load_orders(
  IN p_batch INT
)
LANGUAGE SQL
SQL SECURITY INVOKER
AS BEGIN
  -- [TR_SESSION_OPTION] SET NOCOUNT ON
  INSERT INTO shellcorp.sales.orders (id, amount, batch)
  SELECT o.id, o.amount, p_batch FROM tv_orders AS o;
END;

BEGIN
  DROP TEMPORARY TABLE IF EXISTS tv_picked;
  CREATE TEMPORARY TABLE tv_picked (
    id INT,
    amount DECIMAL(19,4)
  );
  INSERT INTO tv_picked
  VALUES (1, 10.5);
  DROP TEMPORARY TABLE IF EXISTS tv_orders;
  CREATE TEMPORARY TABLE tv_orders AS
  SELECT * FROM tv_picked;
  CALL shellcorp.sales.load_orders(p_batch => 42);
  -- [TR_UNSUPPORTED_STATEMENT] the table variable @picked is passed by position: pass it by the name of the table-valued parameter (@param = @picked), which names the temporary table the procedure reads
  -- EXEC sales.load_orders @picked, 42
END;

BEGIN
  DECLARE v_typed STRING;
  INSERT INTO tv_typed (id, amount)
  VALUES (1, 2);
END;

-- statements: 8/10 translated, 0 raw
-- warning TR_TABLE_PARAMETER 2:36 @orders is a table-valued parameter (sales.order_list): Databricks procedures take scalar values, so the parameter was removed and the body reads a session temporary table tv_orders, which the caller creates with the columns of sales.order_list and fills before CALL
-- info TR_SESSION_OPTION 5:3 SET NOCOUNT ON dropped
-- info TR_TEMP_TABLE 10:9 table variable @picked became a session temporary table tv_picked, created at the start
-- warning TR_SEMANTIC 12:1 this code's temporary tables (@picked) are session tables in Databricks, which a called procedure shares: one that creates a table of the same name (its own @picked) drops and replaces this one, where in T-SQL each procedure had its own. Check the procedures called here
-- warning TR_TABLE_PARAMETER 12:24 @orders = @picked: the rows are copied into tv_orders, which the called procedure reads in place of its table-valued parameter
-- error TR_UNSUPPORTED_STATEMENT 13:1 the table variable @picked is passed by position: pass it by the name of the table-valued parameter (@param = @picked), which names the temporary table the procedure reads
-- warning TR_TYPE_APPROXIMATED 16:9 sales.order_list is a user-defined or unknown type; it became text
-- error TR_UNSUPPORTED_EXPRESSION 17:13 @typed is used as a table, but its type sales.order_list is a table type whose columns lakeshift does not know: declare it with its columns (DECLARE @typed TABLE (...)) so that it becomes a temporary table
