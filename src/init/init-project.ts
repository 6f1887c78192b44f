import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { simpleGit } from 'simple-git';
import { configJsonSchema } from '../config/json-schema.js';
import { CONFIG_FILE_NAMES } from '../config/load.js';
import { describeError, LakeshiftError } from '../errors.js';
import { templatesDir } from '../paths.js';
import { silentReporter, type Reporter } from '../reporter.js';

export interface InitOptions {
  /** The folder of the new migration repo; created when missing. */
  readonly dir: string;
  /** Project name; defaults to the folder's name. */
  readonly project?: string;
  /** Run `git init` when the folder is not already inside a git repository. */
  readonly git?: boolean;
  readonly reporter?: Reporter;
}

export interface InitResult {
  readonly dir: string;
  readonly project: string;
  /** Paths created, relative to dir. */
  readonly created: readonly string[];
  /** Paths that already existed and were left as they were. */
  readonly kept: readonly string[];
  readonly git: 'initialized' | 'existing' | 'skipped' | 'unavailable';
  readonly warnings: readonly string[];
}

const FOLDERS = ['legacy', 'translated', 'reports', 'signoffs'] as const;

/**
 * Scaffolds a migration repo: a commented lakeshift.yaml, its JSON Schema for editors, the
 * working folders, a .gitignore, and a git repository. Never overwrites a file.
 */
export async function initProject(options: InitOptions): Promise<InitResult> {
  const reporter = options.reporter ?? silentReporter;
  const dir = path.resolve(options.dir);
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new LakeshiftError('INPUT_INVALID', `${dir} exists and is not a folder`, { hint: 'Give a new or existing folder.' });
  }
  const existingConfig = CONFIG_FILE_NAMES.map((name) => path.join(dir, name)).find((file) => existsSync(file));
  if (existingConfig !== undefined) {
    throw new LakeshiftError('TARGET_NOT_EMPTY', `${existingConfig} already exists`, {
      location: { file: existingConfig },
      hint: 'This folder is already a lakeshift project: run `lakeshift doctor` there, or init another folder.',
    });
  }

  const project = options.project ?? (path.basename(dir).replace(/[^\w.-]+/g, '-') || 'migration');
  const created: string[] = [];
  const kept: string[] = [];
  const warnings: string[] = [];

  const writeNew = async (relative: string, content: string) => {
    const file = path.join(dir, relative);
    if (existsSync(file)) {
      kept.push(relative);
      return;
    }
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content, { flag: 'wx' });
    created.push(relative);
  };

  await mkdir(dir, { recursive: true });
  await writeNew('lakeshift.yaml', await render('init/lakeshift.yaml.hbs', { projectYaml: JSON.stringify(project) }));
  await writeNew('lakeshift.schema.json', `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
  await writeNew('.gitignore', await render('init/gitignore.hbs', {}));
  for (const folder of FOLDERS) await writeNew(path.join(folder, '.gitkeep'), '');

  let git: InitResult['git'] = 'skipped';
  if (options.git !== false) {
    try {
      const repo = simpleGit(dir);
      if (await repo.checkIsRepo()) {
        git = 'existing';
      } else {
        await repo.init();
        git = 'initialized';
      }
    } catch (error) {
      git = 'unavailable';
      warnings.push(`git is not available, so no repository was created: ${describeError(error)}`);
    }
  }
  for (const warning of warnings) reporter.warn(warning);
  return { dir, project, created, kept, git, warnings };
}

async function render(template: string, view: Record<string, unknown>): Promise<string> {
  const source = await readFile(path.join(templatesDir(), template), 'utf8');
  return Handlebars.compile(source, { noEscape: true, strict: true })(view);
}
