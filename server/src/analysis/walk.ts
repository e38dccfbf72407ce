/**
 * Generic traversal of the syntax tree. Every analysis pass and rule walks the tree through these helpers, so
 * there is one place that knows where statements can hide: blocks, substitutions, arrays, strings (their
 * interpolations and their nested scripts), groups and operators.
 */
import type { Expression, Script, Statement, CommandStatement, Argument } from '../core/ast.js';

export interface StatementVisit {
  readonly statement: Statement;
  /** The script (file, block body or nested string) that holds the statement. */
  readonly script: Script;
  /** The command whose argument holds this script, if any (a `[find]` inside `set`, a `do={}` of `:if`). */
  readonly parentCommand?: CommandStatement;
  /** True when the statement sits in a `[...]` substitution (it then does not change the current menu). */
  readonly inSubstitution: boolean;
  readonly inNestedString: boolean;
  readonly depth: number;
  /** Where the holding script came from: the file itself, a `{}` block, a `[]` substitution or a string. */
  readonly origin: ScriptOrigin;
}

export type ScriptOrigin = 'file' | 'block' | 'substitution' | 'string';

/** Hard bound on traversal depth; the parser bounds nesting too, this only guards against surprises. */
const MAX_DEPTH = 500;

/** Visits every statement of a script in document order, descending into every place that holds code. */
export function forEachStatement(root: Script, visit: (v: StatementVisit) => void): void {
  walkScript(root, { inSubstitution: false, inNestedString: false, depth: 0, origin: 'file' }, undefined, visit);
}

interface WalkState {
  readonly inSubstitution: boolean;
  readonly inNestedString: boolean;
  readonly depth: number;
  readonly origin: ScriptOrigin;
}

function walkScript(script: Script, state: WalkState, parent: CommandStatement | undefined, visit: (v: StatementVisit) => void): void {
  if (state.depth > MAX_DEPTH) return;
  for (const statement of script.statements ?? []) {
    visit({ statement, script, parentCommand: parent, ...state });
    walkStatementChildren(statement, state, visit);
  }
}

function walkStatementChildren(statement: Statement, state: WalkState, visit: (v: StatementVisit) => void): void {
  const inner: WalkState = { ...state, depth: state.depth + 1 };
  if (statement.kind === 'blockStatement') {
    if (statement.block?.script) walkScript(statement.block.script, { ...inner, inSubstitution: false, origin: 'block' }, undefined, visit);
    return;
  }
  for (const arg of statement.args ?? []) {
    const value = argumentValue(arg);
    if (value) walkExpression(value, inner, statement, visit);
  }
  if (statement.block?.script) walkScript(statement.block.script, { ...inner, inSubstitution: false, origin: 'block' }, statement, visit);
}

/** The expression an argument carries, if any. */
export function argumentValue(arg: Argument): Expression | undefined {
  switch (arg.kind) {
    case 'named':
      return arg.value;
    case 'positional':
      return arg.value;
    case 'where':
      return arg.expression;
    default:
      return undefined;
  }
}

function walkExpression(expr: Expression, state: WalkState, owner: CommandStatement, visit: (v: StatementVisit) => void): void {
  if (state.depth > MAX_DEPTH) return;
  const inner: WalkState = { ...state, depth: state.depth + 1 };
  switch (expr.kind) {
    case 'substitution':
      walkScript({ kind: 'script', span: expr.span, statements: expr.statements ?? [] }, { ...inner, inSubstitution: true, origin: 'substitution' }, owner, visit);
      return;
    case 'block':
      if (expr.script) walkScript(expr.script, { ...inner, inSubstitution: false, origin: 'block' }, owner, visit);
      return;
    case 'string':
      for (const part of expr.parts ?? []) {
        if (part.kind === 'interpolation' && part.expression) walkExpression(part.expression, inner, owner, visit);
      }
      if (expr.nested) walkScript(expr.nested, { ...inner, inSubstitution: false, inNestedString: true, origin: 'string' }, owner, visit);
      return;
    case 'array':
      for (const element of expr.elements ?? []) {
        if (element.value) walkExpression(element.value, inner, owner, visit);
      }
      return;
    case 'binary':
      walkExpression(expr.left, inner, owner, visit);
      if (expr.right) walkExpression(expr.right, inner, owner, visit);
      return;
    case 'unary':
      if (expr.operand) walkExpression(expr.operand, inner, owner, visit);
      return;
    case 'group':
      if (expr.expression) walkExpression(expr.expression, inner, owner, visit);
      return;
    case 'concat':
      for (const part of expr.parts ?? []) walkExpression(part, inner, owner, visit);
      return;
    default:
      return;
  }
}

/** Visits every expression below `expr` (including itself), not descending into nested statements. */
export function forEachExpression(expr: Expression | undefined, visit: (e: Expression) => void, depth = 0): void {
  if (!expr || depth > MAX_DEPTH) return;
  visit(expr);
  switch (expr.kind) {
    case 'string':
      for (const part of expr.parts ?? []) if (part.kind === 'interpolation') forEachExpression(part.expression, visit, depth + 1);
      return;
    case 'array':
      for (const element of expr.elements ?? []) forEachExpression(element.value, visit, depth + 1);
      return;
    case 'binary':
      forEachExpression(expr.left, visit, depth + 1);
      forEachExpression(expr.right, visit, depth + 1);
      return;
    case 'unary':
      forEachExpression(expr.operand, visit, depth + 1);
      return;
    case 'group':
      forEachExpression(expr.expression, visit, depth + 1);
      return;
    case 'concat':
      for (const part of expr.parts ?? []) forEachExpression(part, visit, depth + 1);
      return;
    default:
      return;
  }
}
