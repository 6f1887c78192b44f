/*
    etl.usp_load_dim_customer

    Type 2 customer dimension, rebuilt from the CRM change feed (sales.customer_changes).

    Tracked attributes (a change in any of them opens a new version):
        loyalty_tier, status, city, state_code, home_store_id
    Type 1 (always the current value): customer_code, full_name, customer_label

    How it works
      1. normalise the feed: tier NULL -> 'Unassigned', status spelled one way;
      2. keep a feed row only if a tracked attribute differs from the previous row of the same
         customer (the CRM writes a row on every save, most saves change nothing we track).
         Comparisons use the database collation, so 'Boston' -> 'BOSTON' is NOT a change;
      3. valid_to = the next version's valid_from, 9999-12-31 for the current version;
      4. MERGE into dw.dim_customer on (customer_id, valid_from), deleting versions whose feed
         rows have gone (GDPR erasure).

    Rebuilding every night from the feed replaced the classic expire-and-insert MERGE in
    November 2023, when the CRM feed went live: the old load compared against sales.customers
    once a night, so two changes on the same day became one version, and a re-run after a
    failed night double-expired rows (INC0051877). The old code is kept below for reference
    until the CRM project signs off.

    Known: state_code is ISNULL(state_code, 'N/A') on a char(2), so a missing state comes out
    as 'N/'. The column was widened to varchar(3) in 2021 but the ISNULL was never fixed, and
    the marketing extracts now filter on 'N/'. Do not "fix" without telling them.

    History
    2018-02-26  PK   created (expire-and-insert MERGE)
    2021-04-14  SR   location, state_code widened
    2023-11-13  JT   rebuilt from the CRM change feed (INC0051877)
*/
CREATE PROCEDURE etl.usp_load_dim_customer
    @run_id UNIQUEIDENTIFIER = NULL
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @proc_name  NVARCHAR(128) = OBJECT_SCHEMA_NAME(@@PROCID) + N'.' + OBJECT_NAME(@@PROCID),
            @run_log_id INT,
            @rows       INT,
            @err_number INT,
            @err_msg    NVARCHAR(4000);

    CREATE TABLE #merge_actions (merge_action NVARCHAR(10) NOT NULL);

    EXEC etl.usp_write_run_log @run_id = @run_id, @procedure_name = @proc_name, @status = 'STARTED',
                               @run_log_id = @run_log_id OUTPUT;

    BEGIN TRY
        -- 1. the feed, normalised
        SELECT ch.change_id,
               ch.customer_id,
               ch.changed_at,
               ISNULL(ch.loyalty_tier, 'Unassigned')                     AS loyalty_tier,
               CASE UPPER(LTRIM(RTRIM(ch.status)))
                    WHEN 'ACTIVE'   THEN 'Active'
                    WHEN 'INACTIVE' THEN 'Inactive'
                    WHEN 'CLOSED'   THEN 'Closed'
                    ELSE 'Unknown'
               END                                                       AS status,
               ch.city,
               ISNULL(ch.state_code, 'N/A')                              AS state_code,
               ch.home_store_id
        INTO   #feed
        FROM   sales.customer_changes AS ch;

        -- 2. versions: rows where something we track changed
        WITH ordered AS (
            SELECT f.*,
                   LAG(f.change_id)     OVER (PARTITION BY f.customer_id ORDER BY f.changed_at, f.change_id) AS prev_change_id,
                   LAG(f.loyalty_tier)  OVER (PARTITION BY f.customer_id ORDER BY f.changed_at, f.change_id) AS prev_loyalty_tier,
                   LAG(f.status)        OVER (PARTITION BY f.customer_id ORDER BY f.changed_at, f.change_id) AS prev_status,
                   LAG(f.city)          OVER (PARTITION BY f.customer_id ORDER BY f.changed_at, f.change_id) AS prev_city,
                   LAG(f.state_code)    OVER (PARTITION BY f.customer_id ORDER BY f.changed_at, f.change_id) AS prev_state_code,
                   LAG(f.home_store_id) OVER (PARTITION BY f.customer_id ORDER BY f.changed_at, f.change_id) AS prev_home_store_id
            FROM   #feed AS f
        )
        SELECT customer_id,
               changed_at AS valid_from,
               loyalty_tier,
               status,
               city,
               state_code,
               home_store_id
        INTO   #versions
        FROM   ordered
        WHERE  prev_change_id IS NULL
           OR  loyalty_tier <> prev_loyalty_tier
           OR  status <> prev_status
           OR  ISNULL(city, N'') <> ISNULL(prev_city, N'')
           OR  state_code <> prev_state_code
           OR  ISNULL(home_store_id, -1) <> ISNULL(prev_home_store_id, -1);

        -- 3. validity ranges, joined to the type 1 attributes
        SELECT v.customer_id,
               c.customer_code,
               c.full_name,
               c.customer_code + ' - ' + c.full_name                                                AS customer_label,
               v.loyalty_tier,
               v.status,
               v.city,
               v.state_code,
               v.city + N', ' + v.state_code                                                         AS location,
               v.home_store_id,
               v.valid_from,
               ISNULL(LEAD(v.valid_from) OVER (PARTITION BY v.customer_id ORDER BY v.valid_from),
                      CONVERT(DATETIME2(3), '9999-12-31'))                                           AS valid_to,
               CASE WHEN LEAD(v.valid_from) OVER (PARTITION BY v.customer_id ORDER BY v.valid_from) IS NULL
                    THEN 1 ELSE 0 END                                                                AS is_current,
               ROW_NUMBER() OVER (PARTITION BY v.customer_id ORDER BY v.valid_from)                  AS version_number
        INTO   #scd
        FROM   #versions AS v
               INNER JOIN sales.customers AS c
                   ON c.customer_id = v.customer_id;

        -- 4. apply
        BEGIN TRANSACTION;

            MERGE dw.dim_customer AS tgt
            USING #scd AS src
               ON tgt.customer_id = src.customer_id
              AND tgt.valid_from  = src.valid_from
            WHEN MATCHED AND (   tgt.valid_to       <> src.valid_to
                              OR tgt.is_current     <> src.is_current
                              OR tgt.version_number <> src.version_number
                              OR tgt.customer_label <> src.customer_label
                              OR tgt.full_name      <> src.full_name) THEN
                UPDATE SET tgt.customer_code  = src.customer_code,
                           tgt.full_name      = src.full_name,
                           tgt.customer_label = src.customer_label,
                           tgt.valid_to       = src.valid_to,
                           tgt.is_current     = src.is_current,
                           tgt.version_number = src.version_number,
                           tgt.etl_loaded_at  = SYSUTCDATETIME()
            WHEN NOT MATCHED BY TARGET THEN
                INSERT (customer_id, customer_code, full_name, customer_label, loyalty_tier, status, city, state_code,
                        location, home_store_id, valid_from, valid_to, is_current, version_number, etl_loaded_at)
                VALUES (src.customer_id, src.customer_code, src.full_name, src.customer_label, src.loyalty_tier,
                        src.status, src.city, src.state_code, src.location, src.home_store_id, src.valid_from,
                        src.valid_to, src.is_current, src.version_number, SYSUTCDATETIME())
            WHEN NOT MATCHED BY SOURCE THEN
                DELETE
            OUTPUT $action INTO #merge_actions (merge_action);

            SELECT @rows = COUNT(*) FROM #merge_actions;

        COMMIT TRANSACTION;

        /* ---- pre-2022 load, kept for reference (INC0051877) --------------------------------
        INSERT INTO dw.dim_customer (customer_id, customer_code, full_name, customer_label, loyalty_tier, status,
                                     city, state_code, location, home_store_id, valid_from, valid_to, is_current,
                                     version_number, etl_loaded_at)
        SELECT customer_id, customer_code, full_name, customer_label, loyalty_tier, status, city, state_code,
               location, home_store_id, GETDATE(), '9999-12-31', 1, 1, GETDATE()
        FROM (
            MERGE dw.dim_customer AS tgt
            USING (SELECT c.customer_id, c.customer_code, c.full_name,
                          c.customer_code + ' - ' + c.full_name AS customer_label,
                          ISNULL(c.loyalty_tier, 'Unassigned') AS loyalty_tier,
                          c.status, c.city, ISNULL(c.state_code, 'N/A') AS state_code,
                          c.city + ', ' + c.state_code AS location, c.home_store_id
                   FROM sales.customers c) AS src
               ON tgt.customer_id = src.customer_id AND tgt.is_current = 1
            WHEN MATCHED AND (tgt.loyalty_tier <> src.loyalty_tier OR tgt.status <> src.status
                              OR ISNULL(tgt.city, '') <> ISNULL(src.city, '')
                              OR ISNULL(tgt.home_store_id, -1) <> ISNULL(src.home_store_id, -1)) THEN
                UPDATE SET tgt.valid_to = GETDATE(), tgt.is_current = 0
            WHEN NOT MATCHED BY TARGET THEN
                INSERT (customer_id, customer_code, full_name, customer_label, loyalty_tier, status, city,
                        state_code, location, home_store_id, valid_from, valid_to, is_current, version_number,
                        etl_loaded_at)
                VALUES (src.customer_id, src.customer_code, src.full_name, src.customer_label, src.loyalty_tier,
                        src.status, src.city, src.state_code, src.location, src.home_store_id, GETDATE(),
                        '9999-12-31', 1, 1, GETDATE())
            OUTPUT $action AS merge_action, src.*
        ) AS changes
        WHERE merge_action = 'UPDATE';
        ------------------------------------------------------------------------------------- */

        EXEC etl.usp_write_run_log @run_id = @run_id, @procedure_name = @proc_name, @status = 'SUCCEEDED',
                                   @row_count = @rows, @run_log_id = @run_log_id OUTPUT;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        SELECT @err_number = ERROR_NUMBER(), @err_msg = ERROR_MESSAGE();
        EXEC etl.usp_write_run_log @run_id = @run_id, @procedure_name = @proc_name, @status = 'FAILED',
                                   @error_number = @err_number, @error_message = @err_msg,
                                   @run_log_id = @run_log_id OUTPUT;
        THROW;
    END CATCH;
END
GO
