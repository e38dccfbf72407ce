/**
 * Test helpers for the language core: render problems and trees as short readable lines, so tests read as
 * "script in, lines out".
 */
import type { Argument, ArrayElement, Expression, Script, Statement, StringLiteral } from '../../../server/src/core/ast.js';
import { parseScript, type ParseResult } from '../../../server/src/core/parse.js';
import { LineIndex } from '../../../server/src/core/text.js';

/** `2:5-2:9 syntax message` lines (1-based line:column, end exclusive) for every problem. */
export function problemLines(text: string, result: ParseResult = parseScript(text)): string[] {
  const lines = new LineIndex(text);
  return result.problems.map((found) => {
    const start = lines.positionAt(found.span.start);
    const end = lines.positionAt(found.span.end);
    return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${found.code} ${found.message}`;
  });
}

/** `line:col-line:col code` only (for tests that check place and kind, not wording). */
export function problemPlaces(text: string): string[] {
  return problemLines(text).map((line) => line.split(' ').slice(0, 2).join(' '));
}

/** The text a span covers. */
export function spanText(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}

/** A compact rendering of a parsed script: `:put "x"; /ip address add address=ip:1.2.3.4`. */
export function sketch(text: string): string {
  return sketchScript(parseScript(text).script);
}

export function sketchScript(script: Script): string {
  return script.statements.map(sketchStatement).join('; ');
}

function sketchStatement(statement: Statement): string {
  if (statement.kind === 'blockStatement') return `{${sketchScript(statement.block.script)}}`;
  const prefix = statement.prefix === 'colon' ? ':' : statement.prefix === 'slash' ? '/' : '';
  const head = [prefix + statement.words.map((word) => word.text).join(statement.slashPath ? '/' : ' ')];
  if (statement.callee) head.push(`call $${statement.callee.name}`);
  for (const arg of statement.args) head.push(sketchArgument(arg));
  if (statement.block) head.push(`block{${sketchScript(statement.block.script)}}`);
  return head.filter((part) => part !== '').join(' ');
}

function sketchArgument(arg: Argument): string {
  switch (arg.kind) {
    case 'named': return `${arg.name.text}=${arg.value ? sketchExpression(arg.value) : ''}`;
    case 'flag': return `flag:${arg.name.text}`;
    case 'unset': return `!${arg.name.text}`;
    case 'positional': return sketchExpression(arg.value);
    case 'where': return `where ${arg.expression ? sketchExpression(arg.expression) : '<none>'}`;
  }
}

function sketchString(value: StringLiteral): string {
  const base = JSON.stringify(value.value);
  return value.nested ? `${base}<code: ${sketchScript(value.nested)}>` : base;
}

function sketchElement(element: ArrayElement): string {
  const key = element.key ? (element.key.kind === 'word' ? element.key.text : sketchString(element.key)) + '=' : '';
  return key + (element.value ? sketchExpression(element.value) : '');
}

export function sketchExpression(expression: Expression): string {
  switch (expression.kind) {
    case 'literal': return expression.literalKind === 'word' ? expression.text : `${expression.literalKind}:${expression.text}`;
    case 'string': return sketchString(expression);
    case 'variable': return `$${expression.name}`;
    case 'substitution': return `[${expression.statements.map(sketchStatement).join('; ')}]`;
    case 'block': return `{${sketchScript(expression.script)}}`;
    case 'array': return `array{${expression.elements.map(sketchElement).join('; ')}}`;
    case 'binary': return `(${expression.operator} ${sketchExpression(expression.left)} ${expression.right ? sketchExpression(expression.right) : '<missing>'})`;
    case 'unary': return `(${expression.operator}${expression.operand ? sketchExpression(expression.operand) : '<missing>'})`;
    case 'group': return `(${expression.expression ? sketchExpression(expression.expression) : ''})`;
    case 'concat': return `concat(${expression.parts.map(sketchExpression).join(' ')})`;
    case 'error': return '<error>';
  }
}
