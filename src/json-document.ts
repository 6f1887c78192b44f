import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { describeError, LakeshiftError } from './errors.js';

export interface JsonDocumentOptions {
  /** What the file should be, for messages: `a lakeshift manifest`. */
  readonly what: string;
  /** What to do about a file that cannot be read or is not one. */
  readonly hint?: string;
  /** Brings a document written by an earlier lakeshift to the current shape before it is checked. */
  readonly upgrade?: (raw: unknown) => unknown;
}

/**
 * A JSON file lakeshift wrote (a manifest, an index, a result), read and checked against its
 * schema. Anything wrong, unreadable, not JSON or not of the schema, is INPUT_INVALID naming
 * the file, the first problem and what to do.
 */
export async function readJsonDocument<S extends z.ZodType>(file: string, schema: S, options: JsonDocumentOptions): Promise<z.output<S>> {
  const fail = (problem: string): never => {
    throw new LakeshiftError('INPUT_INVALID', `${file} ${problem}`, { location: { file }, ...(options.hint === undefined ? {} : { hint: options.hint }) });
  };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return fail(`cannot be read: ${describeError(error)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail(`is not valid JSON: ${describeError(error)}`);
  }
  const parsed = schema.safeParse(options.upgrade === undefined ? raw : options.upgrade(raw));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(`is not ${options.what}: ${issue === undefined ? '' : `${issue.path.join('.') || '(document)'}: ${issue.message}`}`);
  }
  return parsed.data;
}
