import type { KeyPath } from './yaml-locator.js';

const REFERENCE = /\$(\$?)\{env:([^}]*)\}/g;

export interface MissingVariable {
  readonly name: string;
  readonly path: KeyPath;
}

export interface Interpolated<T> {
  readonly value: T;
  readonly missing: readonly MissingVariable[];
  readonly invalid: readonly MissingVariable[];
}

/**
 * Replaces `${env:NAME}` in every string of a parsed YAML value with the variable's value.
 * `$${env:NAME}` stays as the literal text `${env:NAME}`. Variables that are not set are
 * collected (with where they were used) rather than replaced by an empty string.
 */
export function interpolateEnv<T>(value: T, env: NodeJS.ProcessEnv): Interpolated<T> {
  const missing: MissingVariable[] = [];
  const invalid: MissingVariable[] = [];

  const walk = (node: unknown, path: Array<string | number>): unknown => {
    if (typeof node === 'string') {
      return node.replace(REFERENCE, (whole, escape: string, variable: string) => {
        if (escape === '$') return whole.slice(1);
        const trimmed = variable.trim();
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(trimmed)) {
          invalid.push({ name: variable, path: [...path] });
          return whole;
        }
        const resolved = env[trimmed];
        if (resolved === undefined) {
          missing.push({ name: trimmed, path: [...path] });
          return whole;
        }
        return resolved;
      });
    }
    if (Array.isArray(node)) return node.map((item, index) => walk(item, [...path, index]));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item, [...path, key])]));
    }
    return node;
  };

  return { value: walk(value, []) as T, missing, invalid };
}
