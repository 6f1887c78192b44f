import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigError, describeError } from '../errors.js';
import { interpolateEnv } from './env.js';
import { configJsonSchema } from './json-schema.js';
import { configSchema, type ConnectionConfig, type LakeshiftConfig } from './schema.js';
import { Redactor } from './secret.js';
import { formatKeyPath, locateKeyPath, type KeyPath } from './yaml-locator.js';

export const CONFIG_FILE_NAMES = ['lakeshift.yaml', 'lakeshift.yml'] as const;

export interface LoadedConfig {
  /** Absolute path of lakeshift.yaml. */
  readonly file: string;
  /** The folder that holds it; relative paths in the config are relative to it. */
  readonly dir: string;
  readonly config: LakeshiftConfig;
  /** Knows every secret value of this config, to scrub them from any text. */
  readonly redactor: Redactor;
}

export interface LoadConfigOptions {
  /** --config, relative to cwd. */
  readonly configPath?: string;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /**
   * The command reaches no connection (translate): a variable its connections name but the
   * environment lacks is no error, so that work without credentials is not refused.
   */
  readonly withoutConnections?: boolean;
}

/** Where lakeshift.yaml is: --config, or the nearest one from cwd upwards; undefined if none. */
export function findConfigFile(cwd: string, configPath?: string): string | undefined {
  if (configPath !== undefined) return path.resolve(cwd, configPath);
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const fileName of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, fileName);
      if (existsSync(candidate)) return candidate;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const file = findConfigFile(options.cwd, options.configPath);
  if (file === undefined) {
    throw new ConfigError('CONFIG_NOT_FOUND', `no lakeshift.yaml in ${options.cwd} or any folder above it`, {
      hint: 'Run `lakeshift init` to create one, or pass --config PATH.',
    });
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError('CONFIG_NOT_FOUND', `cannot read ${file}: ${describeError(error)}`, {
      location: { file },
      hint: 'Check the path given to --config.',
    });
  }
  return parseConfig(text, file, options.env, options.withoutConnections === true);
}

/** Parses and validates the text of a lakeshift.yaml that lives at `file`. */
export function parseConfig(text: string, file: string, env: NodeJS.ProcessEnv, withoutConnections = false): LoadedConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true });

  const syntaxError = document.errors[0];
  if (syntaxError !== undefined) {
    const { line, col } = lineCounter.linePos(syntaxError.pos[0]);
    throw new ConfigError('CONFIG_SYNTAX', `${file}:${line}:${col}: ${firstLine(syntaxError.message)}`, {
      location: { file, line, column: col },
      hint: 'Fix the YAML syntax at that place (indentation, quotes, a missing ":").',
    });
  }

  const raw: unknown = document.toJS() ?? {};
  const locate = (keyPath: KeyPath, key = false) => locateKeyPath(document, lineCounter, keyPath, { key });

  const interpolated = interpolateEnv(raw, env);
  const badReference = interpolated.invalid[0];
  if (badReference !== undefined) {
    const at = locate(badReference.path);
    throw new ConfigError(
      'CONFIG_INVALID',
      `${file}:${at.line}:${at.column}: ${formatKeyPath(badReference.path)}: "\${env:${badReference.name}}" is not a valid variable name`,
      { location: { file, ...at }, keyPath: formatKeyPath(badReference.path), hint: 'Write ${env:NAME} with NAME made of letters, digits and "_".' },
    );
  }
  const needed = interpolated.missing.filter((variable) => !(withoutConnections && variable.path[0] === 'connections'));
  const missing = needed[0];
  if (missing !== undefined) {
    const at = locate(missing.path);
    const names = [...new Set(needed.map((variable) => variable.name))];
    throw new ConfigError(
      'CONFIG_ENV_MISSING',
      `${file}:${at.line}:${at.column}: ${formatKeyPath(missing.path)}: environment variable ${missing.name} is not set`,
      {
        location: { file, ...at },
        keyPath: formatKeyPath(missing.path),
        details: { variables: names },
        hint: `Set ${names.join(', ')} in the environment before running lakeshift.`,
      },
    );
  }

  const parsed = configSchema.safeParse(interpolated.value);
  if (!parsed.success) {
    throw validationError(file, parsed.error.issues, interpolated.value, locate);
  }

  const config = parsed.data;
  const problems = crossReferenceProblems(config);
  const first = problems[0];
  if (first !== undefined) {
    throw toConfigError(
      file,
      problems.map((problem) => ({ ...problem, at: locate(problem.path) })),
      first.code,
    );
  }

  return { file, dir: path.dirname(file), config, redactor: collectSecrets(config) };
}

/** Resolves a path from the config (relative to lakeshift.yaml) to an absolute one. */
export function resolveConfigPath(loaded: Pick<LoadedConfig, 'dir'>, relative: string): string {
  return path.resolve(loaded.dir, relative);
}

export function connectionConfig(loaded: LoadedConfig, name: string): ConnectionConfig {
  const connection = loaded.config.connections[name];
  if (connection === undefined) {
    const known = Object.keys(loaded.config.connections);
    throw new ConfigError('CONFIG_UNKNOWN_CONNECTION', `no connection named "${name}" in ${loaded.file}`, {
      location: { file: loaded.file },
      hint: known.length > 0 ? `Known connections: ${known.join(', ')}.` : 'Add it under "connections:".',
    });
  }
  return connection;
}

// ---------------------------------------------------------------------------------------------

interface Problem {
  readonly path: KeyPath;
  readonly message: string;
  readonly code: 'CONFIG_INVALID' | 'CONFIG_UNKNOWN_KEY' | 'CONFIG_UNKNOWN_CONNECTION';
  /** Point at the key rather than at its value. */
  readonly atKey?: boolean;
}

interface LocatedProblem extends Problem {
  readonly at: { readonly line: number; readonly column: number };
}

function validationError(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  locate: (path: KeyPath, key?: boolean) => { line: number; column: number },
): ConfigError {
  const problems: LocatedProblem[] = [];
  for (const issue of issues) {
    const issuePath = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(issuePath, data);
      for (const key of issue.keys) {
        const suggestion = closest(key, known);
        const keyPath = [...issuePath, key];
        problems.push({
          path: keyPath,
          code: 'CONFIG_UNKNOWN_KEY',
          message: `unknown key "${key}"${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}`,
          at: locate(keyPath, true),
        });
      }
      continue;
    }
    const present = valueAt(data, issuePath) !== undefined;
    const message =
      issue.code === 'invalid_type' && !present ? `is required (${expectedText(issue)})` : issue.message.replace(/^Invalid input: /, '');
    problems.push({ path: issuePath, code: 'CONFIG_INVALID', message, at: locate(issuePath) });
  }
  const code = problems.every((problem) => problem.code === 'CONFIG_UNKNOWN_KEY') ? 'CONFIG_UNKNOWN_KEY' : 'CONFIG_INVALID';
  return toConfigError(file, problems, code);
}

function toConfigError(file: string, problems: readonly LocatedProblem[], code: Problem['code']): ConfigError {
  const lines = problems.map(
    (problem) => `${file}:${problem.at.line}:${problem.at.column}: ${formatKeyPath(problem.path)}: ${problem.message}`,
  );
  const first = problems[0]!;
  const hint =
    code === 'CONFIG_UNKNOWN_KEY'
      ? 'Remove the key or fix its spelling; `lakeshift config schema` prints every key lakeshift.yaml accepts.'
      : code === 'CONFIG_UNKNOWN_CONNECTION'
        ? 'Name a connection defined under "connections:".'
        : 'Fix the value at that place; `lakeshift config schema` describes every key.';
  return new ConfigError(code, lines.join('\n'), {
    location: { file, line: first.at.line, column: first.at.column },
    keyPath: formatKeyPath(first.path),
    details: {
      problems: problems.map((problem) => ({
        keyPath: formatKeyPath(problem.path),
        line: problem.at.line,
        column: problem.at.column,
        message: problem.message,
      })),
    },
    hint,
  });
}

function expectedText(issue: z.core.$ZodIssue): string {
  return issue.code === 'invalid_type' ? `expected ${issue.expected}` : issue.message;
}

/** Checks that need the whole file: references between sections, authentication completeness. */
function crossReferenceProblems(config: LakeshiftConfig): Problem[] {
  const problems: Problem[] = [];
  const connectionNames = Object.keys(config.connections);
  const unknownConnection = (name: string, at: KeyPath): Problem => ({
    path: at,
    code: 'CONFIG_UNKNOWN_CONNECTION',
    message: `no connection named "${name}"${connectionNames.length > 0 ? ` (known: ${connectionNames.join(', ')})` : ''}`,
  });

  for (const [name, connection] of Object.entries(config.connections)) {
    const at = ['connections', name];
    if (connection.kind === 'databricks') {
      const oauth = connection.clientId !== undefined || connection.clientSecret !== undefined;
      if (connection.token !== undefined && oauth) {
        problems.push({ path: at, code: 'CONFIG_INVALID', message: 'give either "token" (PAT) or "clientId" and "clientSecret" (OAuth M2M), not both' });
      } else if (connection.token === undefined && !(connection.clientId !== undefined && connection.clientSecret !== undefined)) {
        problems.push({ path: at, code: 'CONFIG_INVALID', message: 'needs "token" (PAT) or both "clientId" and "clientSecret" (OAuth M2M)' });
      }
    }
    if (connection.kind === 'sqlserver') {
      const needs: Record<typeof connection.authentication, ReadonlyArray<keyof typeof connection>> = {
        sql: ['user', 'password'],
        ntlm: ['user', 'password', 'domain'],
        'azure-active-directory-password': ['user', 'password', 'clientId'],
        'azure-active-directory-service-principal-secret': ['clientId', 'clientSecret', 'tenantId'],
        'azure-active-directory-default': [],
      };
      const absent = needs[connection.authentication].filter((key) => connection[key] === undefined);
      if (absent.length > 0) {
        problems.push({
          path: at,
          code: 'CONFIG_INVALID',
          message: `authentication "${connection.authentication}" needs ${absent.map((key) => `"${String(key)}"`).join(' and ')}`,
        });
      }
    }
  }

  const sourceNames = new Map<string, KeyPath>();
  const uniqueName = (name: string, at: KeyPath) => {
    const first = sourceNames.get(name.toLowerCase());
    if (first === undefined) sourceNames.set(name.toLowerCase(), at);
    else problems.push({ path: at, code: 'CONFIG_INVALID', message: `the name "${name}" is already used at ${formatKeyPath(first)}; catalogs, repos and generators need names of their own` });
  };
  config.legacy.catalogs.forEach((catalog, index) => uniqueName(catalog.name, ['legacy', 'catalogs', index, 'name']));
  config.legacy.repos.forEach((repo, index) => {
    uniqueName(repo.name, ['legacy', 'repos', index, 'name']);
    repo.generators.forEach((generator, position) => uniqueName(generator.name, ['legacy', 'repos', index, 'generators', position, 'name']));
  });

  for (const [index, catalog] of config.legacy.catalogs.entries()) {
    if (catalog.connection === undefined) continue;
    const at = ['legacy', 'catalogs', index, 'connection'];
    const connection = config.connections[catalog.connection];
    if (connection === undefined) problems.push(unknownConnection(catalog.connection, at));
    else if (connection.kind !== 'sqlserver') {
      problems.push({ path: at, code: 'CONFIG_INVALID', message: `"${catalog.connection}" is a ${connection.kind} connection; a live catalog needs a sqlserver one` });
    }
  }

  if (config.rehearse.connection !== undefined && config.connections[config.rehearse.connection] === undefined) {
    problems.push(unknownConnection(config.rehearse.connection, ['rehearse', 'connection']));
  }

  for (const [setName, set] of Object.entries(config.parity.sets)) {
    const setPath = ['parity', 'sets', setName];
    if (set.connection !== undefined && config.connections[set.connection] === undefined) {
      problems.push(unknownConnection(set.connection, [...setPath, 'connection']));
    }
    for (const [index, table] of set.tables.entries()) {
      for (const side of ['legacy', 'new'] as const) {
        const ref = table[side];
        const sidePath = [...setPath, 'tables', index, side];
        const connection = typeof ref === 'string' ? undefined : ref.connection;
        if (connection !== undefined && config.connections[connection] === undefined) {
          problems.push(unknownConnection(connection, [...sidePath, 'connection']));
        } else if (connection === undefined && set.connection === undefined) {
          problems.push({
            path: sidePath,
            code: 'CONFIG_INVALID',
            message: `no connection for this table: give { connection, table } or set parity.sets.${setName}.connection`,
          });
        }
      }
    }
  }
  return problems;
}

function collectSecrets(config: LakeshiftConfig): Redactor {
  const redactor = new Redactor();
  for (const connection of Object.values(config.connections)) {
    if (connection.kind === 'sqlserver') redactor.add(connection.password, connection.clientSecret);
    if (connection.kind === 'databricks') redactor.add(connection.token, connection.clientSecret);
  }
  return redactor;
}

// ---------------------------------------------------------------------------------------------
// unknown-key suggestions, read off the JSON Schema so they follow the schema by construction

type JsonSchemaNode = {
  readonly properties?: Record<string, JsonSchemaNode>;
  readonly additionalProperties?: JsonSchemaNode | boolean;
  readonly items?: JsonSchemaNode;
  readonly oneOf?: readonly JsonSchemaNode[];
  readonly anyOf?: readonly JsonSchemaNode[];
  readonly allOf?: readonly JsonSchemaNode[];
  readonly const?: unknown;
};

function knownKeys(keyPath: KeyPath, data: unknown): string[] {
  let nodes: JsonSchemaNode[] = [configJsonSchema() as JsonSchemaNode];
  for (let depth = 0; depth <= keyPath.length; depth += 1) {
    const value = valueAt(data, keyPath.slice(0, depth));
    nodes = nodes.flatMap((node) => alternatives(node, value));
    if (depth === keyPath.length) break;
    const segment = keyPath[depth]!;
    nodes = nodes.flatMap((node) => {
      if (typeof segment === 'number') return node.items === undefined ? [] : [node.items];
      const property = node.properties?.[segment];
      if (property !== undefined) return [property];
      return typeof node.additionalProperties === 'object' ? [node.additionalProperties] : [];
    });
  }
  return [...new Set(nodes.flatMap((node) => Object.keys(node.properties ?? {})))];
}

/** The branches of a union that fit the data (a discriminated union picks by its `kind`). */
function alternatives(node: JsonSchemaNode, value: unknown): JsonSchemaNode[] {
  const branches = node.oneOf ?? node.anyOf;
  if (branches === undefined) return node.allOf === undefined ? [node] : node.allOf.flatMap((part) => alternatives(part, value));
  const expanded = branches.flatMap((branch) => alternatives(branch, value));
  const kind = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)['kind'] : undefined;
  const matching = expanded.filter((branch) => branch.properties?.['kind']?.const === kind);
  return matching.length > 0 ? matching : expanded;
}

function valueAt(data: unknown, keyPath: KeyPath): unknown {
  let value = data;
  for (const segment of keyPath) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

