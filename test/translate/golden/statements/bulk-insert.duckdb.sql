COPY shellcorp.gold.DimDate FROM '/Volumes/shellcorp/landing/feeds/dates/DimDate.txt' (FORMAT csv, HEADER false, DELIMITER '	', QUOTE '', SKIP 1);

COPY shellcorp.sales.Orders FROM 'landing/orders.csv' (FORMAT csv, HEADER false, DELIMITER ',', QUOTE '"', ESCAPE '"', SKIP 1);

COPY shellcorp.sales.Returns FROM '\\fileserver\exports\returns.psv' (FORMAT csv, HEADER false, DELIMITER '|', QUOTE '', ENCODING 'UTF-16');

-- [TR_UNSUPPORTED_STATEMENT] BULK INSERT not translated: a format file describes the fields; write the COPY INTO ... FROM (SELECT ...) column mapping by hand
-- BULK INSERT dw.Fact FROM 'D:\feeds\fact.dat' WITH (FORMATFILE = 'D:\feeds\fact.fmt')

-- [TR_UNSUPPORTED_STATEMENT] BULK INSERT not translated: LASTROW has no COPY INTO equivalent
-- BULK INSERT dw.Fact FROM 'D:\feeds\fact.txt' WITH (LASTROW = 100)

-- [TR_UNSUPPORTED_STATEMENT] BULK INSERT into the temporary table #staging not translated: COPY INTO loads Delta tables; load a staging table and read that
-- BULK INSERT #staging FROM 'D:\feeds\fact.txt'

-- [TR_UNSUPPORTED_STATEMENT] BULK INSERT not translated: FIRSTROW = @first is not a number: write the row to start at
-- BULK INSERT dw.Fact FROM 'D:\feeds\fact.txt' WITH (FIRSTROW = @first)

-- statements: 3/7 translated, 0 raw
-- warning TR_SEMANTIC 2:1 BULK INSERT became a load by the target's CSV reader (COPY INTO on Databricks): dates and times must be in ISO form (add dateFormat/timestampFormat otherwise), empty fields load as NULL where BULK INSERT gave columns with a DEFAULT their default, and a malformed row fails the load (BULK INSERT skipped up to MAXERRORS rows, 10 unless set)
-- info TR_HINT_DROPPED 2:78 BULK INSERT option TABLOCK dropped: COPY INTO loads in one transaction and has no such setting
-- warning TR_FILE_LOCATION 5:1 landing/orders.csv is read through the external data source BlobLanding: map BlobLanding to its cloud storage location or volume in translate.files
-- warning TR_SEMANTIC 5:1 BULK INSERT became a load by the target's CSV reader (COPY INTO on Databricks): dates and times must be in ISO form (add dateFormat/timestampFormat otherwise), empty fields load as NULL where BULK INSERT gave columns with a DEFAULT their default, and a malformed row fails the load (BULK INSERT skipped up to MAXERRORS rows, 10 unless set)
-- warning TR_FILE_LOCATION 10:1 \\fileserver\exports\returns.psv is read from the SQL Server's disk or a share: copy the files to a volume or cloud storage and map the path in translate.files
-- warning TR_SEMANTIC 10:1 BULK INSERT became a load by the target's CSV reader (COPY INTO on Databricks): dates and times must be in ISO form (add dateFormat/timestampFormat otherwise), and a malformed row fails the load (BULK INSERT skipped up to MAXERRORS rows, 10 unless set)
-- error TR_UNSUPPORTED_STATEMENT 14:1 BULK INSERT not translated: a format file describes the fields; write the COPY INTO ... FROM (SELECT ...) column mapping by hand
-- error TR_UNSUPPORTED_STATEMENT 15:1 BULK INSERT not translated: LASTROW has no COPY INTO equivalent
-- error TR_UNSUPPORTED_STATEMENT 16:1 BULK INSERT into the temporary table #staging not translated: COPY INTO loads Delta tables; load a staging table and read that
-- error TR_UNSUPPORTED_STATEMENT 17:1 BULK INSERT not translated: FIRSTROW = @first is not a number: write the row to start at
