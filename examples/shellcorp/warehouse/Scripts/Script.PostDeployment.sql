/*
    Post-deployment script of ShellCorp.Warehouse.

    Runs after every publish (sqlpackage /Action:Publish, or Publish from Visual Studio).
    Everything in here must be safe to run again: MERGE, never plain INSERT.
    Reference data owned by the project lives here; the calendar does not (finance import).
*/

PRINT N'Post-deployment: ref.regions';

MERGE ref.regions AS tgt
USING (VALUES (1, 'NE', N'Northeast', 'US', N'Dana Whitfield', 1),
              (2, 'SE', N'Southeast', 'US', N'Marcus Bell',    1),
              (3, 'MW', N'Midwest',   'US', N'Ingrid Olsen',   1),
              (4, 'WE', N'West',      'US', NULL,              1))
       AS src (region_id, region_code, region_name, country_code, regional_manager, is_active)
   ON tgt.region_id = src.region_id
WHEN MATCHED THEN
    UPDATE SET tgt.region_code = src.region_code,
               tgt.region_name = src.region_name,
               tgt.country_code = src.country_code,
               tgt.regional_manager = src.regional_manager,
               tgt.is_active = src.is_active
WHEN NOT MATCHED BY TARGET THEN
    INSERT (region_id, region_code, region_name, country_code, regional_manager, is_active)
    VALUES (src.region_id, src.region_code, src.region_name, src.country_code, src.regional_manager, src.is_active);
GO

PRINT N'Post-deployment: etl.purge_policy';

MERGE etl.purge_policy AS tgt
USING (VALUES (1, N'etl', N'run_log',          N'started_at',  400,  'DELETE',   1, N'Keep 13 months for the audit'),
              (2, N'etl', N'stg_order_import', N'imported_at', 35,   'DELETE',   1, NULL),
              (3, N'etl', N'stg_order_import', NULL,           NULL, 'TRUNCATE', 0, N'Emergency reset only. Leave disabled.'))
       AS src (policy_id, schema_name, table_name, date_column, retention_days, purge_mode, is_enabled, notes)
   ON tgt.policy_id = src.policy_id
WHEN NOT MATCHED BY TARGET THEN
    INSERT (policy_id, schema_name, table_name, date_column, retention_days, purge_mode, is_enabled, notes)
    VALUES (src.policy_id, src.schema_name, src.table_name, src.date_column, src.retention_days, src.purge_mode,
            src.is_enabled, src.notes);
-- existing policies are left alone on purpose: the DBAs tune retention_days in production
GO
