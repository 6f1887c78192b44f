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
    if (key === 'span' || key === 'kind') continue;
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
  type Frame = { node: AstNode; parent: AstNode | undefined; expanded: boolean };
  const stack: Frame[] = [{ node: root, parent: undefined, expanded: false }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.expanded) {
      stack.pop();
      leave?.(frame.node, frame.parent);
      continue;
    }
    frame.expanded = true;
    if (enter(frame.node, frame.parent) === false) {
      stack.pop();
      continue;
    }
    const children = childrenOf(frame.node);
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i] as AstNode, parent: frame.node, expanded: false });
    }
  }
}
