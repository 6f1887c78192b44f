GRANT SELECT
    ON SCHEMA::[reporting] TO [ReportingReader];


GO
GRANT SELECT
    ON SCHEMA::[dw] TO [ReportingReader];


GO
GRANT EXECUTE
    ON SCHEMA::[reporting] TO [ReportingReader];
GO
