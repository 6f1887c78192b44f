import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';

export type KeyPath = ReadonlyArray<string | number>;

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** `connections.legacy.port`, `parity.sets.finance.tables[0].keys` */
export function formatKeyPath(path: KeyPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text === '' ? '(top level)' : text;
}

/**
 * Finds where a key path sits in a parsed YAML document, so that a validation error can point
 * at file:line:column. When the path goes further than the document (a missing key), it points
 * at the deepest node that exists. With `key: true` it points at the key rather than its value.
 */
export function locateKeyPath(
  document: Document,
  lineCounter: LineCounter,
  path: KeyPath,
  options: { readonly key?: boolean } = {},
): Position {
  let node: unknown = document.contents;
  let offset = rangeStart(node) ?? 0;

  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair === undefined) break;
      const keyStart = rangeStart(pair.key);
      if (last && options.key === true && keyStart !== undefined) {
        offset = keyStart;
        break;
      }
      node = pair.value;
      offset = rangeStart(pair.value) ?? keyStart ?? offset;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      node = item;
      offset = rangeStart(item) ?? offset;
    } else {
      break;
    }
  }

  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return Array.isArray(range) ? range[0] : undefined;
}
