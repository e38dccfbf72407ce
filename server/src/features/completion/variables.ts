/** Completion of variables visible at the cursor (after `$`, and for `:set`). */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import type { VariableSymbol } from '../../analysis/types.js';
import { makeItem, type CompletionRequest } from './request.js';

export function variableItems(request: CompletionRequest): CompletionItem[] {
  const { analysis, offset } = request;
  const visible = new Map<string, VariableSymbol>();
  for (const variable of analysis.symbols.variables) {
    if (!isVisible(variable, offset)) continue;
    const previous = visible.get(variable.name);
    // The innermost declaration shadows outer ones, as RouterOS resolves names.
    if (!previous || variable.scope.span.start >= previous.scope.span.start) visible.set(variable.name, variable);
  }
  return [...visible.values()].map((variable) => {
    const line = analysis.lines.positionAt(variable.span.start).line + 1;
    const needsQuotes = !/^[A-Za-z0-9]+$/.test(variable.name);
    return makeItem(request, variable.name, {
      kind: variable.kind === 'function' ? CompletionItemKind.Function : CompletionItemKind.Variable,
      detail: `${variable.kind} ${variable.kind === 'function' ? '' : 'variable '}(line ${line})`.replace('  ', ' '),
      insert: needsQuotes && !request.partial.startsWith('"') ? `"${variable.name}"` : variable.name,
      group: 1,
    });
  });
}

function isVisible(variable: VariableSymbol, offset: number): boolean {
  if (variable.kind === 'builtin') return true;
  return variable.scope.span.start <= offset && variable.visibleFrom <= offset && offset <= variable.visibleTo;
}
