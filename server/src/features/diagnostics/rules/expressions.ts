/** Rule: a bare word inside `( )`, where RouterOS reads words as variable names, not as text. */
import type { Expression } from '../../../core/ast.js';
import { argumentValue, forEachExpression } from '../../../analysis/walk.js';
import type { Rule, RuleReport } from '../rule.js';

export const bareWordInExpression: Rule = {
  code: 'bare-word-in-expression',
  defaultSeverity: 'warning',
  description: 'A bare word inside `( )` such as `(installedVersion != $latest)`: RouterOS reads it as a variable, but without `$` a reader takes it for text.',
  check({ analysis }) {
    const reports: RuleReport[] = [];
    const reportGroup = (expr: Expression): void => {
      if (expr.kind !== 'group' || !expr.expression) return;
      for (const word of bareWords(expr.expression)) {
        reports.push({
          message: `\`${word.text}\` inside \`( )\` is read as the variable \`$${word.text}\`: write \`$${word.text}\` (or \`"${word.text}"\` if you meant text)`,
          span: word.span,
          data: { replacement: `$${word.text}` },
        });
      }
    };
    const commands = analysis.commands;
    for (let c = 0; c < commands.length; c++) {
      const command = commands[c]!;
      // In `find`/`print` filters and after `where`, bare words are the item's properties.
      if (command.commandName === 'find' || command.commandName === 'print') continue;
      const args = command.node.args;
      for (let a = 0; a < args.length; a++) {
        const arg = args[a]!;
        if (arg.kind === 'where') continue;
        const value = argumentValue(arg);
        // A plain word or number holds no `( )`: most values of an export.
        if (value && value.kind !== 'literal') forEachExpression(value, reportGroup);
      }
    }
    return reports;
  },
};

/** Bare words that are operands of operators in an expression (not inside nested groups: those are visited too). */
function bareWords(expr: Expression): { text: string; span: { start: number; end: number } }[] {
  const out: { text: string; span: { start: number; end: number } }[] = [];
  const visit = (e: Expression | undefined, operand: boolean) => {
    if (!e) return;
    if (e.kind === 'literal' && e.literalKind === 'word' && operand && /^[A-Za-z_][A-Za-z0-9_]*$/.test(e.text)) out.push({ text: e.text, span: e.span });
    if (e.kind === 'binary' && e.operator !== '->' && e.operator !== ',') {
      visit(e.left, true);
      visit(e.right, true);
    }
    if (e.kind === 'unary' && e.operator === '!') visit(e.operand, true);
  };
  visit(expr, false);
  return out;
}
