import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { resolveConfigPath, type LoadedConfig } from '../config/load.js';
import { describeError } from '../errors.js';
import { silentReporter, type Reporter } from '../reporter.js';
import { readParityResult, type ParityRunResult } from './results.js';

export interface ParityListOptions {
  readonly loaded: LoadedConfig;
  readonly reporter?: Reporter;
}

export interface ParitySetSummary {
  readonly name: string;
  readonly description: string | null;
  readonly tables: number;
  /** Valid result files found for the set. */
  readonly runs: number;
  readonly latest: {
    readonly runId: string;
    readonly status: ParityRunResult['status'];
    readonly finishedAt: string;
    readonly totals: ParityRunResult['totals'];
    /** The result file, relative to the project folder. */
    readonly file: string;
  } | null;
}

export interface ParityListResult {
  readonly sets: readonly ParitySetSummary[];
  /** Result files that could not be read or validated (also reported as warnings). */
  readonly warnings: readonly string[];
}

/**
 * The configured table sets and the latest stored run of each, read from
 * reports/parity/<set>/<run-id>/result.json (validated; a corrupt file is a warning).
 */
export async function listParity(options: ParityListOptions): Promise<ParityListResult> {
  const { loaded } = options;
  const reporter = options.reporter ?? silentReporter;
  const root = path.join(resolveConfigPath(loaded, loaded.config.reports.dir), 'parity');
  const warnings: string[] = [];
  const sets: ParitySetSummary[] = [];
  for (const [name, set] of Object.entries(loaded.config.parity.sets)) {
    const dir = path.join(root, name);
    const runIds = existsSync(dir) ? (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name) : [];
    const results: ParityRunResult[] = [];
    for (const runId of runIds.sort()) {
      const file = path.join(dir, runId, 'result.json');
      if (!existsSync(file)) continue;
      try {
        results.push(await readParityResult(file));
      } catch (error) {
        const warning = `skipped ${path.relative(loaded.dir, file)}: ${describeError(error)}`;
        warnings.push(warning);
        reporter.warn(warning);
      }
    }
    const latest = results.sort((a, b) => (a.runId < b.runId ? -1 : 1)).at(-1);
    sets.push({
      name,
      description: set.description ?? null,
      tables: set.tables.length,
      runs: results.length,
      latest:
        latest === undefined
          ? null
          : {
              runId: latest.runId,
              status: latest.status,
              finishedAt: latest.finishedAt,
              totals: latest.totals,
              file: path.relative(loaded.dir, path.join(dir, latest.runId, 'result.json')).split(path.sep).join('/'),
            },
    });
  }
  return { sets, warnings };
}
