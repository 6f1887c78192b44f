import { inspect } from 'node:util';

const REDACTED = '«redacted»';

/**
 * A password, token or client secret. It reveals its value only when asked by name, so that
 * printing, logging or serialising a config (or an error that holds one) can never leak it.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}

export function isSecret(value: unknown): value is Secret {
  return value instanceof Secret;
}

/**
 * Scrubs known secret values out of free text (driver error messages can echo a connection
 * string). The base command runs every message through one of these before it prints it.
 */
export class Redactor {
  readonly #values = new Set<string>();

  add(...values: ReadonlyArray<string | Secret | undefined>): this {
    for (const value of values) {
      const text = value instanceof Secret ? value.reveal() : value;
      // Very short values would redact ordinary words; nobody's secret is three characters.
      if (text !== undefined && text.length >= 4) this.#values.add(text);
    }
    return this;
  }

  redact(text: string): string {
    let result = text;
    for (const value of this.#values) result = result.split(value).join(REDACTED);
    return result;
  }

  /** Redacts every string inside a JSON-like value, returning a copy. */
  redactValue<T>(value: T): T {
    if (this.#values.size === 0) return value;
    return this.#walk(value) as T;
  }

  #walk(value: unknown): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (Array.isArray(value)) return value.map((item) => this.#walk(item));
    if (value !== null && typeof value === 'object' && !(value instanceof Secret)) {
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return value;
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.#walk(item)]));
    }
    return value;
  }
}
