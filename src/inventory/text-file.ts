import { readFileSync } from 'node:fs';
import { describeError } from '../errors.js';
import { decodeSqlText, TsqlDiagnosticCode } from '../tsql/index.js';
import type { InventoryWarning } from './legacy-object.js';
import { normaliseNewlines } from './sql-text.js';

export type TextFile =
  | { readonly ok: true; readonly text: string; readonly encoding: string; readonly bytes: number }
  | { readonly ok: false; readonly warning: InventoryWarning };

/**
 * Reads a source file as snapshot text: UTF-8, UTF-8 with BOM, UTF-16 LE/BE (with or without
 * BOM) and Windows-1252 decoded, the BOM dropped, line endings made LF. A binary or unreadable
 * file is a warning, never an exception, so one bad file cannot stop an inventory.
 */
export async function readTextFile(file: string): Promise<TextFile> {
  let bytes: Buffer;
  try {
    // A synchronous read: an estate is thousands of small files, and a thread-pool round trip
    // per file costs more than the read itself.
    bytes = readFileSync(file);
  } catch (error) {
    return { ok: false, warning: { code: 'FILE_UNREADABLE', message: `cannot read ${file}: ${describeError(error)}`, file } };
  }
  const decoded = decodeSqlText(bytes);
  if (decoded.diagnostics.some((diagnostic) => diagnostic.code === TsqlDiagnosticCode.binaryInput)) {
    return {
      ok: false,
      warning: { code: 'FILE_BINARY', message: `${file} holds binary data (NUL bytes), not text: left out`, file },
    };
  }
  return { ok: true, text: normaliseNewlines(decoded.text), encoding: decoded.encoding, bytes: bytes.length };
}

/** A warning when the encoding had to be guessed (no BOM, not UTF-8). */
export function encodingWarning(file: string, encoding: string): InventoryWarning | undefined {
  if (encoding === 'windows-1252') {
    return { code: 'ENCODING_GUESSED', message: `${file} is not valid UTF-8: read as Windows-1252`, file };
  }
  return undefined;
}
