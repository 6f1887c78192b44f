import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import type { CatalogConfig } from '../config/schema.js';
import { LakeshiftError } from '../errors.js';
import { collectReferences, parseTsql, type ColumnDefinition, type CreateTableStatement, type Statement } from '../tsql/index.js';
import { isJobScript, readJobScript } from './agent-job-script.js';
import type { InventorySource, LegacyObject, ObjectDetails, ObjectOrigin, SourceContext, TableColumn } from './legacy-object.js';
import { nameFilter } from './name-patterns.js';
import { splitScriptObjects, type ScriptObjectHeader, type ScriptUnit } from './script-objects.js';
import { analysed, fromTsqlReferences } from './sql-text.js';
import { encodingWarning, readTextFile } from './text-file.js';

/** SSDT build output and tool folders hold copies, not sources. */
const IGNORED = ['**/bin/**', '**/obj/**', '**/.git/**', '**/node_modules/**'];

/**
 * A catalog exported as scripts: an SSDT project, sqlpackage's ExtractTarget output
 * (SchemaObjectType or Flat), or SSMS "Generate Scripts". Every .sql file under the folder is
 * split into objects (script-objects.ts); SQL Agent job scripts become jobs; files that define
 * no object (post-deployment data, security) are kept as scripts of the catalog.
 */
export class ScriptedCatalogSource implements InventorySource {
  readonly origin: ObjectOrigin;
  readonly #catalog: CatalogConfig;
  readonly #root: string;

  constructor(catalog: CatalogConfig, root: string) {
    this.origin = { type: 'catalog', name: catalog.name };
    this.#catalog = catalog;
    this.#root = root;
  }

  async *read(context: SourceContext): AsyncIterable<LegacyObject> {
    if (!existsSync(this.#root) || !statSync(this.#root).isDirectory()) {
      throw new LakeshiftError('INPUT_NOT_FOUND', `catalog ${this.#catalog.name}: the scripts folder ${this.#root} does not exist`, {
        hint: 'Check legacy.catalogs[].scripts in lakeshift.yaml (relative to that file).',
      });
    }
    const filter = nameFilter(this.#catalog.include, this.#catalog.exclude);
    const files = (await glob('**/*.sql', { cwd: this.#root, ignore: IGNORED, caseSensitiveMatch: false, dot: false })).sort();
    const seen = new Map<string, string>();
    const copiesSeen = new Map<string, number>();

    for (const relative of files) {
      context.signal?.throwIfAborted();
      const file = path.join(this.#root, relative);
      const read = await readTextFile(file);
      if (!read.ok) {
        context.warn({ ...read.warning, origin: this.origin });
        continue;
      }
      const guessed = encodingWarning(file, read.encoding);
      if (guessed !== undefined) context.warn({ ...guessed, origin: this.origin });
      const text = normaliseScriptText(read.text);

      if (isJobScript(text)) {
        const jobs = readJobScript(text, file);
        for (const job of jobs.jobs) {
          yield { ...job, id: `job:${this.#catalog.name}/${job.name}`, origin: this.origin };
        }
        for (const warning of jobs.warnings) context.warn({ ...warning, origin: this.origin });
        if (jobs.jobs.length > 0) continue;
      }

      const units = splitScriptObjects(text);
      for (const [index, unit] of units.entries()) {
        if (unit.header === undefined) {
          if (unit.text.replace(/^\s*GO\s*$/gim, '').trim() === '') continue;
          yield this.#script(relative, file, unit, index === 0, context);
          continue;
        }
        const name = objectName(unit.header);
        if (!filter.matches(name)) continue;
        const key = name.toLowerCase();
        const first = seen.get(key);
        const copies = (copiesSeen.get(key) ?? 0) + 1;
        copiesSeen.set(key, copies);
        const suffix = copies === 1 ? '' : `~${copies}`;
        if (first === undefined) {
          seen.set(key, `${file}:${unit.line}`);
        } else {
          context.warn({
            code: 'DUPLICATE_OBJECT',
            message: `${name} is defined more than once: ${first} and ${file}:${unit.line}; this copy is kept as ${name}${suffix}`,
            file,
            line: unit.line,
            origin: this.origin,
          });
        }
        yield this.#object(`catalog:${this.#catalog.name}/${name}${suffix}`, name, unit, file, context);
      }
    }
  }

  #object(id: string, name: string, unit: ScriptUnit, file: string, context: SourceContext): LegacyObject {
    const header = unit.header!;
    const { references, details } = analysed(context, id, unit.text, () => {
      const parsed = parseTsql(unit.text);
      const statements = parsed.script.batches.flatMap((batch) => batch.statements);
      const own = name.toLowerCase();
      const details: ObjectDetails = {
        ...(header.functionType === undefined ? {} : { functionType: header.functionType }),
        ...(header.kind === 'table' ? tableDetails(statements, unit.text) : {}),
        ...(header.kind === 'synonym' ? synonymDetails(statements) : {}),
      };
      return {
        references: fromTsqlReferences(collectReferences(parsed.script)).filter(
          // An object's own name (ALTER TABLE on itself, GRANT on it) is not a dependency.
          (reference) => qualified(reference.name).toLowerCase() !== own,
        ),
        details,
      };
    });
    return {
      id,
      kind: header.kind,
      origin: this.origin,
      name,
      definition: unit.text,
      references,
      details,
      source: { file, line: unit.line },
    };
  }

  /** Text of a file that defines no object: kept whole (or its leftover part) as a script. */
  #script(relative: string, file: string, unit: ScriptUnit, first: boolean, context: SourceContext): LegacyObject {
    const suffix = first ? '' : `#${unit.line}`;
    const name = `${relative.split(path.sep).join('/')}${suffix}`;
    const id = `catalog:${this.#catalog.name}/scripts/${name}`;
    return {
      id,
      kind: 'sql-file',
      origin: this.origin,
      name,
      definition: unit.text,
      ...analysed(context, id, unit.text, () => ({ references: fromTsqlReferences(collectReferences(parseTsql(unit.text).script)), details: {} })),
      source: { file, line: unit.line },
    };
  }
}

/**
 * SSMS writes "Script Date: <when the export ran>" into the comment above each object; the
 * date changes with every export and says nothing about the object, so it is dropped.
 */
export function normaliseScriptText(text: string): string {
  return text.replace(/(\/\*{6} Object:.*?)\s+Script Date: [^*\n]*?(\s*\*{6}\/)/g, '$1$2');
}

/** schema.name; a one-part name is in dbo, the default schema of the objects scripts create. */
function objectName(header: ScriptObjectHeader): string {
  return qualified(header.parts.join('.'));
}

/** Names as `schema.name` (the database part of a three-part name is dropped). */
function qualified(name: string): string {
  const parts = name.split('.');
  if (parts.length === 1) return `dbo.${parts[0]}`;
  const [schema, object] = parts.slice(-2) as [string, string];
  return `${schema === '' ? 'dbo' : schema}.${object}`;
}

function tableDetails(statements: readonly Statement[], text: string): Pick<ObjectDetails, 'columns' | 'primaryKey'> {
  const table = statements.find((statement): statement is CreateTableStatement => statement.kind === 'create-table');
  if (table === undefined) return {};
  const columns: TableColumn[] = table.elements
    .filter((element): element is ColumnDefinition => element.kind === 'column-definition')
    .map((column) => ({
      name: column.name,
      type: column.type === undefined ? 'computed' : slice(text, column.type),
      nullable: column.nullable !== false && !column.constraints.some((constraint) => constraint.type === 'PRIMARY KEY'),
      ...(column.identity === undefined ? {} : { identity: true }),
      ...(column.computed === undefined ? {} : { computed: slice(text, column.computed) }),
      ...(column.default?.expression === undefined ? {} : { default: slice(text, column.default.expression) }),
    }));
  const key = table.elements.flatMap((element) =>
    element.kind === 'constraint' && element.type === 'PRIMARY KEY' ? element.columns.map((column) => column.name) : [],
  );
  const columnKey = table.elements.flatMap((element) =>
    element.kind === 'column-definition' && element.constraints.some((constraint) => constraint.type === 'PRIMARY KEY') ? [element.name] : [],
  );
  const primaryKey = key.length > 0 ? key : columnKey;
  return { columns, ...(primaryKey.length > 0 ? { primaryKey } : {}) };
}

function synonymDetails(statements: readonly Statement[]): Pick<ObjectDetails, 'synonymFor'> {
  const synonym = statements.find((statement) => statement.kind === 'create-synonym');
  return synonym?.kind === 'create-synonym' ? { synonymFor: synonym.target.parts.join('.') } : {};
}

function slice(text: string, span: { readonly start: number; readonly end: number }): string {
  return text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
}
