/**
 * Generic traversal of the syntax tree. Every analysis pass and rule walks the tree through these helpers, so
 * there is one place that knows where statements can hide: blocks, substitutions, arrays, strings (their
 * interpolations and their nested scripts), groups and operators.
 *
 * The walk runs over every node of 50,000-line exports several times per keystroke, so it allocates nothing per
 * expression and one small context object per script, not per node.
 */
import type { Expression, Script, Statement, CommandStatement, Argument } from '../core/ast.js';

export type ScriptOrigin = 'file' | 'block' | 'substitution' | 'string';

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

/** Hard bound on traversal depth; the parser bounds nesting too, this only guards against surprises. */
const MAX_DEPTH = 500;

interface ScriptContext {
  readonly inSubstitution: boolean;
  readonly inNestedString: boolean;
  readonly origin: ScriptOrigin;
  readonly parent: CommandStatement | undefined;
}

/**
 * Visits every statement of a script in document order, descending into every place that holds code. The visit
 * object is one per walk, refilled for each statement: read it during the call, do not keep it.
 */
export function forEachStatement(root: Script, visit: (v: StatementVisit) => void): void {
  const current: { -readonly [K in keyof StatementVisit]: StatementVisit[K] } = {
    statement: undefined as unknown as Statement, script: root, parentCommand: undefined, inSubstitution: false, inNestedString: false, depth: 0, origin: 'file',
  };
  const visitOne = (statement: Statement, script: Script, context: ScriptContext, depth: number): void => {
    current.statement = statement;
    current.script = script;
    current.parentCommand = context.parent;
    current.inSubstitution = context.inSubstitution;
    current.inNestedString = context.inNestedString;
    current.depth = depth;
    current.origin = context.origin;
    visit(current);
  };
  walkScript(root, { inSubstitution: false, inNestedString: false, origin: 'file', parent: undefined }, 0, visitOne);
}

type VisitOne = (statement: Statement, script: Script, context: ScriptContext, depth: number) => void;

function walkScript(script: Script, context: ScriptContext, depth: number, visit: VisitOne): void {
  if (depth > MAX_DEPTH) return;
  const statements = script.statements ?? [];
  for (let s = 0; s < statements.length; s++) {
    const statement = statements[s]!;
    visit(statement, script, context, depth);
    if (statement.kind === 'blockStatement') {
      const body = statement.block?.script;
      if (body) walkScript(body, { inSubstitution: false, inNestedString: context.inNestedString, origin: 'block', parent: undefined }, depth + 1, visit);
      continue;
    }
    const args = statement.args ?? [];
    for (let a = 0; a < args.length; a++) {
      const value = argumentValue(args[a]!);
      // A plain word holds no code.
      if (value && value.kind !== 'literal') walkExpression(value, context.inNestedString, statement, depth + 1, visit);
    }
    const body = statement.block?.script;
    if (body) walkScript(body, { inSubstitution: false, inNestedString: context.inNestedString, origin: 'block', parent: statement }, depth + 1, visit);
  }
}

/** The expression an argument carries, if any. */
export function argumentValue(arg: Argument): Expression | undefined {
  switch (arg.kind) {
    case 'named':
    case 'positional':
      return arg.value;
    case 'where':
      return arg.expression;
    default:
      return undefined;
  }
}

function walkExpression(expr: Expression, inNestedString: boolean, owner: CommandStatement, depth: number, visit: VisitOne): void {
  if (depth > MAX_DEPTH) return;
  switch (expr.kind) {
    case 'substitution':
      walkScript(
        { kind: 'script', span: expr.span, statements: expr.statements ?? [] },
        { inSubstitution: true, inNestedString, origin: 'substitution', parent: owner },
        depth + 1,
        visit,
      );
      return;
    case 'block':
      if (expr.script) walkScript(expr.script, { inSubstitution: false, inNestedString, origin: 'block', parent: owner }, depth + 1, visit);
      return;
    case 'string':
      for (const part of expr.parts ?? []) {
        if (part.kind === 'interpolation' && part.expression) walkExpression(part.expression, inNestedString, owner, depth + 1, visit);
      }
      if (expr.nested) walkScript(expr.nested, { inSubstitution: false, inNestedString: true, origin: 'string', parent: owner }, depth + 1, visit);
      return;
    case 'array':
      for (const element of expr.elements ?? []) {
        if (element.value) walkExpression(element.value, inNestedString, owner, depth + 1, visit);
      }
      return;
    case 'binary':
      walkExpression(expr.left, inNestedString, owner, depth + 1, visit);
      if (expr.right) walkExpression(expr.right, inNestedString, owner, depth + 1, visit);
      return;
    case 'unary':
      if (expr.operand) walkExpression(expr.operand, inNestedString, owner, depth + 1, visit);
      return;
    case 'group':
      if (expr.expression) walkExpression(expr.expression, inNestedString, owner, depth + 1, visit);
      return;
    case 'concat':
      for (const part of expr.parts ?? []) walkExpression(part, inNestedString, owner, depth + 1, visit);
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
