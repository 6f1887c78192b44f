import type { Expression, FunctionCall } from '../../tsql/index.js';
import type { TranslationContext } from '../context.js';
import type { TranslateTarget } from '../dialects/dialect.js';

/** What a function rule gets: the translated arguments, the call, and the context. */
export interface FunctionCallSite {
  readonly args: readonly string[];
  readonly call: FunctionCall;
  readonly ctx: TranslationContext;
  /** Translates another expression (for rules that look at or re-use raw arguments). */
  readonly expression: (node: Expression) => string;
}

/**
 * A call whose DISTINCT and OVER (...) belong inside a wrapper: `core` is the aggregate the
 * modifiers apply to, `wrap` puts the result in its final form (AVG of integers truncates:
 * CAST(avg(x) OVER (...) AS BIGINT)).
 */
export interface WrappedCall {
  readonly core: string;
  readonly wrap: (core: string) => string;
}

/** A target spelling: a plain rename, or a function of the call site. */
export type FunctionEmitter = string | ((site: FunctionCallSite) => string | WrappedCall);

/** One T-SQL built-in: the same spelling for every target, or one per target. */
export type FunctionRule = FunctionEmitter | { readonly [T in TranslateTarget]: FunctionEmitter };

export type FunctionTable = Readonly<Record<string, FunctionRule>>;

export function emitterFor(rule: FunctionRule, target: TranslateTarget): FunctionEmitter {
  return typeof rule === 'string' || typeof rule === 'function' ? rule : rule[target];
}

/** A call of `name` with the translated arguments, in order. */
export const call =
  (name: string) =>
  (site: FunctionCallSite): string =>
    `${name}(${site.args.join(', ')})`;

/** The bare name of a called function, upper-cased. */
export function functionName(node: FunctionCall): string {
  return (node.name.parts[node.name.parts.length - 1] ?? '').toUpperCase();
}

export function isQuoteName(node: Expression): boolean {
  return node.kind === 'function-call' && node.name.parts.length === 1 && functionName(node) === 'QUOTENAME';
}

/** The argument of QUOTENAME(x) or QUOTENAME(x, '[' or ']'), which writes a name in brackets. */
export function quoteNameArgument(node: Expression): Expression | undefined {
  if (!isQuoteName(node) || node.kind !== 'function-call') return undefined;
  const [name, quote] = node.args;
  if (name === undefined) return undefined;
  if (quote === undefined) return name;
  return quote.kind === 'literal' && (quote.type === 'string' || quote.type === 'unicode-string') && (quote.value === '[' || quote.value === ']') ? name : undefined;
}

/** Whether an expression is simple enough to repeat in the output without a reader losing track. */
export function isSimple(node: Expression): boolean {
  return node.kind === 'column-ref' || node.kind === 'variable' || node.kind === 'literal';
}

/**
 * Databricks: the values of `pairs` (an array of structs with fields k0, k1 ... and v) in the
 * order of their keys, as ORDER BY sorts: NULL keys first ascending, last descending. The
 * comparator looks at the keys only, so the values need not be comparable (JSON, VARIANT).
 */
export function sortedValues(pairs: string, directions: ReadonlyArray<'ASC' | 'DESC' | undefined>): string {
  const compare = directions
    .map((direction, index) => {
      const [first, second] = direction === 'DESC' ? ['r', 'l'] : ['l', 'r'];
      return (
        `WHEN l.k${index} IS NULL AND r.k${index} IS NOT NULL THEN ${direction === 'DESC' ? 1 : -1} ` +
        `WHEN l.k${index} IS NOT NULL AND r.k${index} IS NULL THEN ${direction === 'DESC' ? -1 : 1} ` +
        `WHEN ${first}.k${index} < ${second}.k${index} THEN -1 WHEN ${first}.k${index} > ${second}.k${index} THEN 1`
      );
    })
    .join(' ');
  return `transform(array_sort(${pairs}, (l, r) -> CASE ${compare} ELSE 0 END), p -> p.v)`;
}
