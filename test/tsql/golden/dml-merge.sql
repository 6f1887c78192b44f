MERGE Dimension.City AS target
USING (SELECT id, name FROM Integration.City_Staging) AS source (id, name)
ON target.id = source.id
WHEN MATCHED AND target.name <> source.name THEN
    UPDATE SET target.name = source.name
WHEN NOT MATCHED BY TARGET THEN
    INSERT (id, name) VALUES (source.id, source.name)
WHEN NOT MATCHED BY SOURCE AND target.active = 1 THEN
    DELETE
OUTPUT $action, inserted.id, deleted.id INTO #changes;

MERGE INTO dbo.T WITH (HOLDLOCK) t
USING @rows s ON t.k = s.k
WHEN NOT MATCHED THEN INSERT DEFAULT VALUES;
