import { existsSync, statSync } from 'node:fs';
import pMap from 'p-map';
import { simpleGit } from 'simple-git';
import { resolveConfigPath, type LoadedConfig } from '../config/load.js';
import type { ConnectionConfig, EngineKind } from '../config/schema.js';
import { connectionTarget } from '../engines/describe.js';
import type { Engine, EngineContext } from '../engines/engine.js';
import { createEngine } from '../engines/registry.js';
import { withTimeout } from '../engines/timeout.js';
import { describeError, EngineError, ExitCode, isLakeshiftError, type ErrorCode } from '../errors.js';
import { silentReporter, type Reporter } from '../reporter.js';

export interface DoctorOptions {
  readonly loaded: LoadedConfig;
  /** Longest wait for one connection, whatever its own connect timeout says. */
  readonly timeoutMs: number;
  /** Only these connections (default: all). */
  readonly connections?: readonly string[];
  readonly reporter?: Reporter;
  readonly signal?: AbortSignal;
  /** Builds engines; tests inject drivers through it. */
  readonly createEngine?: (name: string, config: ConnectionConfig, context: EngineContext) => Engine;
}

export interface ConnectionCheck {
  readonly name: string;
  readonly kind: EngineKind;
  readonly target: string;
  readonly status: 'ok' | 'failed';
  readonly product?: string;
  readonly version?: string;
  readonly error?: { readonly code: ErrorCode; readonly message: string; readonly hint?: string };
  readonly elapsedMs: number;
}

export interface PathCheck {
  readonly key: string;
  readonly path: string;
  readonly status: 'ok' | 'missing';
}

export interface ToolCheck {
  readonly name: string;
  readonly status: 'ok' | 'missing';
  readonly version?: string;
}

export interface DoctorResult {
  readonly config: string;
  readonly project: string;
  readonly connections: readonly ConnectionCheck[];
  readonly paths: readonly PathCheck[];
  readonly tools: readonly ToolCheck[];
  readonly ok: boolean;
  /** 0 all well; 3 a connection failed; 2 a configured path is missing. */
  readonly exitCode: ExitCode;
}

/**
 * Checks what a command will need: every connection (connect and ask the server its version,
 * each under a hard timeout), the folders the config names, and git.
 */
export async function runDoctor(options: DoctorOptions): Promise<DoctorResult> {
  const { loaded } = options;
  const reporter = options.reporter ?? silentReporter;
  const names = options.connections ?? Object.keys(loaded.config.connections);
  const build = options.createEngine ?? createEngine;
  let done = 0;

  const connections = await pMap(
    names,
    async (name): Promise<ConnectionCheck> => {
      const config = loaded.config.connections[name];
      if (config === undefined) {
        return failed(name, 'duckdb', '(not configured)', 0, new EngineError('CONNECTION_FAILED', name, `no connection named "${name}" in lakeshift.yaml`));
      }
      const target = connectionTarget(config, loaded.dir);
      const started = performance.now();
      const engine = build(name, config, { baseDir: loaded.dir, reporter });
      try {
        const info = await withTimeout(engine.ping(options.signal === undefined ? {} : { signal: options.signal }), {
          ms: options.timeoutMs,
          ...(options.signal === undefined ? {} : { signal: options.signal }),
          makeError: (reason) =>
            new EngineError(
              'CONNECTION_TIMEOUT',
              name,
              reason === 'timeout' ? `no answer within ${options.timeoutMs / 1000} s` : 'cancelled',
              { hint: 'Check that the host and port are reachable from here (VPN, firewall), or raise --timeout.' },
            ),
        });
        return { name, kind: config.kind, target, status: 'ok', product: info.product, version: info.version, elapsedMs: elapsed(started) };
      } catch (error) {
        return failed(name, config.kind, target, elapsed(started), error);
      } finally {
        // A driver stuck on a dead endpoint may never finish closing: do not wait for it.
        void withTimeout(engine.close(), { ms: 2000, makeError: () => new Error('close timed out') }).catch(() => {});
        done += 1;
        reporter.progress('checking connections', done, names.length);
      }
    },
    { concurrency: Math.max(1, names.length) },
  );

  const paths = configuredPaths(loaded);
  const tools = [await gitCheck(loaded.dir)];
  const connectionFailed = connections.some((check) => check.status === 'failed');
  const pathMissing = paths.some((check) => check.status === 'missing') || tools.some((tool) => tool.status === 'missing');
  const exitCode = connectionFailed ? ExitCode.environment : pathMissing ? ExitCode.badInput : ExitCode.ok;
  return {
    config: loaded.file,
    project: loaded.config.project,
    connections,
    paths,
    tools,
    ok: exitCode === ExitCode.ok,
    exitCode,
  };
}

function failed(name: string, kind: EngineKind, target: string, elapsedMs: number, error: unknown): ConnectionCheck {
  const code: ErrorCode = isLakeshiftError(error) ? error.code : 'CONNECTION_FAILED';
  const hint = isLakeshiftError(error) ? error.hint : undefined;
  const message = (isLakeshiftError(error) ? error.message : describeError(error)).replace(new RegExp(`^${escapeRegExp(name)}: `), '');
  return { name, kind, target, status: 'failed', error: { code, message, ...(hint === undefined ? {} : { hint }) }, elapsedMs };
}

function configuredPaths(loaded: LoadedConfig): PathCheck[] {
  const checks: PathCheck[] = [];
  const check = (key: string, relative: string) => {
    const absolute = resolveConfigPath(loaded, relative);
    checks.push({ key, path: absolute, status: existsSync(absolute) && statSync(absolute).isDirectory() ? 'ok' : 'missing' });
  };
  loaded.config.legacy.catalogs.forEach((catalog, index) => {
    if (catalog.scripts !== undefined) check(`legacy.catalogs[${index}].scripts`, catalog.scripts);
  });
  loaded.config.legacy.repos.forEach((repo, index) => {
    if (repo.path !== undefined) check(`legacy.repos[${index}].path`, repo.path);
  });
  return checks;
}

async function gitCheck(dir: string): Promise<ToolCheck> {
  try {
    const version = await simpleGit(dir).version();
    return version.installed ? { name: 'git', status: 'ok', version: `${version.major}.${version.minor}.${version.patch}` } : { name: 'git', status: 'missing' };
  } catch {
    return { name: 'git', status: 'missing' };
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
