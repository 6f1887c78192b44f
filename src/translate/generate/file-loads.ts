import type { BulkInsertStatement, OptionItem } from '../../tsql/index.js';
import type { TranslationContext } from '../context.js';
import type { ScriptNode } from '../script-ir.js';
import type { StatementWriter } from './statements.js';
import { isTemporaryName } from './temp-tables.js';

/**
 * BULK INSERT table FROM 'file' WITH (...): the file is loaded with COPY INTO ... BY POSITION
 * on Databricks (fields matched to the table's columns in order, as BULK INSERT matches them)
 * and with COPY ... FROM on DuckDB.
 *
 * BULK INSERT reads its file from the SQL Server's disk, a share or a DATA_SOURCE; the lakehouse
 * reads it from a volume or cloud storage. translate.files maps path prefixes (and DATA_SOURCE
 * names) to those locations; an unmapped path is kept, with a warning.
 *
 * Its defaults, from the SQL Server documentation: fields end with a tab and rows with a
 * newline; FORMAT = 'CSV' (SQL Server 2017 and later) reads RFC 4180 files, whose fields end
 * with a comma and may be quoted with ". Without FORMAT = 'CSV' a quote is an ordinary
 * character. FIRSTROW skips the rows before it (a header row, usually). Empty fields load as
 * NULL only with KEEPNULLS; otherwise a column's default fills them.
 *
 * COPY INTO skips files it has loaded before; BULK INSERT loads a file each time it runs, so
 * 'force' is set.
 */
export function bulkInsert(node: BulkInsertStatement, w: StatementWriter): ScriptNode[] {
  const ctx = w.ctx;
  const options = new Map<string, OptionItem>(node.options.map((option) => [option.name, option]));
  const text = (name: string) => optionText(options.get(name));
  const problem = unsupportedOption(node, options);
  if (problem !== undefined) return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', `BULK INSERT not translated: ${problem}`);
  if (isTemporaryName(node.table)) {
    return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', `BULK INSERT into the temporary table ${node.table.parts.join('.')} not translated: COPY INTO loads Delta tables; load a staging table and read that`);
  }
  const file = node.file.kind === 'literal' && node.file.type !== 'null' ? String(node.file.value) : undefined;
  if (file === undefined) return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', 'BULK INSERT from a file name that is not a literal: build the COPY INTO statement with EXECUTE IMMEDIATE');

  const csv = text('FORMAT')?.toUpperCase() === 'CSV';
  const separator = terminator(text('FIELDTERMINATOR')) ?? (csv ? ',' : '\t');
  const rowEnd = terminator(text('ROWTERMINATOR'));
  const firstRow = Number(text('FIRSTROW') ?? '1');
  const quote = csv ? (text('FIELDQUOTE') ?? '"') : '';
  const encoding = fileEncoding(text('CODEPAGE'), text('DATAFILETYPE'));
  const location = fileLocation(ctx, file, text('DATA_SOURCE'), node);

  for (const name of DROPPED_OPTIONS) {
    const option = options.get(name);
    if (option !== undefined) ctx.report('TR_HINT_DROPPED', option, `BULK INSERT option ${name} dropped: COPY INTO loads in one transaction and has no such setting`);
  }
  ctx.report(
    'TR_SEMANTIC',
    node,
    `BULK INSERT became a load by the target's CSV reader (COPY INTO on Databricks): dates and times must be in ISO form (add dateFormat/timestampFormat otherwise), ${
      options.has('KEEPNULLS') ? '' : 'empty fields load as NULL where BULK INSERT gave columns with a DEFAULT their default, '
    }and a malformed row fails the load (BULK INSERT skipped up to MAXERRORS rows, 10 unless set)`,
  );

  const table = ctx.objectName(node.table);
  // Databricks reads escapes in string literals: control characters are written as \t, \n, \r.
  const literal = (value: string) =>
    ctx.target === 'databricks' ? ctx.dialect.stringLiteral(value).replace(/[\t\n\r\0]/g, (character) => CONTROL_ESCAPES[character]!) : ctx.dialect.stringLiteral(value);
  if (ctx.target === 'duckdb') {
    const settings = [`FORMAT csv`, `HEADER false`, `DELIMITER ${literal(separator)}`, `QUOTE ${literal(quote)}`];
    if (csv) settings.push(`ESCAPE ${literal(quote)}`);
    if (firstRow > 1) settings.push(`SKIP ${firstRow - 1}`);
    if (rowEnd !== undefined && !isNewline(rowEnd)) settings.push(`NEW_LINE ${literal(rowEnd)}`);
    if (encoding !== undefined && encoding !== 'UTF-8') settings.push(`ENCODING ${literal(encoding)}`);
    return [w.sql(node, `COPY ${table} FROM ${literal(location)} (${settings.join(', ')})`)];
  }
  const formatOptions: [string, string][] = [
    ['header', 'false'],
    ['sep', separator],
    // An empty quote turns quoting off in the Spark CSV reader; RFC 4180 doubles a quote inside a quoted field.
    ['quote', quote],
    ...(csv ? ([['escape', quote]] as [string, string][]) : []),
    ...(firstRow > 1 ? ([['skipRows', String(firstRow - 1)]] as [string, string][]) : []),
    ...(rowEnd !== undefined && !isNewline(rowEnd) ? ([['lineSep', rowEnd]] as [string, string][]) : []),
    ...(encoding === undefined ? [] : ([['encoding', encoding]] as [string, string][])),
    ['mode', 'FAILFAST'],
  ];
  const pairs = (entries: readonly [string, string][]) => entries.map(([key, value]) => `${literal(key)} = ${literal(value)}`).join(', ');
  return [
    w.sql(
      node,
      `COPY INTO ${table} BY POSITION\nFROM ${literal(location)}\nFILEFORMAT = CSV\nFORMAT_OPTIONS (${pairs(formatOptions)})\nCOPY_OPTIONS (${pairs([['force', 'true']])})`,
    ),
  ];
}

/** Options the load reproduces. */
const TRANSLATED_OPTIONS = new Set(['FORMAT', 'FIELDTERMINATOR', 'ROWTERMINATOR', 'FIRSTROW', 'FIELDQUOTE', 'CODEPAGE', 'DATAFILETYPE', 'DATA_SOURCE', 'KEEPNULLS', 'MAXERRORS']);
/** Options about how SQL Server loads (locks, batches, triggers, error files): dropped with an info diagnostic. */
const DROPPED_OPTIONS = new Set(['TABLOCK', 'BATCHSIZE', 'ROWS_PER_BATCH', 'KILOBYTES_PER_BATCH', 'ORDER', 'FIRE_TRIGGERS', 'CHECK_CONSTRAINTS', 'ERRORFILE', 'ERRORFILE_DATA_SOURCE', 'KEEPIDENTITY']);

const CONTROL_ESCAPES: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\u0000' };

/** An option's value as written: quotes and an N prefix removed. */
function optionText(option: OptionItem | undefined): string | undefined {
  const value = option?.value?.trim();
  if (value === undefined) return undefined;
  const quoted = /^N?'((?:[^']|'')*)'$/is.exec(value);
  return quoted === null ? value : quoted[1]!.replace(/''/g, "'");
}

/** What keeps the statement from translating: an option COPY INTO cannot reproduce. */
function unsupportedOption(node: BulkInsertStatement, options: ReadonlyMap<string, OptionItem>): string | undefined {
  if (options.has('FORMATFILE')) return 'a format file describes the fields; write the COPY INTO ... FROM (SELECT ...) column mapping by hand';
  if (options.has('LASTROW')) return 'LASTROW has no COPY INTO equivalent';
  const dataFileType = optionText(options.get('DATAFILETYPE'))?.toLowerCase();
  if (dataFileType === 'native' || dataFileType === 'widenative') return `DATAFILETYPE = '${dataFileType}' is SQL Server's binary format; export the data as CSV or Parquet`;
  const rowEnd = terminator(optionText(options.get('ROWTERMINATOR')));
  if (rowEnd !== undefined && !isNewline(rowEnd) && [...rowEnd].length !== 1) return `rows end with ${JSON.stringify(rowEnd)}: the CSV reader takes a one-character line separator`;
  const format = optionText(options.get('FORMAT'))?.toUpperCase();
  if (format !== undefined && format !== 'CSV') return `FORMAT = '${format}'`;
  const firstRow = optionText(options.get('FIRSTROW'));
  if (firstRow !== undefined && !/^\d+$/.test(firstRow)) return `FIRSTROW = ${firstRow} is not a number: write the row to start at`;
  const other = node.options.find((option) => !TRANSLATED_OPTIONS.has(option.name) && !DROPPED_OPTIONS.has(option.name));
  return other === undefined ? undefined : `option ${other.name} has no COPY INTO equivalent`;
}

/** A field or row terminator with its escapes (\t, \n, \r, \0, 0x hex) read. */
function terminator(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (/^0x[0-9a-f]+$/i.test(value)) {
    const hex = value.slice(2);
    return String.fromCharCode(...(hex.match(/../g) ?? []).map((pair) => parseInt(pair, 16)));
  }
  return value.replace(/\\([tnr0\\])/g, (_, letter: string) => ({ t: '\t', n: '\n', r: '\r', '0': '\0', '\\': '\\' })[letter]!);
}

/** \n and \r\n: the CSV reader finds either on its own. */
function isNewline(value: string): boolean {
  return value === '\n' || value === '\r\n' || value === '\r';
}

/** The file's encoding from CODEPAGE or DATAFILETYPE = 'widechar' (UTF-16); undefined: the reader's default, UTF-8. */
function fileEncoding(codePage: string | undefined, dataFileType: string | undefined): string | undefined {
  if (dataFileType?.toLowerCase() === 'widechar') return 'UTF-16';
  if (codePage === undefined) return undefined;
  switch (codePage.toUpperCase()) {
    case 'RAW':
    case 'OEM':
      return undefined;
    case '65001':
      return 'UTF-8';
    case 'ACP':
    case '1252':
      return 'windows-1252';
    default:
      return /^\d+$/.test(codePage) ? `windows-${codePage}` : undefined;
  }
}

/**
 * Where the lakehouse reads the file: translate.files maps a DATA_SOURCE name, or the longest
 * matching path prefix (case-insensitively, \ and / alike), to a volume or cloud location.
 */
function fileLocation(ctx: TranslationContext, file: string, dataSource: string | undefined, node: BulkInsertStatement): string {
  const mappings = Object.entries(ctx.options.files ?? {});
  const join = (base: string, rest: string) => (rest === '' ? base : `${base.replace(/\/+$/, '')}/${rest.replace(/\\/g, '/').replace(/^\/+/, '')}`);
  if (dataSource !== undefined) {
    const mapped = mappings.find(([key]) => key.toLowerCase() === dataSource.toLowerCase());
    if (mapped !== undefined) return join(mapped[1], file);
    ctx.report('TR_FILE_LOCATION', node, `${file} is read through the external data source ${dataSource}: map ${dataSource} to its cloud storage location or volume in translate.files`);
    return file;
  }
  const normal = (path: string) => path.replace(/\\/g, '/').toLowerCase();
  const prefix = mappings
    .filter(([key]) => normal(file).startsWith(normal(key)))
    .sort((a, b) => b[0].length - a[0].length)[0];
  if (prefix !== undefined) return join(prefix[1], file.slice(prefix[0].length));
  ctx.report('TR_FILE_LOCATION', node, `${file} is read from the SQL Server's disk or a share: copy the files to a volume or cloud storage and map the path in translate.files`);
  return file;
}
