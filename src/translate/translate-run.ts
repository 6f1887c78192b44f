import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { resolveConfigPath, type LoadedConfig } from '../config/load.js';
import { LakeshiftError } from '../errors.js';
import type { LegacyObjectKind } from '../inventory/legacy-object.js';
import { readTextFile } from '../inventory/text-file.js';
import { packageVersion } from '../paths.js';
import { writeTranslationReports } from '../report/translation-report.js';
import { silentReporter, type Reporter } from '../reporter.js';
import { writeFileAtomic } from '../snapshot/atomic-write.js';
import { translatedPath } from '../snapshot/impact.js';
import { readManifest, type Manifest, type ManifestEntry } from '../snapshot/manifest.js';
import { stamp } from '../snapshot/sync.js';
import type { TranslateOptions } from './context.js';
import { renderHeader } from './header.js';
import { inventoryOptions } from './inventory-options.js';
import { fileStatus, toFileDiagnostic, totalsOf, type TranslateResult, type TranslateTarget, type TranslatedFile } from './results.js';
import { translateSql } from './translate-sql.js';
import { readTranslationIndex, writeTranslationIndex, type TranslationIndexEntry } from './translation-index.js';

/** Snapshot objects that are T-SQL: the translator's input. Jobs, Python and notebooks are not. */
export const TSQL_KINDS: ReadonlySet<LegacyObjectKind> = new Set(['procedure', 'view', 'function', 'trigger', 'table', 'synonym', 'sql-file', 'embedded-sql', 'generated-sql']);

export interface TranslateRunOptions {
  /** lakeshift.yaml: names, temp tables, the snapshot and output folders. Optional with `paths`. */
  readonly loaded?: LoadedConfig;
  /** Files or folders of T-SQL; without them, the snapshot is translated. */
  readonly paths?: readonly string[];
  readonly target: TranslateTarget;
  /** Output folder (default: translate.out, or translate.out-<target> for the other target). */
  readonly out?: string;
  /** Translate every object, not only those changed since the last run. */
  readonly all?: boolean;
  readonly reporter?: Reporter;
  readonly signal?: AbortSignal;
  readonly now?: Date;
}

/** The output folder of a target: translate.out for the configured target, translate.out-<target> for the other. */
export function defaultOutDir(loaded: LoadedConfig | undefined, target: TranslateTarget, cwd = process.cwd()): string {
  if (loaded === undefined) return path.resolve(cwd, target === 'databricks' ? 'translated' : `translated-${target}`);
  const base = resolveConfigPath(loaded, loaded.config.translate.out);
  return target === loaded.config.translate.target ? base : `${base}-${target}`;
}

/**
 * `lakeshift translate`: every T-SQL object of the snapshot (or the given files) to the target,
 * one output file each with a header of its diagnostics, the translation index
 * (translation.json) and a report. After a sync, objects whose text did not change since the
 * last translation are not translated again unless `all`.
 */
export async function runTranslate(options: TranslateRunOptions): Promise<TranslateResult> {
  const reporter = options.reporter ?? silentReporter;
  const out = options.out === undefined ? defaultOutDir(options.loaded, options.target) : path.resolve(options.out);
  if (existsSync(out) && !statSync(out).isDirectory()) {
    throw new LakeshiftError('INPUT_INVALID', `the output folder ${out} is a file`, { hint: 'Give --out a folder (it is made if it does not exist).' });
  }
  const snapshot = options.paths === undefined || options.paths.length === 0 ? await snapshotInputs(options) : undefined;
  const inputs = snapshot?.inputs ?? (await pathInputs(options.paths ?? [], out, reporter));
  const inventory = snapshot === undefined ? undefined : inventoryOptions(snapshot.manifest.objects);
  const baseOptions: TranslateOptions = { ...translateOptions(options.loaded, options.target), ...(inventory === undefined ? {} : { columnTypes: inventory.columnTypes, identityColumn: inventory.identityColumn, sequenceColumn: inventory.sequenceColumn, primaryKey: inventory.primaryKey }) };
  // The collation is written out even when it is the default, so that translations made before
  // comparisons followed it are not taken as current.
  const context = createHash('sha256')
    .update(
      JSON.stringify({
        lakeshift: packageVersion(),
        options: { ...baseOptions, collation: baseOptions.collation ?? 'case-insensitive', columnTypes: undefined, identityColumn: undefined, sequenceColumn: undefined, primaryKey: undefined },
        inventory: inventory?.digest ?? null,
      }),
    )
    .digest('hex');
  const previous = snapshot === undefined ? undefined : await readTranslationIndex(out).catch(() => undefined);
  const reusable = previous !== undefined && previous.target === options.target && previous.context === context;
  const previousById = new Map((reusable ? previous.objects : []).map((entry) => [entry.id, entry]));

  const files: TranslatedFile[] = [];
  const index: TranslationIndexEntry[] = [];
  let done = 0;
  for (const input of inputs) {
    options.signal?.throwIfAborted();
    const outputFile = path.join(out, input.output);
    const before = input.id === undefined ? undefined : previousById.get(input.id);
    if (options.all !== true && before !== undefined && before.sha256 === input.sha256 && before.details !== undefined && existsSync(outputFile)) {
      files.push(fromIndex(input, before, outputFile));
      index.push(before);
      continue;
    }
    const read = await readTextFile(input.file);
    if (!read.ok) {
      files.push({ input: input.file, output: null, ...(input.id === undefined ? {} : { id: input.id }), status: 'unreadable', lossless: false, statements: { total: 0, translated: 0, raw: 0 }, diagnostics: [{ code: read.warning.code, severity: 'error', line: 1, column: 1, message: read.warning.message }] });
      continue;
    }
    const translated = translateSql(read.text, { ...baseOptions, ...(input.defaultDatabase === undefined ? {} : { defaultDatabase: input.defaultDatabase }) });
    const diagnostics = translated.diagnostics.map(toFileDiagnostic);
    await writeFileAtomic(outputFile, `${renderHeader({ input: input.label, target: options.target, statements: translated.statements, diagnostics })}\n${translated.text}`);
    const file: TranslatedFile = {
      input: input.file,
      output: outputFile,
      ...(input.id === undefined ? {} : { id: input.id }),
      status: fileStatus(translated.lossless, diagnostics),
      lossless: translated.lossless,
      statements: translated.statements,
      diagnostics,
    };
    files.push(file);
    if (input.id !== undefined) {
      index.push({
        id: input.id,
        input: input.label,
        output: input.output,
        sha256: input.sha256,
        diagnostics: countSeverities(diagnostics),
        details: [...diagnostics],
        statements: translated.statements,
        lossless: translated.lossless,
      });
    }
    done += 1;
    reporter.progress('translating', done, inputs.length);
  }

  const removed: string[] = [];
  if (options.paths === undefined || options.paths.length === 0) {
    // Objects gone from the snapshot since the last run: their outputs are lakeshift's own
    // (listed in the last index) and would be deployed with the rest; they are removed and said.
    // An output this run wrote is never removed, even where only the case of its name changed
    // (one file on a case-insensitive file system); an object that moved leaves its old output.
    const written = new Map(inputs.map((input) => [input.id, input.output]));
    const outputs = new Set(inputs.map((input) => input.output.toLowerCase()));
    for (const entry of previous?.objects ?? []) {
      if (written.get(entry.id) === entry.output || outputs.has(entry.output.toLowerCase())) continue;
      const gone = path.join(out, entry.output);
      if (!gone.startsWith(out + path.sep)) continue;
      await rm(gone, { force: true });
      removed.push(gone);
    }
    await writeTranslationIndex(out, { version: 1, target: options.target, context, objects: index });
  }
  if (removed.length > 0) reporter.info(`${removed.length} translations of objects no longer in the snapshot (or moved) removed`);
  const totals = totalsOf(files);
  reporter.info(`${totals.files} files: ${totals.translatedThisRun} translated now, ${totals.files - totals.translatedThisRun} unchanged since the last run`);
  const reportsDir = options.loaded === undefined ? undefined : path.join(resolveConfigPath(options.loaded, options.loaded.config.reports.dir), 'translate', options.target, stamp(options.now ?? new Date()));
  const result: TranslateResult = { target: options.target, dryRun: false, out, files, removed, totals, reports: null };
  if (reportsDir === undefined) return result;
  const reports = await writeTranslationReports(result, reportsDir, options.loaded?.config.project ?? '', options.now ?? new Date());
  return { ...result, reports };
}

interface Input {
  /** Absolute path of the T-SQL to read. */
  readonly file: string;
  /** How the header and index name it (the snapshot path, or the path as given). */
  readonly label: string;
  /** Relative to the output folder. */
  readonly output: string;
  readonly id?: string;
  readonly sha256: string;
  readonly defaultDatabase?: string;
}

async function snapshotInputs(options: TranslateRunOptions): Promise<{ inputs: Input[]; manifest: Manifest }> {
  const loaded = options.loaded;
  if (loaded === undefined) {
    throw new LakeshiftError('CONFIG_NOT_FOUND', 'translating the snapshot needs lakeshift.yaml', { hint: 'Give files or folders of T-SQL to translate, or run in a lakeshift project.' });
  }
  const snapshotDir = resolveConfigPath(loaded, loaded.config.snapshot.dir);
  const manifest = await readManifest(snapshotDir);
  if (manifest.objects.length === 0) {
    throw new LakeshiftError('INPUT_NOT_FOUND', `the snapshot in ${snapshotDir} is empty`, { hint: 'Run `lakeshift sync` first, or give files or folders of T-SQL.' });
  }
  const databases = new Map(loaded.config.legacy.catalogs.map((catalog) => [catalog.name, catalog.database]));
  const onlyDatabase = loaded.config.legacy.catalogs.length === 1 ? loaded.config.legacy.catalogs[0]!.database : undefined;
  const inputs = manifest.objects
    .filter((entry) => TSQL_KINDS.has(entry.kind))
    .map((entry: ManifestEntry) => {
      const defaultDatabase = entry.origin.type === 'catalog' ? databases.get(entry.origin.name) : onlyDatabase;
      return {
        file: path.join(snapshotDir, entry.path),
        label: entry.path,
        output: translatedPath(entry.path),
        id: entry.id,
        sha256: entry.sha256,
        ...(defaultDatabase === undefined ? {} : { defaultDatabase }),
      };
    });
  return { inputs, manifest };
}

/** The .sql files of the given files and folders, leaving out what an earlier run wrote to `out`. */
async function pathInputs(paths: readonly string[], out: string, reporter: Reporter): Promise<Input[]> {
  const missing = paths.filter((input) => !existsSync(input));
  if (missing.length > 0) {
    throw new LakeshiftError('INPUT_NOT_FOUND', `no such file or folder: ${missing.join(', ')}`, { hint: 'Give .sql files or folders that hold them.' });
  }
  const inputs: Input[] = [];
  const insideOut: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(given);
    const files = statSync(absolute).isDirectory()
      ? (await glob('**/*.sql', { cwd: absolute, caseSensitiveMatch: false })).sort().map((relative) => ({ file: path.join(absolute, relative), relative }))
      : [{ file: absolute, relative: path.basename(absolute) }];
    for (const { file, relative } of files) {
      if (file.startsWith(out + path.sep)) {
        insideOut.push(file);
        continue;
      }
      inputs.push({ file, label: file, output: relative.split(path.sep).join('/'), sha256: '' });
    }
  }
  const leftOut = insideOut.length === 0 ? '' : ` (${insideOut.length} inside the output folder ${out} were left out: they are an earlier run's translations)`;
  if (inputs.length === 0) {
    throw new LakeshiftError('INPUT_NOT_FOUND', `no .sql files in ${paths.join(', ')}${leftOut}`, { hint: 'Give .sql files, or folders that hold them (searched recursively), and an --out folder outside them.' });
  }
  if (leftOut !== '') reporter.info(`${inputs.length} .sql files to translate${leftOut}`);
  // Two inputs written to one output (a/x.sql and b/x.sql given apart): one translation would be lost.
  const byOutput = new Map<string, string>();
  for (const input of inputs) {
    const other = byOutput.get(input.output.toLowerCase());
    if (other !== undefined && other !== input.file) {
      throw new LakeshiftError('INPUT_INVALID', `${other} and ${input.file} would both be written to ${input.output}`, {
        hint: 'Give the folder that holds both (their paths below it tell them apart), or translate them in separate runs with their own --out.',
      });
    }
    byOutput.set(input.output.toLowerCase(), input.file);
  }
  return inputs;
}

function translateOptions(loaded: LoadedConfig | undefined, target: TranslateTarget): TranslateOptions {
  if (loaded === undefined) return { target };
  const translate = loaded.config.translate;
  return {
    target,
    names: translate.names,
    tempTables: translate.tempTables,
    ...(translate.scratchSchema === undefined ? {} : { scratchSchema: translate.scratchSchema }),
    ...(translate.collation === undefined ? {} : { collation: translate.collation }),
    ...(translate.files === undefined ? {} : { files: translate.files }),
  };
}

function fromIndex(input: Input, entry: TranslationIndexEntry, outputFile: string): TranslatedFile {
  const diagnostics = entry.details ?? [];
  const lossless = entry.lossless ?? true;
  return {
    input: input.file,
    output: outputFile,
    id: entry.id,
    status: fileStatus(lossless, diagnostics),
    lossless,
    statements: entry.statements ?? { total: 0, translated: 0, raw: 0 },
    diagnostics,
    unchanged: true,
  };
}

function countSeverities(diagnostics: readonly { severity: 'error' | 'warning' | 'info' }[]): { error: number; warning: number; info: number } {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const diagnostic of diagnostics) counts[diagnostic.severity] += 1;
  return counts;
}
