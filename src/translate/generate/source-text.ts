import type { Span } from '../../tsql/index.js';
import type { TranslationContext } from '../context.js';

/** The original T-SQL of a node, for markers and comments. */
export function sourceText(ctx: TranslationContext, node: Span): string {
  return ctx.source.slice(node.start, node.end);
}
