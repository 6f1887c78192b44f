/**
 * SQL Server's reserved keywords: they can only be used as names when delimited ([Key],
 * "Order"), so an unquoted one is never an alias or a column.
 */
export const RESERVED_KEYWORDS: ReadonlySet<string> = new Set(
  `ADD ALL ALTER AND ANY AS ASC AUTHORIZATION BACKUP BEGIN BETWEEN BREAK BROWSE BULK BY CASCADE CASE
  CHECK CHECKPOINT CLOSE CLUSTERED COALESCE COLLATE COLUMN COMMIT COMPUTE CONSTRAINT CONTAINS
  CONTAINSTABLE CONTINUE CONVERT CREATE CROSS CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP
  CURRENT_USER CURSOR DATABASE DBCC DEALLOCATE DECLARE DEFAULT DELETE DENY DESC DISK DISTINCT
  DISTRIBUTED DOUBLE DROP DUMP ELSE END ERRLVL ESCAPE EXCEPT EXEC EXECUTE EXISTS EXIT EXTERNAL FETCH
  FILE FILLFACTOR FOR FOREIGN FREETEXT FREETEXTTABLE FROM FULL FUNCTION GOTO GRANT GROUP HAVING
  HOLDLOCK IDENTITY IDENTITY_INSERT IDENTITYCOL IF IN INDEX INNER INSERT INTERSECT INTO IS JOIN KEY
  KILL LEFT LIKE LINENO LOAD MERGE NATIONAL NOCHECK NONCLUSTERED NOT NULL NULLIF OF OFF OFFSETS ON
  OPEN OPENDATASOURCE OPENQUERY OPENROWSET OPENXML OPTION OR ORDER OUTER OVER PERCENT PIVOT PLAN
  PRECISION PRIMARY PRINT PROC PROCEDURE PUBLIC RAISERROR READ READTEXT RECONFIGURE REFERENCES
  REPLICATION RESTORE RESTRICT RETURN REVERT REVOKE RIGHT ROLLBACK ROWCOUNT ROWGUIDCOL RULE SAVE
  SCHEMA SECURITYAUDIT SELECT SEMANTICKEYPHRASETABLE SEMANTICSIMILARITYDETAILSTABLE
  SEMANTICSIMILARITYTABLE SESSION_USER SET SETUSER SHUTDOWN SOME STATISTICS SYSTEM_USER TABLE
  TABLESAMPLE TEXTSIZE THEN TO TOP TRAN TRANSACTION TRIGGER TRUNCATE TRY_CONVERT TSEQUAL UNION
  UNIQUE UNPIVOT UPDATE UPDATETEXT USE USER VALUES VARYING VIEW WAITFOR WHEN WHERE WHILE WITH
  WITHIN WRITETEXT`.split(/\s+/),
);

/**
 * Words that begin a statement. T-SQL needs no statement terminator, so these are where one
 * statement ends and the next begins; THROW and the others that are not reserved are included
 * because code written without semicolons relies on them too.
 */
export const STATEMENT_KEYWORDS: ReadonlySet<string> = new Set(
  `SELECT INSERT UPDATE DELETE MERGE CREATE ALTER DROP DECLARE SET IF ELSE WHILE BEGIN END BREAK
  CONTINUE RETURN GOTO EXEC EXECUTE COMMIT ROLLBACK SAVE RAISERROR THROW PRINT WAITFOR OPEN FETCH
  CLOSE DEALLOCATE USE GRANT DENY REVOKE TRUNCATE DBCC BACKUP RESTORE BULK CHECKPOINT KILL
  RECONFIGURE SHUTDOWN REVERT SETUSER READTEXT WRITETEXT UPDATETEXT`.split(/\s+/),
);

/** Non-reserved words that cannot be a table alias because a clause or statement follows. */
export const NOT_TABLE_ALIASES: ReadonlySet<string> = new Set(['OUTPUT', 'USING', 'THROW', 'WINDOW']);

/** Non-reserved words that cannot be a column alias. */
export const NOT_COLUMN_ALIASES: ReadonlySet<string> = new Set(['THROW', 'WINDOW']);

/** Functions called without parentheses. */
export const NILADIC_FUNCTIONS: ReadonlySet<string> = new Set([
  'CURRENT_TIMESTAMP',
  'CURRENT_USER',
  'SESSION_USER',
  'SYSTEM_USER',
  'USER',
  'CURRENT_DATE',
]);

/** Reserved words that are also function names when followed by `(`. */
export const RESERVED_FUNCTION_NAMES: ReadonlySet<string> = new Set([
  'LEFT',
  'RIGHT',
  'COALESCE',
  'NULLIF',
  'CONTAINS',
  'FREETEXT',
  'IDENTITY',
  'UPDATE', // UPDATE(column) in triggers
  'USER',
  'CURRENT_USER',
  'SESSION_USER',
  'SYSTEM_USER',
  'FILE',
  'OPENQUERY',
  'OPENROWSET',
  'OPENDATASOURCE',
  'OPENXML',
  'CONTAINSTABLE',
  'FREETEXTTABLE',
  'SEMANTICKEYPHRASETABLE',
  'SEMANTICSIMILARITYTABLE',
  'SEMANTICSIMILARITYDETAILSTABLE',
]);

/** xml data type methods; T-SQL spells them in lower case only. */
export const XML_METHODS: ReadonlySet<string> = new Set(['value', 'nodes', 'query', 'exist', 'modify']);

/**
 * Methods of the CLR types hierarchyid, geometry and geography. `x.GetLevel()` could also be a
 * function GetLevel in schema x; without a catalog the method reading is the likely one for
 * these names (and for the OGC ST* methods), so they become method calls on a column.
 */
const CLR_METHODS: ReadonlySet<string> = new Set(
  `GetAncestor GetDescendant GetLevel GetReparentedValue IsDescendantOf ToString Reduce BufferWithTolerance
  BufferWithCurves CurveToLineWithTolerance EnvelopeAngle EnvelopeCenter Filter HasM HasZ InstanceOf IsNull
  IsValidDetailed MakeValid MinDbCompatibilityLevel NumRings ReorientObject RingN ShortestLineTo AsGml
  AsTextZM`.split(/\s+/),
);

export function isClrMethodName(name: string): boolean {
  return CLR_METHODS.has(name) || /^ST[A-Z][A-Za-z]*$/.test(name);
}
