import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, stringify } from 'yaml';
import { z } from 'zod';
import { resolveConfigPath, type LoadedConfig } from '../config/load.js';
import { formatKeyPath, locateKeyPath } from '../config/yaml-locator.js';
import { describeError, LakeshiftError } from '../errors.js';
import { writeFileAtomic } from '../snapshot/atomic-write.js';

/**
 * signoffs/<set>.yaml, beside lakeshift.yaml: who signed which parity run of the set (the run
 * id and the sha256 of its result.json bytes, so that a result changed after signing is no
 * longer signed), and who ticked which manual cutover step. Versioned, validated on load with
 * a file:line:column error, committed with git by `lakeshift signoff` and `cutover --tick`.
 */

export const SIGNOFF_RECORD_VERSION = 1;
export const SIGNOFFS_DIR = 'signoffs';

const runIdPattern = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z-[0-9a-f]{4}$/;

export const signoffSchema = z.strictObject({
  /** The parity run id. */
  run: z.string().regex(runIdPattern, 'a parity run id, e.g. 2026-11-23T09-12-03Z-ab12'),
  /** sha256 of the run's result.json bytes when it was signed. */
  resultSha256: z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex digits'),
  /** The run's status when it was signed. */
  status: z.enum(['pass', 'fail', 'error']),
  by: z.string().trim().min(1),
  at: z.iso.datetime(),
  note: z.string().nullable(),
  /** The run had failed or errored tables and the signer accepted them (with a note). */
  acceptedFailures: z.boolean(),
});

export const tickSchema = z.strictObject({
  /** A manual cutover step id (parity.sets.<set>.cutover.steps, or a default step). */
  step: z.string().min(1),
  by: z.string().trim().min(1),
  at: z.iso.datetime(),
  note: z.string().nullable(),
});

export const signoffRecordSchema = z.strictObject({
  version: z.literal(SIGNOFF_RECORD_VERSION),
  set: z.string().min(1),
  signoffs: z.array(signoffSchema).default([]),
  ticks: z.array(tickSchema).default([]),
});

export type Signoff = z.output<typeof signoffSchema>;
export type CutoverTick = z.output<typeof tickSchema>;
export type SignoffRecord = z.output<typeof signoffRecordSchema>;

export function emptySignoffRecord(set: string): SignoffRecord {
  return { version: SIGNOFF_RECORD_VERSION, set, signoffs: [], ticks: [] };
}

/** signoffs/<set>.yaml (absolute), relative to the folder of lakeshift.yaml. */
export function signoffRecordFile(loaded: Pick<LoadedConfig, 'dir'>, set: string): string {
  return path.join(resolveConfigPath(loaded, SIGNOFFS_DIR), `${set}.yaml`);
}

/** Brings an older record to the current version; a newer one is refused rather than misread. */
export function upgradeSignoffRecord(raw: unknown, file: string): unknown {
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > SIGNOFF_RECORD_VERSION) {
    throw new LakeshiftError('INPUT_INVALID', `${file} has version ${version}, newer than this lakeshift reads (${SIGNOFF_RECORD_VERSION})`, {
      location: { file },
      hint: 'Upgrade lakeshift to the version that wrote this record.',
    });
  }
  return raw;
}

/** Reads and validates a set's record; an empty record when the file does not exist yet. */
export async function readSignoffRecord(file: string, set: string): Promise<SignoffRecord> {
  if (!existsSync(file)) return emptySignoffRecord(set);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new LakeshiftError('INPUT_INVALID', `cannot read ${file}: ${describeError(error)}`, { location: { file } });
  }
  return parseSignoffRecord(text, file, set);
}

const HINT = 'Fix the file by hand (its history is in git: git log -p -- <file>), or restore it with git checkout.';

export function parseSignoffRecord(text: string, file: string, set: string): SignoffRecord {
  const lineCounter = new LineCounter();
  const document = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax !== undefined) {
    const { line, col } = lineCounter.linePos(syntax.pos[0]);
    throw new LakeshiftError('INPUT_INVALID', `${file}:${line}:${col}: ${syntax.message.split('\n')[0]}`, {
      location: { file, line, column: col },
      hint: HINT,
    });
  }
  const raw: unknown = upgradeSignoffRecord(document.toJS() ?? {}, file);
  const parsed = signoffRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const keyPath = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
    const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const where = unknownKey === undefined ? keyPath : [...keyPath, unknownKey];
    const at = locateKeyPath(document, lineCounter, where, { key: unknownKey !== undefined });
    const unknown = unknownKey === undefined ? issue.message : `unknown key "${unknownKey}"`;
    throw new LakeshiftError('INPUT_INVALID', `${file}:${at.line}:${at.column}: ${formatKeyPath(where)}: ${unknown}`, {
      location: { file, line: at.line, column: at.column },
      hint: HINT,
      details: { keyPath: formatKeyPath(where) },
    });
  }
  if (parsed.data.set !== set) {
    const at = locateKeyPath(document, lineCounter, ['set']);
    throw new LakeshiftError('INPUT_INVALID', `${file}:${at.line}:${at.column}: set: the record is for set "${parsed.data.set}", not "${set}"`, {
      location: { file, line: at.line, column: at.column },
      hint: `The sign-offs of set ${set} live in ${path.basename(file)}; fix the "set:" line.`,
    });
  }
  return parsed.data;
}

/** The record as YAML: a header comment, then version, set, signoffs and ticks. */
export function serialiseSignoffRecord(record: SignoffRecord): string {
  const header = [
    `# Sign-offs and cutover ticks of parity set ${record.set}.`,
    '# Written by `lakeshift signoff` and `lakeshift cutover --tick`; each entry is committed with git.',
    '# resultSha256 is the sha256 of the signed run\'s result.json: a result changed after signing is no longer signed.',
  ];
  const body = stringify(
    { version: record.version, set: record.set, signoffs: record.signoffs, ticks: record.ticks },
    { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' },
  );
  return `${header.join('\n')}\n${body}`;
}

export async function writeSignoffRecord(file: string, record: SignoffRecord): Promise<void> {
  await writeFileAtomic(file, serialiseSignoffRecord(record));
}

/**
 * The sign-offs of a run: those whose hash matches its result.json as it is now (valid), and
 * those made when the file held other bytes (stale: the result changed after signing).
 */
export function signoffsOfRun(record: SignoffRecord, runId: string, resultSha256: string): { readonly valid: Signoff[]; readonly stale: Signoff[] } {
  const ofRun = record.signoffs.filter((signoff) => signoff.run === runId);
  return {
    valid: ofRun.filter((signoff) => signoff.resultSha256 === resultSha256),
    stale: ofRun.filter((signoff) => signoff.resultSha256 !== resultSha256),
  };
}
