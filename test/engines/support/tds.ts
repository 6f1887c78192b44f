import { createRequire } from 'node:module';

/**
 * Column metadata and values made by tedious' own parsers from TDS bytes: readMetadata
 * (node_modules/tedious/lib/metadata-parser.js, the TYPE_INFO of a COLMETADATA token) and
 * readValue (node_modules/tedious/lib/value-parser.js, one column of a ROW token). So the
 * shapes the engine sees in tests are the ones tedious builds from a server's answer; only the
 * bytes are written here, following MS-TDS 2.2.5 (data types) and 2.2.7 (tokens).
 */

const require = createRequire(import.meta.url);
const { readMetadata } = require('tedious/lib/metadata-parser.js') as {
  readMetadata(buf: Buffer, offset: number, options: { tdsVersion: string }): { value: TediousMetadata };
};
const { readValue } = require('tedious/lib/value-parser.js') as {
  readValue(buf: Buffer, offset: number, metadata: TediousMetadata, options: object): { value: unknown };
};

export interface TediousMetadata {
  readonly type: { readonly id: number; readonly name: string };
  readonly dataLength?: number;
  readonly precision?: number;
  readonly scale?: number;
  readonly flags: number;
  readonly collation?: { readonly codepage?: string };
  colName: string;
}

/** SQL_Latin1_General_CP1_CI_AS: LCID 0x0409, sort id 52 (code page 1252). */
const LATIN1_COLLATION = [0x09, 0x04, 0xd0, 0x00, 0x34];
const NULLABLE = 0x01;
const PARSER_OPTIONS = { useUTC: true, lowerCaseGuids: false, tdsVersion: '7_4' };

function u16(value: number): number[] {
  return [value & 0xff, (value >> 8) & 0xff];
}
function u24(value: number): number[] {
  return [value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff];
}
function u32(value: number): number[] {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value >>> 0);
  return [...buffer];
}
function littleEndian(value: bigint, bytes: number): number[] {
  const out: number[] = [];
  let rest = value;
  for (let i = 0; i < bytes; i++) {
    out.push(Number(rest & 0xffn));
    rest >>= 8n;
  }
  return out;
}

/** A column's TYPE_INFO, parsed by tedious into the metadata it hands to its users. */
function column(name: string, typeInfo: number[], flags = NULLABLE): TediousMetadata {
  const bytes = Buffer.from([...u32(0), ...u16(flags), ...typeInfo]);
  const metadata = readMetadata(bytes, 0, { tdsVersion: '7_4' }).value;
  metadata.colName = name;
  return metadata;
}

const timeLength = (scale: number) => (scale <= 2 ? 3 : scale <= 4 ? 4 : 5);

export const tdsColumn = {
  tinyint: (name: string) => column(name, [0x26, 1]),
  smallint: (name: string) => column(name, [0x26, 2]),
  int: (name: string) => column(name, [0x26, 4]),
  intNotNull: (name: string) => column(name, [0x38], 0),
  bigint: (name: string) => column(name, [0x26, 8]),
  bit: (name: string) => column(name, [0x68, 1]),
  float: (name: string) => column(name, [0x6d, 8]),
  real: (name: string) => column(name, [0x6d, 4]),
  money: (name: string) => column(name, [0x6e, 8]),
  smallmoney: (name: string) => column(name, [0x6e, 4]),
  decimal: (name: string, precision: number, scale: number) => column(name, [0x6a, 17, precision, scale]),
  numeric: (name: string, precision: number, scale: number) => column(name, [0x6c, 17, precision, scale]),
  date: (name: string) => column(name, [0x28]),
  time: (name: string, scale: number) => column(name, [0x29, scale]),
  datetime2: (name: string, scale: number) => column(name, [0x2a, scale]),
  datetimeoffset: (name: string, scale: number) => column(name, [0x2b, scale]),
  datetime: (name: string) => column(name, [0x6f, 8]),
  smalldatetime: (name: string) => column(name, [0x6f, 4]),
  uniqueidentifier: (name: string) => column(name, [0x24, 16]),
  nvarchar: (name: string, characters: number | 'max') => column(name, [0xe7, ...u16(characters === 'max' ? 0xffff : characters * 2), ...LATIN1_COLLATION]),
  nchar: (name: string, characters: number) => column(name, [0xef, ...u16(characters * 2), ...LATIN1_COLLATION]),
  varchar: (name: string, characters: number) => column(name, [0xa7, ...u16(characters), ...LATIN1_COLLATION]),
  varbinary: (name: string, bytes: number | 'max') => column(name, [0xa5, ...u16(bytes === 'max' ? 0xffff : bytes)]),
  xml: (name: string) => column(name, [0xf1, 0]),
  variant: (name: string) => column(name, [0x62, ...u32(8016)]),
};

function parse(metadata: TediousMetadata, bytes: number[]): unknown {
  return readValue(Buffer.from(bytes), 0, metadata, PARSER_OPTIONS).value;
}

/** Days since 0001-01-01, as DATE/DATETIME2 store them. */
function daysSinceYearOne(year: number, month: number, day: number): number {
  return Math.round((utc(year, month, day) - Date.UTC(2000, 0, 1)) / 86_400_000) + 730_119;
}

/** Date.UTC reads years 0-99 as 1900-1999; SQL Server's start at 0001. */
function utc(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/** A time of day in units of 10^-scale seconds, as TIME/DATETIME2/DATETIMEOFFSET store it. */
function timeUnits(hours: number, minutes: number, seconds: number, fraction: string, scale: number): bigint {
  const digits = (fraction + '0'.repeat(scale)).slice(0, scale);
  return BigInt(hours * 3600 + minutes * 60 + seconds) * 10n ** BigInt(scale) + BigInt(digits === '' ? 0 : Number(digits));
}

/** Values as tedious' readValue returns them for the given column and TDS bytes. */
export const tdsValue = {
  null: (metadata: TediousMetadata) => {
    const name = metadata.type.name;
    if (['NVarChar', 'NChar', 'VarChar', 'Char', 'VarBinary', 'Binary'].includes(name)) return parse(metadata, u16(0xffff));
    if (name === 'Variant') return parse(metadata, u32(0));
    return parse(metadata, [0]);
  },
  int: (metadata: TediousMetadata, value: number | bigint) => {
    const length = metadata.dataLength ?? 4;
    const bytes = littleEndian(BigInt.asUintN(length * 8, BigInt(value)), length);
    return parse(metadata, metadata.type.name === 'IntN' ? [length, ...bytes] : bytes);
  },
  bit: (metadata: TediousMetadata, value: boolean) => parse(metadata, [1, value ? 1 : 0]),
  float: (metadata: TediousMetadata, value: number) => {
    const buffer = Buffer.alloc(metadata.dataLength ?? 8);
    if (buffer.length === 8) buffer.writeDoubleLE(value);
    else buffer.writeFloatLE(value);
    return parse(metadata, [buffer.length, ...buffer]);
  },
  /** money: the value times 10^4 as a signed 64-bit integer, high half first. */
  money: (metadata: TediousMetadata, text: string) => {
    const [whole = '0', part = ''] = text.replace('-', '').split('.');
    const scaled = BigInt(whole + part.padEnd(4, '0')) * (text.startsWith('-') ? -1n : 1n);
    if (metadata.dataLength === 4) return parse(metadata, [4, ...littleEndian(BigInt.asUintN(32, scaled), 4)]);
    const bits = BigInt.asUintN(64, scaled);
    return parse(metadata, [8, ...littleEndian(bits >> 32n, 4), ...littleEndian(bits & 0xffffffffn, 4)]);
  },
  /** decimal/numeric: a sign byte (1 positive) and the unscaled magnitude, little endian. */
  decimal: (metadata: TediousMetadata, text: string) => {
    const negative = text.startsWith('-');
    const [whole = '0', part = ''] = text.replace('-', '').split('.');
    const scale = metadata.scale ?? 0;
    const unscaled = BigInt(whole + part.padEnd(scale, '0').slice(0, scale));
    return parse(metadata, [17, negative ? 0 : 1, ...littleEndian(unscaled, 16)]);
  },
  date: (metadata: TediousMetadata, year: number, month: number, day: number) => parse(metadata, [3, ...u24(daysSinceYearOne(year, month, day))]),
  time: (metadata: TediousMetadata, text: string) => {
    const scale = metadata.scale ?? 7;
    const [clock = '', fraction = ''] = text.split('.');
    const [h = 0, m = 0, s = 0] = clock.split(':').map(Number);
    const length = timeLength(scale);
    return parse(metadata, [length, ...littleEndian(timeUnits(h, m, s, fraction, scale), length)]);
  },
  /** "YYYY-MM-DD HH:MM:SS[.fffffff]"; for datetimeoffset the text is UTC and `offsetMinutes` is stored beside it. */
  datetime2: (metadata: TediousMetadata, text: string, offsetMinutes?: number) => {
    const scale = metadata.scale ?? 7;
    const [day = '', clock = ''] = text.split(' ');
    const [y = 0, mo = 0, d = 0] = day.split('-').map(Number);
    const [hms = '', fraction = ''] = clock.split('.');
    const [h = 0, m = 0, s = 0] = hms.split(':').map(Number);
    const length = timeLength(scale);
    const body = [...littleEndian(timeUnits(h, m, s, fraction, scale), length), ...u24(daysSinceYearOne(y, mo, d))];
    if (offsetMinutes === undefined) return parse(metadata, [body.length, ...body]);
    return parse(metadata, [body.length + 2, ...body, ...littleEndian(BigInt.asUintN(16, BigInt(offsetMinutes)), 2)]);
  },
  /** datetime: days since 1900-01-01 and 1/300 s ticks; smalldatetime: days and minutes. */
  datetime: (metadata: TediousMetadata, text: string) => {
    const [day = '', clock = ''] = text.split(' ');
    const [y = 0, mo = 0, d = 0] = day.split('-').map(Number);
    const [hms = '', fraction = '0'] = clock.split('.');
    const [h = 0, m = 0, s = 0] = hms.split(':').map(Number);
    const days = Math.round((utc(y, mo, d) - Date.UTC(1900, 0, 1)) / 86_400_000);
    if (metadata.dataLength === 4) return parse(metadata, [4, ...u16(days), ...u16(h * 60 + m)]);
    const ticks = Math.round(((h * 3600 + m * 60 + s) * 1000 + Number(fraction.padEnd(3, '0'))) * 0.3);
    return parse(metadata, [8, ...littleEndian(BigInt(days), 4), ...littleEndian(BigInt(ticks), 4)]);
  },
  /** uniqueidentifier: the first three groups are stored little endian. */
  uniqueidentifier: (metadata: TediousMetadata, guid: string) => {
    const hex = guid.replace(/-/g, '');
    const bytes = Buffer.from(hex, 'hex');
    const stored = [...bytes.subarray(0, 4).reverse(), ...bytes.subarray(4, 6).reverse(), ...bytes.subarray(6, 8).reverse(), ...bytes.subarray(8)];
    return parse(metadata, [16, ...stored]);
  },
  nvarchar: (metadata: TediousMetadata, text: string) => {
    const bytes = Buffer.from(text, 'ucs2');
    return parse(metadata, [...u16(bytes.length), ...bytes]);
  },
  varchar: (metadata: TediousMetadata, text: string) => {
    const bytes = Buffer.from(text, 'latin1');
    return parse(metadata, [...u16(bytes.length), ...bytes]);
  },
  varbinary: (metadata: TediousMetadata, hex: string) => {
    const bytes = Buffer.from(hex, 'hex');
    return parse(metadata, [...u16(bytes.length), ...bytes]);
  },
  /** sql_variant holding an int: base type INT4 (0x38), no property bytes, 4 bytes of value. */
  variantInt: (metadata: TediousMetadata, value: number) => parse(metadata, [...u32(6), 0x38, 0, ...littleEndian(BigInt(value), 4)]),
  /** sql_variant holding an nvarchar: base type, 7 property bytes (max length, collation), text. */
  variantNVarChar: (metadata: TediousMetadata, text: string) => {
    const bytes = Buffer.from(text, 'ucs2');
    return parse(metadata, [...u32(2 + 7 + bytes.length), 0xe7, 7, ...u16(8000), ...LATIN1_COLLATION, ...bytes]);
  },
};

/**
 * xml, and nvarchar(max)/varbinary(max), come as PLP streams that tedious' row parser
 * (lib/token/row-token-parser.js) joins and decodes: xml and nvarchar as UCS-2 text, so a
 * string; varbinary(max) as a Buffer. readValue does not handle them, so their values are
 * written here as that parser returns them.
 */
export const plpValue = {
  xml: (text: string): string => Buffer.from(text, 'ucs2').toString('ucs2'),
  varbinaryMax: (hex: string): Buffer => Buffer.concat([Buffer.from(hex, 'hex')]),
};
