import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleGit } from 'simple-git';
import { examplesDir } from '../../src/paths.js';

/** What the projects of the tests keep out of git: lakeshift's state and the reports, anchored at the root. */
export const PROJECT_IGNORE = '/.lakeshift/\n/reports/\n';

/**
 * Makes `dir` a git repository with an identity of its own, `ignore` as its .gitignore, and
 * commits everything in it.
 */
export async function commitAsRepository(dir: string, ignore = PROJECT_IGNORE, message = 'project'): Promise<void> {
  await writeFile(path.join(dir, '.gitignore'), ignore);
  const git = simpleGit(dir);
  await git.init();
  await git.addConfig('user.name', 'lakeshift test', false, 'local');
  await git.addConfig('user.email', 'test@example.invalid', false, 'local');
  await git.add('.');
  await git.commit(message);
}

/**
 * A new folder under the temporary directory (named lakeshift-<name>-...) holding `files`
 * (relative path -> text), committed as a git repository.
 */
export async function gitWorkspace(name: string, files: Readonly<Record<string, string>> = {}, ignore = PROJECT_IGNORE): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `lakeshift-${name}-`));
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  }
  await commitAsRepository(dir, ignore);
  return dir;
}

/**
 * The bundled ShellCorp estate (examples/shellcorp, without its .lakeshift state) as a
 * committed git repository; `prepare` changes it before the commit.
 */
export async function shellcorpWorkspace(name: string, options: { readonly ignore?: string; readonly prepare?: (dir: string) => Promise<void> } = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `lakeshift-${name}-`));
  await cp(path.join(examplesDir(), 'shellcorp'), dir, { recursive: true, filter: (file) => !file.split(path.sep).includes('.lakeshift') });
  await options.prepare?.(dir);
  await commitAsRepository(dir, options.ignore ?? PROJECT_IGNORE, 'the estate');
  return dir;
}
