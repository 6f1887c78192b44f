import type { AstNode } from './ast.js';

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

/**
 * Calls `visit` for each direct child node, in source order. Generic over node kinds: every
 * property holding a node or an array of nodes is a child, so new kinds need no walker code.
 */
export function forEachChild(node: AstNode, visit: (child: AstNode) => void): void {
  for (const key in node) {
    if (key === 'kind' || key === 'start' || key === 'end') continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visit(item);
    } else if (isNode(value)) {
      visit(value);
    }
  }
}

export function childrenOf(node: AstNode): AstNode[] {
  const children: AstNode[] = [];
  forEachChild(node, (child) => children.push(child));
  return children;
}

/**
 * Visits `root` and its descendants depth-first in source order. Returning false from `enter`
 * skips a node's children; `leave` runs after them. Iterative, so that the left-deep trees of
 * long concatenations (`'a' + 'b' + ...` thousands of terms in generated SQL) cannot exhaust
 * the stack.
 */
export function walkAst(
  root: AstNode,
  enter: (node: AstNode, parent: AstNode | undefined) => boolean | void,
  leave?: (node: AstNode, parent: AstNode | undefined) => void,
): void {
  // Parallel stacks rather than a frame object and a children array per node: walks run over
  // every statement of large procedures several times, and the garbage was most of their cost.
  const nodes: AstNode[] = [root];
  const parents: Array<AstNode | undefined> = [undefined];
  // Only with `leave`: whether the node on the stack has had its children pushed.
  const expanded: boolean[] = [false];
  while (nodes.length > 0) {
    const top = nodes.length - 1;
    const node = nodes[top] as AstNode;
    const parent = parents[top];
    if (leave !== undefined) {
      if (expanded[top] === true) {
        nodes.pop();
        parents.pop();
        expanded.pop();
        leave(node, parent);
        continue;
      }
      expanded[top] = true;
    } else {
      nodes.pop();
      parents.pop();
    }
    if (enter(node, parent) === false) {
      if (leave !== undefined) {
        nodes.pop();
        parents.pop();
        expanded.pop();
      }
      continue;
    }
    const first = nodes.length;
    for (const key in node) {
      if (key === 'kind' || key === 'start' || key === 'end') continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) {
          if (isNode(item)) {
            nodes.push(item);
            parents.push(node);
            if (leave !== undefined) expanded.push(false);
          }
        }
      } else if (isNode(value)) {
        nodes.push(value);
        parents.push(node);
        if (leave !== undefined) expanded.push(false);
      }
    }
    // Children were pushed in source order; the first must come off the stack first.
    for (let low = first, high = nodes.length - 1; low < high; low++, high--) {
      const swap = nodes[low] as AstNode;
      nodes[low] = nodes[high] as AstNode;
      nodes[high] = swap;
    }
  }
}
