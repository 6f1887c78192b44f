import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { execa, parseCommandString } from 'execa';
import { glob } from 'tinyglobby';
import type { GeneratorConfig } from '../config/schema.js';
import { LakeshiftError } from '../errors.js';
import type { InventorySource, LegacyObject, ObjectOrigin, SourceContext } from './legacy-object.js';
import { analysed, sqlReferences } from './sql-text.js';
import { encodingWarning, readTextFile } from './text-file.js';

/**
 * A configured command that writes SQL files (a generator of dynamic SQL, a templating step):
 * run with `{out}` replaced by a fresh folder, and every file it leaves there joins the
 * snapshot as generated-sql. The command line is split into arguments without a shell, so a
 * timeout stops the generator itself and `{out}` can never be read as shell syntax.
 */
export class GeneratorSource implements InventorySource {
  readonly origin: ObjectOrigin;
  readonly #generator: GeneratorConfig;
  readonly #cwd: () => Promise<string>;
  readonly #scratch: string;

  /**
   * @param cwd the folder the command runs in (its repo's checkout, or `cwd` within it)
   * @param scratch where the output folders are made (lakeshift's own .lakeshift/ folder)
   */
  constructor(generator: GeneratorConfig, cwd: () => Promise<string>, scratch: string) {
    this.origin = { type: 'generator', name: generator.name };
    this.#generator = generator;
    this.#cwd = cwd;
    this.#scratch = scratch;
  }

  async *read(context: SourceContext): AsyncIterable<LegacyObject> {
    const base = await this.#cwd();
    const cwd = this.#generator.cwd === undefined ? base : path.resolve(base, this.#generator.cwd);
    await mkdir(this.#scratch, { recursive: true });
    const out = await mkdtemp(path.join(this.#scratch, `${this.#generator.name}-`));
    try {
      await this.#run(cwd, out, context);
      const files = (await glob('**/*', { cwd: out, onlyFiles: true, dot: false })).sort();
      for (const relative of files) {
        const file = path.join(out, relative);
        const read = await readTextFile(file);
        if (!read.ok) {
          context.warn({ ...read.warning, origin: this.origin });
          continue;
        }
        const guessed = encodingWarning(file, read.encoding);
        if (guessed !== undefined) context.warn({ ...guessed, origin: this.origin });
        const name = relative.split(path.sep).join('/');
        const id = `generated:${this.#generator.name}/${name}`;
        const { references } = analysed(context, id, read.text, () => ({
          references: name.toLowerCase().endsWith('.sql') ? sqlReferences(read.text) : [],
          details: {},
        }));
        yield {
          id,
          kind: 'generated-sql',
          origin: this.origin,
          name,
          definition: read.text,
          references,
          details: {},
          source: { file: `${this.#generator.name}:{out}/${name}`, line: 1 },
        };
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }

  async #run(cwd: string, out: string, context: SourceContext): Promise<void> {
    const [command, ...args] = parseCommandString(this.#generator.run).map((part) => part.replaceAll('{out}', out));
    if (command === undefined) {
      throw new LakeshiftError('INPUT_INVALID', `generator ${this.#generator.name}: "run" is empty`, { hint: 'Give the command line to run.' });
    }
    const timeoutMs = this.#generator.timeout * 1000;
    const result = await execa(command, args, {
      cwd,
      env: { ...this.#generator.env },
      timeout: timeoutMs,
      forceKillAfterDelay: 2000,
      reject: false,
      all: true,
      stdin: 'ignore',
      ...(context.signal === undefined ? {} : { cancelSignal: context.signal }),
    });
    if (result.failed) {
      const output = (result.all ?? '').trim().split('\n').slice(-8).join('\n');
      const why = result.timedOut
        ? `did not finish within ${this.#generator.timeout} s and was stopped`
        : result.isCanceled
          ? 'was cancelled'
          : result.exitCode === undefined
            ? `could not be started: ${result.shortMessage}`
            : `exited with code ${result.exitCode}`;
      throw new LakeshiftError('PROCESS_FAILED', `generator ${this.#generator.name} (${this.#generator.run}) ${why}${output === '' ? '' : `:\n${output}`}`, {
        hint: result.timedOut
          ? 'Raise its timeout in lakeshift.yaml if it needs longer; its previous output is kept in the snapshot.'
          : 'Run the command by hand in its folder to see why; its previous output is kept in the snapshot.',
        details: { generator: this.#generator.name, cwd, ...(result.exitCode === undefined ? {} : { exitCode: result.exitCode }) },
      });
    }
  }
}
