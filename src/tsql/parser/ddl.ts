import type {
  AlterIndexStatement,
  AlterTableAction,
  AlterTableStatement,
  ColumnDefinition,
  Constraint,
  ConstraintType,
  CreateFunctionStatement,
  CreateIndexStatement,
  CreateMode,
  CreateProcedureStatement,
  CreateSchemaStatement,
  CreateSequenceStatement,
  CreateSynonymStatement,
  CreateTableStatement,
  CreateTriggerStatement,
  CreateTypeStatement,
  CreateViewStatement,
  DataType,
  DropStatement,
  DropTableElement,
  Expression,
  IdentitySpec,
  IndexColumn,
  ObjectName,
  OptionItem,
  OtherDdlStatement,
  Parameter,
  PermissionStatement,
  Query,
  ReturnStatement,
  Statement,
  StatisticsStatement,
  TableElement,
  TableIndex,
} from '../ast.js';
import { parseExpression, queryAhead } from './expressions.js';
import {
  identifierValue,
  isIdentifier,
  statementAhead,
  isStringToken,
  parseDataType,
  parseIdentifier,
  parseNameList,
  parseObjectName,
  parseOptionItem,
  parseOptionList,
  skipBalanced,
  skipStatementRest,
  stringValue,
} from './names.js';
import { parseQuery } from './queries.js';
import { parseStatementList } from './statements.js';
import type { TokenStream } from './token-stream.js';

// ---------------------------------------------------------------------------------------------
// Table elements: columns, constraints, indexes (CREATE TABLE, table variables, table types)
// ---------------------------------------------------------------------------------------------

/** ( element, element, ... ) */
export function parseTableElements(p: TokenStream): TableElement[] {
  p.expectP('(');
  const elements: TableElement[] = [];
  do {
    if (p.isP(')')) break; // a trailing comma, which SQL Server tolerates in table definitions
    elements.push(parseTableElement(p));
  } while (p.acceptP(','));
  p.expectP(')');
  return elements;
}

function isConstraintStart(p: TokenStream): boolean {
  const kw = p.kw;
  return (
    kw === 'CONSTRAINT' ||
    (kw === 'PRIMARY' && p.peekKw() === 'KEY') ||
    kw === 'UNIQUE' ||
    (kw === 'FOREIGN' && p.peekKw() === 'KEY') ||
    kw === 'CHECK' ||
    kw === 'REFERENCES'
  );
}

function parseTableElement(p: TokenStream): TableElement {
  const start = p.start;
  if (isConstraintStart(p) || (p.is('DEFAULT') && !p.peekIsP(1, '='))) return parseConstraint(p, true);
  if (p.is('INDEX')) return parseTableIndex(p);
  if (p.is('PERIOD') && p.peekKw() === 'FOR') {
    p.pos += 2;
    p.expect('SYSTEM_TIME');
    p.expectP('(');
    const startColumn = parseIdentifier(p, 'a column name');
    p.expectP(',');
    const endColumn = parseIdentifier(p, 'a column name');
    p.expectP(')');
    return { kind: 'period-for-system-time', startColumn, endColumn, start, end: p.endFrom(start) };
  }
  return parseColumnDefinition(p);
}

/** (col [ASC|DESC], ...) */
function parseIndexColumns(p: TokenStream): IndexColumn[] {
  p.expectP('(');
  const columns: IndexColumn[] = [];
  do {
    const start = p.start;
    const name = parseIdentifier(p, 'a column name');
    if (p.is('ASC') || p.is('DESC')) {
      const direction = p.next().keyword as 'ASC' | 'DESC';
      columns.push({ kind: 'index-column', name, direction, start, end: p.endFrom(start) });
    } else {
      columns.push({ kind: 'index-column', name, start, end: p.endFrom(start) });
    }
  } while (p.acceptP(','));
  p.expectP(')');
  return columns;
}

/** ON filegroup | ON partition_scheme(column) | ON "default": the name, and the column in parentheses. */
function parseOnStorage(p: TokenStream): string {
  p.expect('ON');
  const token = p.next();
  if (!isIdentifier(token, true) && !isStringToken(token)) p.fail('expected a filegroup');
  const name = isStringToken(token) ? stringValue(token) : identifierValue(token);
  if (p.isP('(')) {
    const columns = parseNameList(p);
    return `${name}(${columns.join(', ')})`;
  }
  return name;
}

/** WITH (options) or the old WITH FILLFACTOR = n form. */
function parseWithOptions(p: TokenStream): OptionItem[] {
  p.expect('WITH');
  if (p.isP('(')) return parseOptionList(p);
  const items: OptionItem[] = [];
  do {
    items.push(parseOptionItem(p, false));
  } while (p.acceptP(','));
  return items;
}

/** A table or column constraint, with CONSTRAINT name when given. */
function parseConstraint(p: TokenStream, tableLevel: boolean, nameGiven?: { name: string; start: number }): Constraint {
  const start = nameGiven?.start ?? p.start;
  let name = nameGiven?.name;
  if (p.accept('CONSTRAINT')) name = parseIdentifier(p, 'a constraint name');
  let type: ConstraintType;
  let clustered: 'CLUSTERED' | 'NONCLUSTERED' | undefined;
  let columns: IndexColumn[] = [];
  let references: ObjectName | undefined;
  let referencedColumns: string[] = [];
  let onDelete: string | undefined;
  let onUpdate: string | undefined;
  let expression: Expression | undefined;
  let forColumn: string | undefined;
  let options: OptionItem[] = [];
  let on: string | undefined;
  let notForReplication = false;

  const readClustered = (): void => {
    if (p.is('CLUSTERED') || p.is('NONCLUSTERED')) clustered = p.next().keyword as 'CLUSTERED' | 'NONCLUSTERED';
    // memory-optimized tables: PRIMARY KEY NONCLUSTERED HASH (...) WITH (BUCKET_COUNT = n)
    if (p.is('HASH')) {
      const hashStart = p.start;
      p.pos++;
      options = [...options, { kind: 'option', name: 'HASH', start: hashStart, end: p.endFrom(hashStart) }];
    }
  };

  if (p.acceptSeq('PRIMARY', 'KEY')) {
    type = 'PRIMARY KEY';
    readClustered();
    if (p.isP('(')) columns = parseIndexColumns(p);
  } else if (p.accept('UNIQUE')) {
    type = 'UNIQUE';
    readClustered();
    if (p.isP('(')) columns = parseIndexColumns(p);
  } else if (p.is('FOREIGN') || p.is('REFERENCES')) {
    type = 'FOREIGN KEY';
    if (p.acceptSeq('FOREIGN', 'KEY') && p.isP('(')) columns = parseIndexColumns(p);
    p.expect('REFERENCES');
    references = parseObjectName(p, 'a table name');
    if (p.isP('(')) referencedColumns = parseNameList(p);
    for (;;) {
      if (p.is('ON') && (p.peekKw() === 'DELETE' || p.peekKw() === 'UPDATE')) {
        p.pos++;
        const which = p.next().keyword;
        let action: string;
        if (p.acceptSeq('NO', 'ACTION')) action = 'NO ACTION';
        else if (p.accept('CASCADE')) action = 'CASCADE';
        else if (p.acceptSeq('SET', 'NULL')) action = 'SET NULL';
        else {
          p.expect('SET');
          p.expect('DEFAULT');
          action = 'SET DEFAULT';
        }
        if (which === 'DELETE') onDelete = action;
        else onUpdate = action;
        continue;
      }
      if (p.acceptSeq('NOT', 'FOR', 'REPLICATION')) {
        notForReplication = true;
        continue;
      }
      break;
    }
  } else if (p.accept('CHECK')) {
    type = 'CHECK';
    if (p.acceptSeq('NOT', 'FOR', 'REPLICATION')) notForReplication = true;
    p.expectP('(');
    expression = parseExpression(p);
    p.expectP(')');
  } else {
    p.expect('DEFAULT');
    type = 'DEFAULT';
    expression = parseExpression(p);
    if (tableLevel && p.accept('FOR')) forColumn = parseIdentifier(p, 'a column name');
    if (p.is('WITH') && p.peekKw() === 'VALUES') p.pos += 2;
  }
  if (type === 'PRIMARY KEY' || type === 'UNIQUE') {
    for (;;) {
      if (p.is('WITH') && (p.peekIsP(1, '(') || p.peekKw() === 'FILLFACTOR')) {
        options = [...options, ...parseWithOptions(p)];
        continue;
      }
      if (p.is('ON') && !(p.peekKw() === 'DELETE' || p.peekKw() === 'UPDATE')) {
        on = parseOnStorage(p);
        continue;
      }
      if (p.acceptSeq('NOT', 'FOR', 'REPLICATION')) {
        notForReplication = true;
        continue;
      }
      break;
    }
  }
  return {
    kind: 'constraint',
    name,
    type,
    clustered,
    columns,
    references,
    referencedColumns,
    onDelete,
    onUpdate,
    expression,
    forColumn,
    options,
    on,
    notForReplication,
    start, end: p.endFrom(start),
  };
}

/** INDEX name [UNIQUE] [CLUSTERED|NONCLUSTERED] [COLUMNSTORE] [HASH] (cols) [INCLUDE (...)] [WHERE ...] [WITH (...)] [ON ...] */
function parseTableIndex(p: TokenStream): TableIndex {
  const start = p.start;
  p.expect('INDEX');
  const name = parseIdentifier(p, 'an index name');
  const unique = p.accept('UNIQUE');
  let clustered: 'CLUSTERED' | 'NONCLUSTERED' | undefined;
  if (p.is('CLUSTERED') || p.is('NONCLUSTERED')) clustered = p.next().keyword as 'CLUSTERED' | 'NONCLUSTERED';
  const columnstore = p.accept('COLUMNSTORE');
  p.accept('HASH');
  const columns = p.isP('(') ? parseIndexColumns(p) : [];
  let include: string[] = [];
  if (p.accept('INCLUDE')) include = parseNameList(p);
  let where: Expression | undefined;
  if (p.accept('WHERE')) where = parseExpression(p);
  let options: OptionItem[] = [];
  if (p.is('WITH') && p.peekIsP(1, '(')) options = parseWithOptions(p);
  if (p.is('ON')) parseOnStorage(p);
  return {
    kind: 'table-index',
    name,
    unique,
    clustered,
    columnstore,
    columns,
    include,
    where,
    options,
    start, end: p.endFrom(start),
  };
}

function parseColumnDefinition(p: TokenStream): ColumnDefinition {
  const start = p.start;
  const name = parseIdentifier(p, 'a column name');
  let type: DataType | undefined;
  let computed: Expression | undefined;
  let persisted = false;
  if (p.accept('AS')) {
    computed = parseExpression(p);
  } else {
    type = parseDataType(p);
  }
  let collation: string | undefined;
  let nullable: boolean | undefined;
  let identity: IdentitySpec | undefined;
  let defaultConstraint: Constraint | undefined;
  const constraints: Constraint[] = [];
  const attributes: string[] = [];
  for (;;) {
    const kw = p.kw;
    const itemStart = p.start;
    if (kw === 'COLLATE') {
      p.pos++;
      collation = parseIdentifier(p, 'a collation name');
    } else if (kw === 'NULL') {
      p.pos++;
      nullable = true;
    } else if (kw === 'NOT' && p.peekKw() === 'NULL') {
      p.pos += 2;
      nullable = false;
    } else if (kw === 'NOT' && p.peekKw() === 'FOR' && p.peekKw(2) === 'REPLICATION') {
      p.pos += 3;
      attributes.push('NOT FOR REPLICATION');
    } else if (kw === 'PERSISTED') {
      p.pos++;
      persisted = true;
    } else if (kw === 'IDENTITY') {
      p.pos++;
      if (p.isP('(')) {
        p.pos++;
        const seed = parseExpression(p);
        p.expectP(',');
        const increment = parseExpression(p);
        p.expectP(')');
        identity = { kind: 'identity', seed, increment, start: itemStart, end: p.endFrom(itemStart) };
      } else {
        identity = { kind: 'identity', start: itemStart, end: p.endFrom(itemStart) };
      }
    } else if (kw === 'DEFAULT') {
      defaultConstraint = parseConstraint(p, false);
    } else if (kw === 'CONSTRAINT') {
      // CONSTRAINT name DEFAULT ... | PRIMARY KEY | ...
      p.pos++;
      const constraintName = parseIdentifier(p, 'a constraint name');
      const constraint = parseConstraint(p, false, { name: constraintName, start: itemStart });
      if (constraint.type === 'DEFAULT') defaultConstraint = constraint;
      else constraints.push(constraint);
    } else if (isConstraintStart(p)) {
      constraints.push(parseConstraint(p, false));
    } else if (kw === 'ROWGUIDCOL' || kw === 'SPARSE' || kw === 'FILESTREAM' || kw === 'HIDDEN') {
      attributes.push(p.next().keyword);
    } else if (kw === 'GENERATED' && p.peekKw() === 'ALWAYS') {
      // GENERATED ALWAYS AS ROW START [HIDDEN]: the period columns of a temporal table
      p.pos += 2;
      p.expect('AS');
      const words: string[] = ['GENERATED ALWAYS AS'];
      while (p.cur.kind === 'word' && (p.is('ROW') || p.is('TRANSACTION_ID') || p.is('SEQUENCE_NUMBER') || p.is('START') || p.is('END'))) {
        words.push(p.next().keyword);
      }
      attributes.push(words.join(' '));
    } else if ((kw === 'MASKED' || kw === 'ENCRYPTED') && p.peekKw() === 'WITH') {
      p.pos += 2;
      skipBalanced(p);
      attributes.push(p.textOf(itemStart, p.lastEnd).replace(/\s+/g, ' '));
    } else if (kw === 'INDEX') {
      const index = parseTableIndex(p);
      attributes.push(`INDEX ${index.name}`);
    } else if (kw === 'WITH' && p.peekIsP(1, '(')) {
      // WITH (options) on a column of a memory-optimized type
      p.pos++;
      skipBalanced(p);
    } else {
      break;
    }
  }
  return {
    kind: 'column-definition',
    name,
    type,
    computed,
    persisted,
    collation,
    nullable,
    identity,
    default: defaultConstraint,
    constraints,
    attributes,
    start, end: p.endFrom(start),
  };
}

// ---------------------------------------------------------------------------------------------
// CREATE / ALTER dispatch
// ---------------------------------------------------------------------------------------------

/**
 * Multi-word object types of the DDL lakeshift records without modelling, longest first so that
 * EXTERNAL DATA SOURCE wins over EXTERNAL.
 */
const OTHER_OBJECT_TYPES: readonly string[] = [
  'DATABASE SCOPED CREDENTIAL',
  'DATABASE SCOPED CONFIGURATION',
  'DATABASE AUDIT SPECIFICATION',
  'DATABASE ENCRYPTION KEY',
  'SERVER AUDIT SPECIFICATION',
  'SERVER AUDIT',
  'SERVER ROLE',
  'SERVER CONFIGURATION',
  'EXTERNAL DATA SOURCE',
  'EXTERNAL FILE FORMAT',
  'EXTERNAL RESOURCE POOL',
  'EXTERNAL LIBRARY',
  'EXTERNAL LANGUAGE',
  'EXTERNAL STREAM',
  'EXTERNAL STREAMING JOB',
  'COLUMN MASTER KEY',
  'COLUMN ENCRYPTION KEY',
  'MASTER KEY',
  'SERVICE MASTER KEY',
  'SYMMETRIC KEY',
  'ASYMMETRIC KEY',
  'PARTITION FUNCTION',
  'PARTITION SCHEME',
  'SECURITY POLICY',
  'FULLTEXT CATALOG',
  'FULLTEXT INDEX',
  'FULLTEXT STOPLIST',
  'SEARCH PROPERTY LIST',
  'SELECTIVE XML INDEX',
  'XML SCHEMA COLLECTION',
  'APPLICATION ROLE',
  'MESSAGE TYPE',
  'REMOTE SERVICE BINDING',
  'BROKER PRIORITY',
  'EVENT SESSION',
  'EVENT NOTIFICATION',
  'RESOURCE POOL',
  'RESOURCE GOVERNOR',
  'WORKLOAD GROUP',
  'WORKLOAD CLASSIFIER',
  'AVAILABILITY GROUP',
  'CRYPTOGRAPHIC PROVIDER',
  'DATABASE',
  'LOGIN',
  'USER',
  'ROLE',
  'CERTIFICATE',
  'CREDENTIAL',
  'ASSEMBLY',
  'AGGREGATE',
  'DEFAULT',
  'RULE',
  'QUEUE',
  'SERVICE',
  'CONTRACT',
  'ROUTE',
  'ENDPOINT',
  'AUTHORIZATION',
  'SCHEMA',
  'MATERIALIZED VIEW',
].sort((a, b) => b.split(' ').length - a.split(' ').length);

/** Statement words that continue an ALTER of these objects: ALTER DATABASE x SET ... WITH ROLLBACK IMMEDIATE, ALTER ROLE r DROP MEMBER u. */
const ALTER_CONTINUING: ReadonlySet<string> = new Set(['SET', 'DROP', 'ROLLBACK', 'ADD']);

export function parseCreateOrAlter(p: TokenStream, start: number): Statement {
  let mode: CreateMode;
  if (p.accept('ALTER')) mode = 'ALTER';
  else {
    p.expect('CREATE');
    mode = p.acceptSeq('OR', 'ALTER') ? 'CREATE OR ALTER' : 'CREATE';
  }
  const kw = p.kw;
  switch (kw) {
    case 'TABLE':
      if (mode === 'ALTER') return parseAlterTable(p, start);
      return parseCreateTable(p, start, false);
    case 'VIEW':
      return parseCreateView(p, start, mode);
    case 'PROC':
    case 'PROCEDURE':
      return parseCreateProcedure(p, start, mode);
    case 'FUNCTION':
      return parseCreateFunction(p, start, mode);
    case 'TRIGGER':
      return parseCreateTrigger(p, start, mode);
    case 'SYNONYM':
      if (mode === 'CREATE') return parseCreateSynonym(p, start);
      break;
    case 'TYPE':
      if (mode === 'CREATE') return parseCreateType(p, start);
      break;
    case 'SEQUENCE':
      if (mode !== 'CREATE OR ALTER') return parseSequence(p, start, mode);
      break;
    case 'STATISTICS':
      if (mode === 'CREATE') return parseCreateStatistics(p, start);
      break;
    case 'EXTERNAL':
      if (p.peekKw() === 'TABLE' && mode === 'CREATE') {
        p.pos++;
        return parseCreateTable(p, start, true);
      }
      break;
    case 'SCHEMA':
      if (mode === 'CREATE') return parseCreateSchema(p, start);
      break;
    case 'INDEX':
      if (mode === 'ALTER') return parseAlterIndex(p, start);
      return parseCreateIndex(p, start);
    case 'UNIQUE':
    case 'CLUSTERED':
    case 'NONCLUSTERED':
    case 'COLUMNSTORE':
    case 'XML':
    case 'PRIMARY':
    case 'SPATIAL':
      if (indexAhead(p)) return parseCreateIndex(p, start);
      break;
    default:
      break;
  }
  return parseOtherDdl(p, start, mode === 'CREATE OR ALTER' ? 'CREATE OR ALTER' : mode);
}

function indexAhead(p: TokenStream): boolean {
  for (let i = 0; i < 5; i++) {
    const kw = p.peekKw(i);
    if (kw === 'INDEX') return true;
    if (!['UNIQUE', 'CLUSTERED', 'NONCLUSTERED', 'COLUMNSTORE', 'XML', 'PRIMARY', 'SPATIAL'].includes(kw)) return false;
  }
  return false;
}

/** Records the object type and name of DDL lakeshift does not model, and skips the rest. */
export function parseOtherDdl(p: TokenStream, start: number, action: OtherDdlStatement['action']): OtherDdlStatement {
  let objectType: string | undefined;
  for (const candidate of OTHER_OBJECT_TYPES) {
    const words = candidate.split(' ');
    if (p.isSeq(...words)) {
      objectType = candidate;
      p.pos += words.length;
      break;
    }
  }
  if (objectType === undefined) {
    const token = p.cur;
    if (token.kind !== 'word') p.fail('expected an object type');
    objectType = token.keyword;
    p.pos++;
  }
  // MASTER KEY, DATABASE SCOPED CONFIGURATION ...: one per database or server, without a name.
  const name = UNNAMED_OBJECT_TYPES.has(objectType) ? undefined : parseOtherDdlName(p, objectType);
  skipStatementRest(p, action === 'ALTER' ? ALTER_CONTINUING : NO_CONTINUING);
  return { kind: 'other-ddl', action, objectType, name, start, end: p.endFrom(start) };
}

function parseOtherDdlName(p: TokenStream, objectType: string): ObjectName | undefined {
  const token = p.cur;
  if ((isIdentifier(token) && !statementAhead(p) && !['ON', 'FOR', 'AS', 'WITH', 'FROM', 'TO'].includes(token.keyword)) || token.kind === 'bracket-identifier') {
    return parseObjectName(p, 'a name');
  }
  if (objectType === 'DATABASE' && p.is('CURRENT')) {
    return { kind: 'object-name', parts: [p.next().text], start: token.start, end: token.end };
  }
  if (objectType === 'AUTHORIZATION' && p.is('ON')) {
    // ALTER AUTHORIZATION ON [class::]name TO principal
    p.pos++;
    if (p.peekIsP(1, '::')) p.pos += 2;
    return parseObjectName(p, 'a securable');
  }
  return undefined;
}

const NO_CONTINUING: ReadonlySet<string> = new Set();

const UNNAMED_OBJECT_TYPES: ReadonlySet<string> = new Set([
  'MASTER KEY',
  'SERVICE MASTER KEY',
  'DATABASE ENCRYPTION KEY',
  'DATABASE SCOPED CONFIGURATION',
  'SERVER CONFIGURATION',
  'RESOURCE GOVERNOR',
]);

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

function parseCreateTable(p: TokenStream, start: number, external: boolean): CreateTableStatement {
  p.expect('TABLE');
  const name = parseObjectName(p, 'a table name');
  let elements: TableElement[] = [];
  // CTAS column lists are names only: CREATE TABLE t (a, b) WITH (...) AS SELECT
  if (p.isP('(')) {
    const names = p.speculate(() => {
      const list = parseNameList(p);
      if (!p.is('WITH') && !p.is('AS')) p.fail('expected WITH or AS');
      return list;
    });
    if (names === undefined) elements = parseTableElements(p);
  }
  let on: string | undefined;
  let textImageOn: string | undefined;
  let options: OptionItem[] = [];
  let asSelect: Query | undefined;
  let graphType: 'NODE' | 'EDGE' | undefined;
  for (;;) {
    if (p.is('ON')) {
      on = parseOnStorage(p);
      continue;
    }
    if (p.is('TEXTIMAGE_ON') || p.is('FILESTREAM_ON')) {
      const which = p.next().keyword;
      const token = p.next();
      if (!isIdentifier(token, true) && !isStringToken(token)) p.fail('expected a filegroup');
      if (which === 'TEXTIMAGE_ON') textImageOn = isStringToken(token) ? stringValue(token) : identifierValue(token);
      continue;
    }
    if (p.is('WITH') && p.peekIsP(1, '(')) {
      p.pos++;
      options = [...options, ...parseOptionList(p)];
      continue;
    }
    if (p.is('AS') && (p.peekKw() === 'NODE' || p.peekKw() === 'EDGE')) {
      p.pos++;
      graphType = p.next().keyword as 'NODE' | 'EDGE';
      continue;
    }
    if (p.is('AS') && p.peekKw() === 'FILETABLE') {
      p.pos += 2;
      continue;
    }
    if (p.is('AS') && queryAhead(p, true, false, 1)) {
      p.pos++;
      asSelect = parseQuery(p);
      continue;
    }
    break;
  }
  return {
    kind: 'create-table',
    external,
    name,
    elements,
    on,
    textImageOn,
    options,
    asSelect,
    graphType,
    start, end: p.endFrom(start),
  };
}

/** Elements added by ALTER TABLE ... ADD: comma-separated, without parentheses. */
function parseAddedElements(p: TokenStream): TableElement[] {
  const elements: TableElement[] = [];
  do {
    elements.push(parseTableElement(p));
  } while (p.acceptP(','));
  return elements;
}

function parseAlterTable(p: TokenStream, start: number): AlterTableStatement {
  p.expect('TABLE');
  const table = parseObjectName(p, 'a table name');
  const actionStart = p.start;
  let action: AlterTableAction;
  let check: 'CHECK' | 'NOCHECK' | undefined;
  if (p.is('WITH') && (p.peekKw() === 'CHECK' || p.peekKw() === 'NOCHECK')) {
    p.pos++;
    check = p.next().keyword as 'CHECK' | 'NOCHECK';
  }
  if (p.accept('ADD')) {
    const elements = parseAddedElements(p);
    action = { kind: 'add-elements', check, elements, start: actionStart, end: p.endFrom(actionStart) };
  } else if ((p.is('CHECK') || p.is('NOCHECK')) && p.peekKw() === 'CONSTRAINT') {
    const enable = p.next().keyword === 'CHECK';
    p.pos++;
    const names: string[] = [];
    if (!p.accept('ALL')) {
      do {
        names.push(parseIdentifier(p, 'a constraint name'));
      } while (p.acceptP(','));
    }
    action = { kind: 'check-constraints', enable, names, start: actionStart, end: p.endFrom(actionStart) };
  } else if (p.is('ALTER') && p.peekKw() === 'COLUMN') {
    p.pos += 2;
    const columnPos = p.pos;
    parseIdentifier(p, 'a column name');
    if (p.is('ADD') || p.is('DROP')) {
      // ALTER COLUMN c ADD|DROP ROWGUIDCOL | PERSISTED | NOT FOR REPLICATION | SPARSE | HIDDEN | MASKED
      const verb = p.next().keyword;
      skipStatementRest(p);
      action = { kind: 'other-table-action', action: `ALTER COLUMN ${verb}`, text: p.textOf(actionStart, p.lastEnd), start: actionStart, end: p.endFrom(actionStart) };
    } else {
      p.pos = columnPos;
      const column = parseColumnDefinition(p);
      action = { kind: 'alter-column', column, start: actionStart, end: p.endFrom(actionStart) };
    }
  } else if (p.is('DROP')) {
    p.pos++;
    const items: DropTableElement[] = [];
    let type: DropTableElement['type'] = 'CONSTRAINT';
    do {
      const itemStart = p.start;
      if (p.acceptSeq('PERIOD', 'FOR', 'SYSTEM_TIME')) {
        items.push({ kind: 'drop-element', type: 'PERIOD FOR SYSTEM_TIME', ifExists: false, name: '', start: itemStart, end: p.endFrom(itemStart) });
        continue;
      }
      if (p.accept('COLUMN')) type = 'COLUMN';
      else if (p.accept('CONSTRAINT')) type = 'CONSTRAINT';
      else if (p.accept('INDEX')) type = 'INDEX';
      const ifExists = p.acceptSeq('IF', 'EXISTS');
      const name = parseIdentifier(p, 'a name');
      if (p.is('WITH') && p.peekIsP(1, '(')) {
        p.pos++;
        skipBalanced(p);
      }
      items.push({ kind: 'drop-element', type, ifExists, name, start: itemStart, end: p.endFrom(itemStart) });
    } while (p.acceptP(','));
    action = { kind: 'drop-elements', items, start: actionStart, end: p.endFrom(actionStart) };
  } else if ((p.is('ENABLE') || p.is('DISABLE')) && p.peekKw() === 'TRIGGER') {
    const enable = p.next().keyword === 'ENABLE';
    p.pos++;
    const names: string[] = [];
    if (!p.accept('ALL')) {
      do {
        names.push(parseIdentifier(p, 'a trigger name'));
      } while (p.acceptP(','));
    }
    action = { kind: 'toggle-triggers', enable, names, start: actionStart, end: p.endFrom(actionStart) };
  } else if (p.is('SET') && p.peekIsP(1, '(')) {
    p.pos++;
    const options = parseOptionList(p);
    action = { kind: 'set-table-options', options, start: actionStart, end: p.endFrom(actionStart) };
  } else {
    const token = p.cur;
    if (token.kind !== 'word') p.fail('expected an ALTER TABLE action');
    skipStatementRest(p, new Set(['SET']));
    action = { kind: 'other-table-action', action: token.keyword, text: p.textOf(actionStart, p.lastEnd), start: actionStart, end: p.endFrom(actionStart) };
  }
  return { kind: 'alter-table', table, action, start, end: p.endFrom(start) };
}

// ---------------------------------------------------------------------------------------------
// Views, procedures, functions, triggers
// ---------------------------------------------------------------------------------------------

/** Module options up to AS: SCHEMABINDING, ENCRYPTION, RECOMPILE, EXECUTE AS OWNER, ... */
function parseModuleOptions(p: TokenStream): string[] {
  const options: string[] = [];
  if (!p.accept('WITH')) return options;
  do {
    const start = p.start;
    if (p.is('EXECUTE') || p.is('EXEC')) {
      p.pos++;
      p.expect('AS');
      p.next();
    } else if (p.is('RETURNS') || p.is('CALLED')) {
      // RETURNS NULL ON NULL INPUT, CALLED ON NULL INPUT
      while (!p.is('INPUT') && !p.atEnd) p.pos++;
      p.expect('INPUT');
    } else if (p.cur.kind === 'word') {
      p.pos++;
      if (p.acceptP('=')) p.next();
    } else {
      p.fail('expected an option');
    }
    options.push(p.textOf(start, p.lastEnd).replace(/\s+/g, ' ').toUpperCase().replace(/^EXEC AS/, 'EXECUTE AS'));
  } while (p.acceptP(','));
  return options;
}

function parseCreateView(p: TokenStream, start: number, mode: CreateMode): CreateViewStatement {
  p.expect('VIEW');
  const name = parseObjectName(p, 'a view name');
  const columns = p.isP('(') ? parseNameList(p) : [];
  const options = parseModuleOptions(p);
  p.expect('AS');
  const query = parseQuery(p);
  const checkOption = p.acceptSeq('WITH', 'CHECK', 'OPTION');
  return { kind: 'create-view', mode, name, columns, options, query, checkOption, start, end: p.endFrom(start) };
}

/** @p [AS] type [VARYING] [NULL] [= default] [OUT|OUTPUT] [READONLY] */
function parseParameter(p: TokenStream): Parameter {
  const start = p.start;
  const token = p.cur;
  if (token.kind !== 'variable') p.fail('expected a parameter');
  p.pos++;
  p.accept('AS');
  const type = parseDataType(p);
  const varying = p.accept('VARYING');
  let nullable: boolean | undefined;
  if (p.accept('NULL')) nullable = true;
  else if (p.acceptSeq('NOT', 'NULL')) nullable = false;
  let defaultValue: Expression | undefined;
  if (p.acceptP('=')) defaultValue = parseExpression(p);
  let output = false;
  let readonly = false;
  for (;;) {
    if (p.accept('OUTPUT') || p.accept('OUT')) output = true;
    else if (p.accept('READONLY')) readonly = true;
    else break;
  }
  return {
    kind: 'parameter',
    name: token.text,
    type,
    varying,
    nullable,
    default: defaultValue,
    output,
    readonly,
    start, end: p.endFrom(start),
  };
}

function parseParameters(p: TokenStream, parenthesised: 'required' | 'optional'): Parameter[] {
  const parameters: Parameter[] = [];
  const paren = p.isP('(') ? (p.pos++, true) : false;
  if (!paren && parenthesised === 'required') p.fail("expected '('");
  if (paren && p.acceptP(')')) return parameters;
  if (p.cur.kind === 'variable') {
    do {
      parameters.push(parseParameter(p));
    } while (p.acceptP(','));
  }
  if (paren) p.expectP(')');
  return parameters;
}

/** EXTERNAL NAME assembly.class.method (CLR modules) */
function parseExternalName(p: TokenStream): string {
  p.expect('EXTERNAL');
  p.expect('NAME');
  const start = p.start;
  parseObjectName(p, 'an assembly method');
  return p.textOf(start, p.lastEnd);
}

function parseCreateProcedure(p: TokenStream, start: number, mode: CreateMode): CreateProcedureStatement {
  p.next(); // PROC | PROCEDURE
  const name = parseObjectName(p, 'a procedure name');
  let number: string | undefined;
  if (p.isP(';') && p.peek().kind === 'number') {
    p.pos++;
    number = p.next().text;
  }
  const parameters = parseParameters(p, 'optional');
  const options = parseModuleOptions(p);
  const forReplication = p.acceptSeq('FOR', 'REPLICATION');
  p.expect('AS');
  if (p.is('EXTERNAL') && p.peekKw() === 'NAME') {
    const externalName = parseExternalName(p);
    return { kind: 'create-procedure', mode, name, number, parameters, options, forReplication, body: [], externalName, start, end: p.endFrom(start) };
  }
  // The body of a procedure is everything up to the end of the batch.
  const body = parseStatementList(p, 'EOF');
  return { kind: 'create-procedure', mode, name, number, parameters, options, forReplication, body, start, end: p.endFrom(start) };
}

function parseCreateFunction(p: TokenStream, start: number, mode: CreateMode): CreateFunctionStatement {
  p.expect('FUNCTION');
  const name = parseObjectName(p, 'a function name');
  const parameters = parseParameters(p, 'required');
  p.expect('RETURNS');
  const returnsStart = p.start;
  let returns: CreateFunctionStatement['returns'];
  if (p.is('TABLE') && !p.peekIsP(1, '.')) {
    p.pos++;
    returns = { kind: 'returns-table', start: returnsStart, end: p.endFrom(returnsStart) };
  } else if (p.cur.kind === 'variable') {
    const variable = p.next().text;
    p.expect('TABLE');
    const elements = parseTableElements(p);
    returns = { kind: 'returns-table-variable', variable, elements, start: returnsStart, end: p.endFrom(returnsStart) };
  } else {
    const type = parseDataType(p);
    returns = { kind: 'returns-scalar', type, start: returnsStart, end: p.endFrom(returnsStart) };
  }
  const options = parseModuleOptions(p);
  p.accept('AS');
  if (p.is('EXTERNAL') && p.peekKw() === 'NAME') {
    const externalName = parseExternalName(p);
    return { kind: 'create-function', mode, name, parameters, returns, options, body: [], externalName, start, end: p.endFrom(start) };
  }
  let body: Statement[];
  if (returns.kind === 'returns-table' && p.is('RETURN')) {
    body = [parseInlineReturn(p)];
  } else {
    body = parseStatementList(p, 'EOF');
  }
  return { kind: 'create-function', mode, name, parameters, returns, options, body, start, end: p.endFrom(start) };
}

/** RETURN [(] select [)] of an inline table-valued function, where the query may have a WITH. */
function parseInlineReturn(p: TokenStream): ReturnStatement {
  const start = p.start;
  p.expect('RETURN');
  const valueStart = p.start;
  let query: Query;
  if (p.isP('(') && queryAhead(p, true)) {
    const parenthesised = p.speculate(() => {
      p.pos++;
      const q = parseQuery(p);
      p.expectP(')');
      return q;
    });
    query = parenthesised ?? parseQuery(p);
  } else {
    query = parseQuery(p);
  }
  const value: Expression = { kind: 'subquery', query, start: valueStart, end: p.endFrom(valueStart) };
  return { kind: 'return', value, start, end: p.endFrom(start) };
}

function parseCreateTrigger(p: TokenStream, start: number, mode: CreateMode): CreateTriggerStatement {
  p.expect('TRIGGER');
  const name = parseObjectName(p, 'a trigger name');
  p.expect('ON');
  let table: ObjectName | undefined;
  let scope: 'DATABASE' | 'ALL SERVER' | undefined;
  if (p.accept('DATABASE')) scope = 'DATABASE';
  else if (p.acceptSeq('ALL', 'SERVER')) scope = 'ALL SERVER';
  else table = parseObjectName(p, 'a table name');
  const options = parseModuleOptions(p);
  let timing: 'FOR' | 'AFTER' | 'INSTEAD OF';
  if (p.accept('FOR')) timing = 'FOR';
  else if (p.accept('AFTER')) timing = 'AFTER';
  else {
    p.expect('INSTEAD');
    p.expect('OF');
    timing = 'INSTEAD OF';
  }
  const events: string[] = [];
  do {
    const token = p.cur;
    if (token.kind !== 'word') p.fail('expected a trigger event');
    events.push(p.next().keyword);
  } while (p.acceptP(','));
  if (p.acceptSeq('WITH', 'APPEND')) options.push('WITH APPEND');
  if (p.acceptSeq('NOT', 'FOR', 'REPLICATION')) options.push('NOT FOR REPLICATION');
  p.expect('AS');
  const body = parseStatementList(p, 'EOF');
  return {
    kind: 'create-trigger',
    mode,
    name,
    table,
    scope,
    timing,
    events,
    options,
    body,
    start, end: p.endFrom(start),
  };
}

// ---------------------------------------------------------------------------------------------
// Indexes, schemas, synonyms, types, sequences, statistics
// ---------------------------------------------------------------------------------------------

function parseCreateIndex(p: TokenStream, start: number): CreateIndexStatement {
  const unique = p.accept('UNIQUE');
  let clustered: 'CLUSTERED' | 'NONCLUSTERED' | undefined;
  if (p.is('CLUSTERED') || p.is('NONCLUSTERED')) clustered = p.next().keyword as 'CLUSTERED' | 'NONCLUSTERED';
  let indexType: string | undefined;
  if (p.accept('COLUMNSTORE')) indexType = 'COLUMNSTORE';
  else if (p.acceptSeq('PRIMARY', 'XML')) indexType = 'PRIMARY XML';
  else if (p.accept('XML')) indexType = 'XML';
  else if (p.accept('SPATIAL')) indexType = 'SPATIAL';
  p.expect('INDEX');
  const name = parseIdentifier(p, 'an index name');
  p.expect('ON');
  const table = parseObjectName(p, 'a table name');
  const columns = p.isP('(') ? parseIndexColumns(p) : [];
  let include: string[] = [];
  let where: Expression | undefined;
  let options: OptionItem[] = [];
  let on: string | undefined;
  for (;;) {
    if (p.accept('INCLUDE')) {
      include = parseNameList(p);
      continue;
    }
    if (p.accept('WHERE')) {
      where = parseExpression(p);
      continue;
    }
    if (p.is('WITH') && (p.peekIsP(1, '(') || p.peek().kind === 'word')) {
      options = [...options, ...parseWithOptions(p)];
      continue;
    }
    if (p.is('ON')) {
      on = parseOnStorage(p);
      continue;
    }
    if (p.is('USING') && indexType !== undefined) {
      // USING XML INDEX x FOR {VALUE|PATH|PROPERTY}
      p.pos++;
      while (!p.atEnd && !p.is('FOR')) p.pos++;
      p.expect('FOR');
      p.next();
      continue;
    }
    if (p.is('FILESTREAM_ON')) {
      p.pos += 2;
      continue;
    }
    break;
  }
  return {
    kind: 'create-index',
    mode: 'CREATE',
    name,
    table,
    unique,
    clustered,
    indexType,
    columns,
    include,
    where,
    options,
    on,
    start, end: p.endFrom(start),
  };
}

/** ALTER INDEX {name | ALL} ON table {REBUILD | REORGANIZE | DISABLE | SET (...) | RESUME | PAUSE | ABORT} [PARTITION = n] [WITH (...)] */
function parseAlterIndex(p: TokenStream, start: number): AlterIndexStatement {
  p.expect('INDEX');
  let name: string | undefined;
  if (!p.accept('ALL')) name = parseIdentifier(p, 'an index name');
  p.expect('ON');
  const table = parseObjectName(p, 'a table name');
  const token = p.cur;
  if (token.kind !== 'word') p.fail('expected REBUILD, REORGANIZE, DISABLE or SET');
  p.pos++;
  const action = token.keyword;
  let options: OptionItem[] = [];
  for (;;) {
    if (action === 'SET' && p.isP('(')) {
      options = [...options, ...parseOptionList(p)];
    } else if (p.is('WITH') && p.peekIsP(1, '(')) {
      p.pos++;
      options = [...options, ...parseOptionList(p)];
    } else if (p.is('PARTITION') && p.peekIsP(1, '=')) {
      const optionStart = p.start;
      p.pos += 2;
      const value = p.next().text;
      options = [...options, { kind: 'option', name: 'PARTITION', value, start: optionStart, end: p.endFrom(optionStart) }];
    } else {
      break;
    }
  }
  return { kind: 'alter-index', name, table, action, options, start, end: p.endFrom(start) };
}

function parseCreateSchema(p: TokenStream, start: number): CreateSchemaStatement {
  p.expect('SCHEMA');
  let name = '';
  if (!p.is('AUTHORIZATION')) name = parseIdentifier(p, 'a schema name');
  let authorization: string | undefined;
  if (p.accept('AUTHORIZATION')) authorization = parseIdentifier(p, 'an owner');
  return { kind: 'create-schema', name: name === '' ? (authorization ?? '') : name, authorization, start, end: p.endFrom(start) };
}

function parseCreateSynonym(p: TokenStream, start: number): CreateSynonymStatement {
  p.expect('SYNONYM');
  const name = parseObjectName(p, 'a synonym name');
  p.expect('FOR');
  const target = parseObjectName(p, 'an object name');
  return { kind: 'create-synonym', name, target, start, end: p.endFrom(start) };
}

function parseCreateType(p: TokenStream, start: number): CreateTypeStatement {
  p.expect('TYPE');
  const name = parseObjectName(p, 'a type name');
  if (p.accept('FROM')) {
    const baseType = parseDataType(p);
    let nullable: boolean | undefined;
    if (p.accept('NULL')) nullable = true;
    else if (p.acceptSeq('NOT', 'NULL')) nullable = false;
    return { kind: 'create-type', name, baseType, nullable, elements: [], options: [], start, end: p.endFrom(start) };
  }
  if (p.is('EXTERNAL')) {
    parseExternalName(p);
    return { kind: 'create-type', name, elements: [], options: [], start, end: p.endFrom(start) };
  }
  p.expect('AS');
  p.expect('TABLE');
  const elements = parseTableElements(p);
  let options: OptionItem[] = [];
  if (p.is('WITH') && p.peekIsP(1, '(')) {
    p.pos++;
    options = parseOptionList(p);
  }
  return { kind: 'create-type', name, elements, options, start, end: p.endFrom(start) };
}

function parseSequence(p: TokenStream, start: number, mode: 'CREATE' | 'ALTER'): CreateSequenceStatement {
  p.expect('SEQUENCE');
  const name = parseObjectName(p, 'a sequence name');
  let type: DataType | undefined;
  if (p.accept('AS')) type = parseDataType(p);
  const options: OptionItem[] = [];
  for (;;) {
    const optionStart = p.start;
    let optionName: string;
    if (p.acceptSeq('START', 'WITH')) optionName = 'START WITH';
    else if (p.acceptSeq('INCREMENT', 'BY')) optionName = 'INCREMENT BY';
    else if (p.is('RESTART')) {
      p.pos++;
      optionName = p.accept('WITH') ? 'RESTART WITH' : 'RESTART';
    } else if (p.is('MINVALUE') || p.is('MAXVALUE') || p.is('CACHE') || p.is('CYCLE')) optionName = p.next().keyword;
    else if (p.is('NO') && ['MINVALUE', 'MAXVALUE', 'CACHE', 'CYCLE'].includes(p.peekKw())) {
      p.pos++;
      optionName = `NO ${p.next().keyword}`;
    } else break;
    const valueStart = p.start;
    const token = p.cur;
    if (token.kind === 'number' || token.kind === 'variable' || (token.kind === 'operator' && (token.text === '-' || token.text === '+'))) {
      parseExpression(p);
      options.push({ kind: 'option', name: optionName, value: p.textOf(valueStart, p.lastEnd), start: optionStart, end: p.endFrom(optionStart) });
    } else {
      options.push({ kind: 'option', name: optionName, start: optionStart, end: p.endFrom(optionStart) });
    }
  }
  return { kind: 'create-sequence', mode, name, type, options, start, end: p.endFrom(start) };
}

function parseCreateStatistics(p: TokenStream, start: number): StatisticsStatement {
  p.expect('STATISTICS');
  const name = parseIdentifier(p, 'a statistics name');
  p.expect('ON');
  const table = parseObjectName(p, 'a table name');
  const columns = p.isP('(') ? parseNameList(p) : [];
  let options: OptionItem[] = [];
  if (p.accept('WHERE')) parseExpression(p);
  if (p.is('WITH')) options = parseWithOptions(p);
  return { kind: 'statistics', action: 'CREATE', table, name, columns, options, start, end: p.endFrom(start) };
}

/** UPDATE STATISTICS table [name | (names)] [WITH options] */
export function parseUpdateStatistics(p: TokenStream, start: number): StatisticsStatement {
  p.expect('UPDATE');
  p.expect('STATISTICS');
  const table = parseObjectName(p, 'a table name');
  let columns: string[] = [];
  let name: string | undefined;
  if (p.isP('(')) columns = parseNameList(p);
  else if (isIdentifier(p.cur) && !statementAhead(p)) name = parseIdentifier(p);
  let options: OptionItem[] = [];
  if (p.is('WITH')) options = parseWithOptions(p);
  return { kind: 'statistics', action: 'UPDATE', table, name, columns, options, start, end: p.endFrom(start) };
}

// ---------------------------------------------------------------------------------------------
// DROP
// ---------------------------------------------------------------------------------------------

const DROP_MODELLED: ReadonlySet<string> = new Set([
  'TABLE', 'VIEW', 'PROC', 'PROCEDURE', 'FUNCTION', 'TRIGGER', 'INDEX', 'SCHEMA', 'SYNONYM', 'SEQUENCE', 'TYPE', 'STATISTICS', 'DEFAULT', 'RULE',
]);

export function parseDrop(p: TokenStream, start: number): DropStatement | OtherDdlStatement {
  p.expect('DROP');
  const external = p.is('EXTERNAL') && p.peekKw() === 'TABLE';
  if (!DROP_MODELLED.has(p.kw) && !external) return parseOtherDdl(p, start, 'DROP');
  if (external) p.pos++;
  let objectType = p.next().keyword;
  if (objectType === 'PROC') objectType = 'PROCEDURE';
  if (external) objectType = 'EXTERNAL TABLE';
  const ifExists = p.acceptSeq('IF', 'EXISTS');
  const names: ObjectName[] = [];
  let on: ObjectName | undefined;
  do {
    names.push(parseObjectName(p, 'a name'));
    if (p.is('ON') && (objectType === 'INDEX' || objectType === 'TRIGGER')) {
      p.pos++;
      const onStart = p.start;
      if (p.acceptSeq('ALL', 'SERVER')) on = { kind: 'object-name', parts: ['ALL SERVER'], start: onStart, end: p.endFrom(onStart) };
      else on = parseObjectName(p, 'a table name');
      if (p.is('WITH') && p.peekIsP(1, '(')) {
        p.pos++;
        skipBalanced(p);
      }
    }
  } while (p.acceptP(','));
  return { kind: 'drop', objectType, ifExists, names, on, start, end: p.endFrom(start) };
}

// ---------------------------------------------------------------------------------------------
// GRANT / DENY / REVOKE
// ---------------------------------------------------------------------------------------------

export function parsePermission(p: TokenStream, start: number): PermissionStatement {
  const action = p.next().keyword as 'GRANT' | 'DENY' | 'REVOKE';
  if (action === 'REVOKE') p.acceptSeq('GRANT', 'OPTION', 'FOR');
  const permissions: string[] = [];
  let words: string[] = [];
  const flush = (): void => {
    if (words.length > 0) permissions.push(words.join(' '));
    words = [];
  };
  while (!p.atEnd && !p.is('ON') && !p.is('TO') && !(p.is('FROM') && action === 'REVOKE')) {
    if (p.acceptP(',')) {
      flush();
      continue;
    }
    if (p.isP('(')) {
      // column list of a column-level permission
      skipBalanced(p);
      continue;
    }
    const token = p.next();
    if (token.kind !== 'word') p.fail('expected a permission');
    words.push(token.keyword);
  }
  flush();
  let securableClass: string | undefined;
  let securable: ObjectName | undefined;
  if (p.accept('ON')) {
    if (p.peekIsP(1, '::')) {
      securableClass = p.next().keyword;
      p.pos++;
    }
    securable = parseObjectName(p, 'a securable');
    if (p.isP('(')) skipBalanced(p);
  }
  if (!p.accept('TO')) p.expect('FROM');
  const principals: string[] = [];
  do {
    principals.push(parseIdentifier(p, 'a principal', true));
  } while (p.acceptP(','));
  for (;;) {
    if (p.acceptSeq('WITH', 'GRANT', 'OPTION')) continue;
    if (p.accept('CASCADE')) continue;
    if (p.is('AS') && isIdentifier(p.peek(), true)) {
      p.pos += 2;
      continue;
    }
    break;
  }
  return {
    kind: 'permission',
    action,
    permissions,
    securableClass,
    securable,
    principals,
    start, end: p.endFrom(start),
  };
}
