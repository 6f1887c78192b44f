import { TsqlDiagnosticCode } from './diagnostics.js';
import type { TsqlDiagnostic } from './diagnostics.js';

export type SqlTextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedSqlText {
  /** The decoded text, byte-order mark removed. Offsets, lines and columns refer to it. */
  readonly text: string;
  readonly encoding: SqlTextEncoding;
  readonly bom: boolean;
  /**
   * Whether encoding `text` again (with the same encoding and BOM) gives back the input bytes
   * exactly. False when bytes were invalid and replaced with U+FFFD.
   */
  readonly bytesRoundTrip: boolean;
  /** Encoding problems: invalid bytes, a guessed encoding, binary content. */
  readonly diagnostics: readonly TsqlDiagnostic[];
}

function diagnostic(code: TsqlDiagnosticCode, severity: TsqlDiagnostic['severity'], message: string): TsqlDiagnostic {
  return { code, severity, message, span: { start: 0, end: 0 }, line: 1, column: 1 };
}

function decodeStrict(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeLenient(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(bytes);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function encodeUtf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i * 2 + (bigEndian ? 1 : 0)] = c & 0xff;
    out[i * 2 + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
}

/**
 * Windows-1252 differs from Latin-1 only in 0x80-0x9F, where it has typographic characters
 * (the euro sign, curly quotes, dashes). Decoded here because Node's TextDecoder treats the
 * label as Latin-1. The five unassigned bytes map to the C1 controls, as Windows does.
 */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const chunk: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    chunk.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b);
    if (chunk.length === 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
}

function encodeWindows1252(text: string): Uint8Array | undefined {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) {
      out[i] = c;
      continue;
    }
    const high = CP1252_HIGH.indexOf(String.fromCharCode(c));
    if (high < 0) return undefined;
    out[i] = 0x80 + high;
  }
  return out;
}

/** Share of NUL bytes at even and at odd offsets (UTF-16 text without a BOM has one or the other). */
function nulProfile(bytes: Uint8Array): { even: number; odd: number; any: boolean } {
  const sample = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const half = Math.max(1, sample / 2);
  let any = even + odd > 0;
  if (!any) any = bytes.indexOf(0, sample) >= 0;
  return { even: even / half, odd: odd / half, any };
}

/**
 * Decodes a .sql file. SQL Server tools write UTF-8 (with or without BOM) and UTF-16 LE with
 * BOM ("Unicode" in SSMS); older estates also have Windows-1252 files, which is what a file that
 * is not valid UTF-8 is taken to be. Never throws.
 */
export function decodeSqlText(bytes: Uint8Array): DecodedSqlText {
  const diagnostics: TsqlDiagnostic[] = [];
  const b0 = bytes[0];
  const b1 = bytes[1];
  const b2 = bytes[2];

  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const body = bytes.subarray(3);
    return decodeUtf8(body, true, bytes, diagnostics);
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const bigEndian = b0 === 0xfe;
    return decodeUtf16(bytes.subarray(2), bigEndian, true, bytes, diagnostics);
  }

  const nul = nulProfile(bytes);
  if (bytes.length >= 4 && nul.odd > 0.3 && nul.even < 0.05) {
    diagnostics.push(diagnostic(TsqlDiagnosticCode.guessedEncoding, 'info', 'No byte-order mark; the zero bytes suggest UTF-16 LE, which was used.'));
    return decodeUtf16(bytes, false, false, bytes, diagnostics);
  }
  if (bytes.length >= 4 && nul.even > 0.3 && nul.odd < 0.05) {
    diagnostics.push(diagnostic(TsqlDiagnosticCode.guessedEncoding, 'info', 'No byte-order mark; the zero bytes suggest UTF-16 BE, which was used.'));
    return decodeUtf16(bytes, true, false, bytes, diagnostics);
  }
  if (nul.any) {
    diagnostics.push(diagnostic(TsqlDiagnosticCode.binaryInput, 'error', 'The file contains NUL bytes: it does not look like a T-SQL text file.'));
  }
  return decodeUtf8(bytes, false, bytes, diagnostics);
}

function decodeUtf8(body: Uint8Array, bom: boolean, original: Uint8Array, diagnostics: TsqlDiagnostic[]): DecodedSqlText {
  const strict = decodeStrict('utf-8', body);
  if (strict !== undefined) {
    return { text: strict, encoding: 'utf-8', bom, bytesRoundTrip: true, diagnostics };
  }
  if (!bom) {
    // Not UTF-8 and no BOM: most likely an ANSI file from a Western-European Windows machine.
    const text = decodeWindows1252(body);
    diagnostics.push(diagnostic(TsqlDiagnosticCode.guessedEncoding, 'warning', 'The file is not valid UTF-8 and has no byte-order mark; it was read as Windows-1252. Check accented characters.'));
    const encoded = encodeWindows1252(text);
    return { text, encoding: 'windows-1252', bom: false, bytesRoundTrip: encoded !== undefined && sameBytes(encoded, original), diagnostics };
  }
  diagnostics.push(diagnostic(TsqlDiagnosticCode.invalidEncoding, 'warning', 'The file has bytes that are not valid UTF-8; they were replaced with U+FFFD.'));
  return { text: decodeLenient('utf-8', body), encoding: 'utf-8', bom, bytesRoundTrip: false, diagnostics };
}

function decodeUtf16(body: Uint8Array, bigEndian: boolean, bom: boolean, original: Uint8Array, diagnostics: TsqlDiagnostic[]): DecodedSqlText {
  const encoding = bigEndian ? 'utf-16be' : 'utf-16le';
  const strict = decodeStrict(encoding, body);
  const text = strict ?? decodeLenient(encoding, body);
  if (strict === undefined) {
    diagnostics.push(diagnostic(TsqlDiagnosticCode.invalidEncoding, 'warning', `The file has bytes that are not valid ${encoding.toUpperCase()}; they were replaced with U+FFFD.`));
  }
  const encoded = encodeUtf16(text, bigEndian);
  const prefix = bom ? original.subarray(0, 2) : new Uint8Array(0);
  const roundTrip = strict !== undefined && sameBytes(encoded, original.subarray(prefix.length));
  return { text, encoding, bom, bytesRoundTrip: roundTrip, diagnostics };
}
