/**
 * Generic traversal of the AST (core/ast.ts). Recovered trees may miss optional children, so every access
 * here is guarded; a walk never throws on an incomplete node.
 */
import type { AnyNode, Script, Span, Statement } from '../../core/ast.js';
import { spanContains } from './ranges.js';

/** Calls `visit` for each direct child of `node`, in source order. */
export function forEachChild(node: AnyNode, visit: (child: AnyNode) => void): void {
  switch (node.kind) {
    case 'script':
      for (const statement of node.statements ?? []) visit(statement);
      return;
    case 'command':
      for (const word of node.words ?? []) visit(word);
      if (node.callee) visit(node.callee);
      for (const arg of node.args ?? []) visit(arg);
      if (node.block) visit(node.block);
      return;
    case 'blockStatement':
      if (node.block) visit(node.block);
      return;
    case 'named':
      if (node.name) visit(node.name);
      if (node.value) visit(node.value);
      return;
    case 'positional':
      if (node.value) visit(node.value);
      return;
    case 'flag':
    case 'unset':
      if (node.name) visit(node.name);
      return;
    case 'where':
      if (node.keyword) visit(node.keyword);
      if (node.expression) visit(node.expression);
      return;
    case 'string':
      // Code nested in a string covers the same characters as the string's interpolations, so when the
      // nested script exists it is the one structure to descend into.
      if (node.nested) {
        visit(node.nested);
      } else {
        for (const part of node.parts ?? []) if (part.kind === 'interpolation' && part.expression) visit(part.expression);
      }
      return;
    case 'substitution':
      for (const statement of node.statements ?? []) visit(statement);
      return;
    case 'block':
      if (node.script) visit(node.script);
      return;
    case 'array':
      for (const element of node.elements ?? []) {
        if (element.key) visit(element.key);
        if (element.value) visit(element.value);
      }
      return;
    case 'binary':
      if (node.left) visit(node.left);
      if (node.right) visit(node.right);
      return;
    case 'unary':
      if (node.operand) visit(node.operand);
      return;
    case 'group':
      if (node.expression) visit(node.expression);
      return;
    case 'concat':
      for (const part of node.parts ?? []) visit(part);
      return;
    default:
      return;
  }
}

/** Depth-first walk in source order; `visit` returning false skips the node's children. */
export function walk(node: AnyNode, visit: (node: AnyNode, parents: readonly AnyNode[]) => boolean | void): void {
  const parents: AnyNode[] = [];
  const step = (current: AnyNode): void => {
    if (visit(current, parents) === false) return;
    parents.push(current);
    forEachChild(current, step);
    parents.pop();
  };
  step(node);
}

/**
 * The chain of nodes whose span contains `offset`, from the root script to the innermost node. Statement lists
 * are searched by bisection, so finding a position in a 50,000-line export stays cheap.
 */
export function nodePathAt(root: Script, offset: number, inclusiveEnd = true): AnyNode[] {
  const path: AnyNode[] = [root];
  let current: AnyNode = root;
  for (;;) {
    const next = childAt(current, offset, inclusiveEnd);
    if (!next) return path;
    path.push(next);
    current = next;
  }
}

function childAt(node: AnyNode, offset: number, inclusiveEnd: boolean): AnyNode | undefined {
  if (node.kind === 'script' || node.kind === 'substitution') {
    return statementAt(node.statements ?? [], offset, inclusiveEnd);
  }
  let found: AnyNode | undefined;
  forEachChild(node, (child) => {
    // Later children win at a shared boundary: `name=` ends where its value starts.
    if (child.span && spanContains(child.span, offset, inclusiveEnd)) found = child;
  });
  return found;
}

/** The statement containing `offset`, by bisection over statements sorted by start. */
export function statementAt(statements: readonly Statement[], offset: number, inclusiveEnd = true): Statement | undefined {
  const index = lastStartingAtOrBefore(statements, offset);
  for (let i = index; i >= 0 && i >= index - 1; i--) {
    const statement = statements[i]!;
    if (spanContains(statement.span, offset, inclusiveEnd)) return statement;
  }
  return undefined;
}

/** Index of the last item whose span starts at or before `offset`, or -1. */
export function lastStartingAtOrBefore(items: readonly { span: Span }[], offset: number): number {
  let low = 0;
  let high = items.length - 1;
  let result = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (items[mid]!.span.start <= offset) {
      result = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return result;
}
