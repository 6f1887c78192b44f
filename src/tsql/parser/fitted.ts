/**
 * The list with no spare room, for a syntax-tree node to keep. An array grown by push() holds
 * room for about 16 more elements (17 slots for a one-part name), and a tree keeps tens of
 * thousands of short lists for as long as its translation runs: measured on the corpus, the
 * spare slots were a fifth of a tree's memory. slice() copies into an array of the exact length.
 */
export function fitted<T>(list: T[]): T[] {
  return list.length === 0 ? list : list.slice();
}
