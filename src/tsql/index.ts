/**
 * The T-SQL front end: a lossless tokenizer, the GO batch splitter, a recursive-descent parser
 * producing a readonly syntax tree, reference extraction and parse coverage.
 */
export type * from './ast.js';
export { STATEMENT_KINDS, isStatement } from './ast.js';
export { dumpAst } from './dump-ast.js';
export { splitBatches } from './split-batches.js';
export type { Batch, BatchSeparator } from './split-batches.js';
export { analyzeTsqlFile, analyzeTsqlFiles, countStatements } from './coverage.js';
export type { CoverageDiagnostic, StatementCounts, TsqlCoverageReport, TsqlFileCoverage } from './coverage.js';
export { decodeSqlText } from './decode-sql-text.js';
export type { DecodedSqlText, SqlTextEncoding } from './decode-sql-text.js';
export { TsqlDiagnosticCode } from './diagnostics.js';
export type { TsqlDiagnostic, TsqlSeverity } from './diagnostics.js';
export { LineIndex } from './line-index.js';
export type { SourcePosition, Span } from './line-index.js';
export { parseTsql, parseTsqlStatements } from './parser/parse-tsql.js';
export type { TsqlParseResult, TsqlStatementsParse } from './parser/parse-tsql.js';
export { collectReferences, statementReferences } from './collect-references.js';
export type { ObjectReference, TemporaryTableAccess, TemporaryTableReference, TsqlReferences } from './collect-references.js';
export { isTrivia } from './token.js';
export type { Token, TokenKind } from './token.js';
export { significantTokens, tokenize } from './tokenize.js';
export { childrenOf, forEachChild, walkAst } from './walk-ast.js';
