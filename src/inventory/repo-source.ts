import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { simpleGit } from 'simple-git';
import { glob } from 'tinyglobby';
import type { RepoConfig } from '../config/schema.js';
import { describeError, LakeshiftError } from '../errors.js';
import type { InventorySource, LegacyObject, ObjectOrigin, ObjectReference, SourceContext } from './legacy-object.js';
import { scanPython, type PythonScan } from './python-scan.js';
import { analysed, embeddedSqlReferences, sqlReferences } from './sql-text.js';
import { encodingWarning, readTextFile } from './text-file.js';

export const DEFAULT_REPO_INCLUDE = ['**/*.sql', '**/*.py', '**/*.ipynb'] as const;

/**
 * An analysts' repository: a local checkout, or a git url cloned (and pulled on later runs)
 * under .lakeshift/repos/. Every .sql file is an object; every .py file is a pandas or Python
 * script, and each SQL string in it an embedded-sql object of its own; notebooks are kept as
 * their cells (outputs dropped) with the SQL of their cells as embedded objects.
 */
export class RepoSource implements InventorySource {
  readonly origin: ObjectOrigin;
  readonly #repo: RepoConfig;
  readonly #configDir: string;
  #checkout: string | undefined;
  #commit: string | undefined;

  constructor(repo: RepoConfig, configDir: string) {
    this.origin = { type: 'repo', name: repo.name };
    this.#repo = repo;
    this.#configDir = configDir;
  }

  /** The folder the files are read from, once `prepare()` has run. */
  get checkout(): string | undefined {
    return this.#checkout;
  }

  /** The commit that was read, when the repo is a git repository. */
  get commit(): string | undefined {
    return this.#commit;
  }

  /** Finds the local checkout, or clones / updates the remote one. */
  async prepare(context: SourceContext): Promise<string> {
    if (this.#checkout !== undefined) return this.#checkout;
    const checkout = this.#repo.url === undefined ? await this.#local(context) : await this.#remote();
    this.#checkout = checkout;
    return checkout;
  }

  async *read(context: SourceContext): AsyncIterable<LegacyObject> {
    const root = await this.prepare(context);
    const files = (
      await glob([...(this.#repo.include ?? DEFAULT_REPO_INCLUDE)], {
        cwd: root,
        ignore: ['**/.git/**', ...(this.#repo.exclude ?? [])],
        dot: false,
        onlyFiles: true,
      })
    ).sort();

    for (const relative of files) {
      context.signal?.throwIfAborted();
      const file = path.join(root, relative);
      const posix = relative.split(path.sep).join('/');
      const extension = path.extname(relative).toLowerCase();
      if (extension !== '.sql' && extension !== '.py' && extension !== '.ipynb') {
        context.warn({ code: 'FILE_UNREADABLE', message: `${file}: only .sql, .py and .ipynb files are inventoried; left out`, file, origin: this.origin });
        continue;
      }
      const read = await readTextFile(file);
      if (!read.ok) {
        context.warn({ ...read.warning, origin: this.origin });
        continue;
      }
      const guessed = encodingWarning(file, read.encoding);
      if (guessed !== undefined) context.warn({ ...guessed, origin: this.origin });

      if (extension === '.sql') {
        const id = `repo:${this.#repo.name}/${posix}`;
        const { references } = analysed(context, id, read.text, () => ({ references: sqlReferences(read.text), details: {} }));
        yield this.#object(id, 'sql-file', posix, read.text, references, {}, file);
      } else if (extension === '.py') {
        yield* this.#python(posix, file, read.text, scanPython(read.text), context);
      } else {
        yield* this.#notebook(posix, file, read.text, context);
      }
    }
  }

  *#python(
    posix: string,
    file: string,
    text: string,
    scan: PythonScan,
    context: SourceContext,
    kind: 'pandas-script' | 'python-script' | 'notebook' = scan.usesPandas ? 'pandas-script' : 'python-script',
    definition = text,
  ): Iterable<LegacyObject> {
    const references: ObjectReference[] = [
      ...scan.readsTables.map((name) => ({ name, use: 'reads' as const })),
      ...scan.writesTables.map((name) => ({ name, use: 'writes' as const })),
    ];
    yield this.#object(`repo:${this.#repo.name}/${posix}`, kind, posix, definition, references, {
      ...(scan.readsFiles.length > 0 ? { readsFiles: scan.readsFiles } : {}),
      ...(scan.writesFiles.length > 0 ? { writesFiles: scan.writesFiles } : {}),
      ...(scan.sql.some((sql) => sql.dynamic) ? { dynamic: true } : {}),
    }, file);
    for (const [index, sql] of scan.sql.entries()) {
      const name = `${posix}#${index + 1}`;
      const id = `embedded:${this.#repo.name}/${name}`;
      const text = `${sql.text.trim()}\n`;
      const { references } = analysed(context, id, text, () => ({ references: embeddedSqlReferences(sql.text), details: {} }));
      yield this.#object(id, 'embedded-sql', name, text, references, {
        host: { file: posix, line: sql.line, ...(sql.call === undefined ? {} : { call: sql.call }) },
        dynamic: sql.dynamic,
      }, file, sql.line);
    }
  }

  *#notebook(posix: string, file: string, text: string, context: SourceContext): Iterable<LegacyObject> {
    const cells = notebookCells(text);
    if (cells === undefined) {
      context.warn({ code: 'PARSE_PROBLEM', message: `${file} is not a valid notebook (JSON with cells): kept as text`, file, origin: this.origin });
      yield this.#object(`repo:${this.#repo.name}/${posix}`, 'notebook', posix, text, [], {}, file);
      return;
    }
    const { script, sqlCells } = notebookScript(cells);
    const scan = scanPython(script);
    // %%sql cells are SQL as they stand; they join the strings found in code cells.
    const merged: PythonScan = {
      ...scan,
      sql: [...scan.sql, ...sqlCells.map((cell) => ({ text: cell.text, line: cell.line, call: '%%sql', dynamic: /\{\w+\}|\$\w+/.test(cell.text) }))].sort((a, b) => a.line - b.line),
    };
    yield* this.#python(posix, file, script, merged, context, 'notebook', script);
  }

  #object(
    id: string,
    kind: LegacyObject['kind'],
    name: string,
    definition: string,
    references: readonly ObjectReference[],
    details: LegacyObject['details'],
    file: string,
    line = 1,
  ): LegacyObject {
    return { id, kind, origin: this.origin, name, definition, references, details, source: { file, line } };
  }

  async #local(context: SourceContext): Promise<string> {
    const root = path.resolve(this.#configDir, this.#repo.path!);
    if (!existsSync(root) || !statSync(root).isDirectory()) {
      throw new LakeshiftError('INPUT_NOT_FOUND', `repo ${this.#repo.name}: ${root} does not exist`, {
        hint: 'Check legacy.repos[].path in lakeshift.yaml (relative to that file), or give url: instead.',
      });
    }
    const git = simpleGit(root);
    const isRepo = await git.checkIsRepo().catch(() => false);
    if (!isRepo) {
      context.warn({
        code: 'NOT_A_GIT_REPOSITORY',
        message: `repo ${this.#repo.name}: ${root} is not a git repository; its files are read as they are, with no commit recorded`,
        origin: this.origin,
      });
      return root;
    }
    this.#commit = await git.revparse(['HEAD']).catch(() => undefined);
    return root;
  }

  async #remote(): Promise<string> {
    const checkout = path.join(this.#configDir, '.lakeshift', 'repos', this.#repo.name);
    const branch = this.#repo.branch;
    try {
      if (!existsSync(path.join(checkout, '.git'))) {
        await mkdir(path.dirname(checkout), { recursive: true });
        await simpleGit().clone(this.#repo.url!, checkout, branch === undefined ? [] : ['--branch', branch]);
      } else {
        const git = simpleGit(checkout);
        // The clone is lakeshift's own cache: it follows the remote, local edits are not kept.
        await git.fetch(branch === undefined ? ['origin'] : ['origin', branch]);
        const target = branch === undefined ? 'FETCH_HEAD' : `origin/${branch}`;
        await git.raw(['checkout', '--force', '--detach', target]);
      }
      this.#commit = await simpleGit(checkout).revparse(['HEAD']);
      return checkout;
    } catch (error) {
      throw new LakeshiftError('GIT_FAILED', `repo ${this.#repo.name}: cannot clone or update ${this.#repo.url}${branch === undefined ? '' : ` (${branch})`}: ${describeError(error)}`, {
        hint: 'Check the url, the branch, and that git can reach the remote (credentials, network).',
        cause: error,
      });
    }
  }
}

interface NotebookCell {
  readonly type: string;
  readonly source: string;
}

function notebookCells(text: string): NotebookCell[] | undefined {
  try {
    const notebook = JSON.parse(text) as { cells?: unknown };
    if (!Array.isArray(notebook.cells)) return undefined;
    return notebook.cells.map((cell: { cell_type?: unknown; source?: unknown }) => ({
      type: typeof cell.cell_type === 'string' ? cell.cell_type : 'code',
      source: Array.isArray(cell.source) ? cell.source.join('') : typeof cell.source === 'string' ? cell.source : '',
    }));
  } catch {
    return undefined;
  }
}

/**
 * A notebook as text for the snapshot: its cells in order, in the "percent" format editors
 * understand (`# %%` starts a code cell, markdown as comments). Outputs and execution counts
 * change on every run and are left out, so that a diff shows changes to the code only.
 */
export function notebookScript(cells: readonly NotebookCell[]): { script: string; sqlCells: Array<{ text: string; line: number }> } {
  const lines: string[] = [];
  const sqlCells: Array<{ text: string; line: number }> = [];
  for (const [index, cell] of cells.entries()) {
    const body = cell.source.replace(/\r\n?/g, '\n').replace(/\n$/, '');
    if (cell.type === 'markdown') {
      lines.push(`# %% [markdown] cell ${index + 1}`, ...body.split('\n').map((line) => `# ${line}`.trimEnd()), '');
      continue;
    }
    if (cell.type !== 'code') continue;
    lines.push(`# %% cell ${index + 1}`);
    const first = body.split('\n')[0] ?? '';
    if (/^%%sql\b/.test(first)) sqlCells.push({ text: `${body.split('\n').slice(1).join('\n').trim()}\n`, line: lines.length + 2 });
    lines.push(...body.split('\n'), '');
  }
  return { script: `${lines.join('\n').trimEnd()}\n`, sqlCells };
}
