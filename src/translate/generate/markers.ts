import type { Span } from '../../tsql/index.js';
import type { TranslationContext } from '../context.js';
import { sourceText } from './source-text.js';

export type UntranslatedCode = 'TR_UNSUPPORTED_EXPRESSION' | 'TR_UNSUPPORTED_FUNCTION' | 'TR_SYSTEM_OBJECT';

/**
 * What T-SQL cannot be translated stays in the output between markers, so that the reader sees
 * it and the target refuses to run it, with an error diagnostic naming it.
 */
export function untranslated(node: Span, ctx: TranslationContext, code: UntranslatedCode, message: string): string {
  ctx.report(code, node, message);
  return `/*[${code}]*/ ${sourceText(ctx, node).replaceAll('*/', '* /')} /*[/${code}]*/`;
}
