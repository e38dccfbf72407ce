/**
 * Completion: finds the context at the cursor from the tokens of the line being typed (context.ts) and hands it
 * to the one small provider for that kind of context. A plain function of (analysis, offset, services), so the
 * language server, the CLI and the tests all call it the same way.
 */
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../../analysis/types.js';
import type { SchemaService } from '../../schema/types.js';
import { menuInForce } from '../support/commands.js';
import { offsetsToRange } from '../support/ranges.js';
import { nodePathAt } from '../support/walk.js';
import { scanCompletionContext, type CompletionContext } from './context.js';
import { globalArgumentItems, globalCommandItems } from './globals.js';
import { menuAndCommandItems } from './menus.js';
import { parameterNameItems } from './parameters.js';
import type { CompletionRequest } from './request.js';
import { parameterValueItems } from './values.js';
import { variableItems } from './variables.js';

export interface CompletionServices {
  readonly schema: SchemaService;
}

/** Characters after which the editor should ask for completion without the user pressing a key. */
export const COMPLETION_TRIGGER_CHARACTERS = [' ', '/', ':', '=', '$', ',', '['];

export interface CompletionOptions {
  /** The client accepts InsertReplaceEdit (LSP `completionItem.insertReplaceSupport`). */
  readonly insertReplace?: boolean;
}

export function provideCompletion(
  analysis: DocumentAnalysis,
  offset: number,
  services: CompletionServices,
  options: CompletionOptions = {},
): CompletionList {
  const cursor = Math.max(0, Math.min(offset, analysis.text.length));
  if (inComment(analysis, cursor)) return { isIncomplete: false, items: [] };
  const start = completionWindowStart(analysis, cursor);
  const base = menuInForce(analysis, start);
  const scanned = scanCompletionContext(analysis.text.slice(start, cursor), base.menuPath, services.schema);
  const replaceStart = start + scanned.replaceStart;
  const wordEnd = endOfWord(analysis.text, cursor);
  const request: CompletionRequest = {
    analysis,
    schema: services.schema,
    offset: cursor,
    range: offsetsToRange(analysis.lines, replaceStart, cursor),
    replaceRange: options.insertReplace && wordEnd > cursor ? offsetsToRange(analysis.lines, replaceStart, wordEnd) : undefined,
    partial: analysis.text.slice(replaceStart, cursor),
    beforeEquals: analysis.text[wordEnd] === '=',
  };
  return { isIncomplete: false, items: itemsFor(request, scanned.context) };
}

function itemsFor(request: CompletionRequest, context: CompletionContext): CompletionItem[] {
  switch (context.kind) {
    case 'menu':
      return menuAndCommandItems(request, context.path, context.statementStart);
    case 'global-command':
      return globalCommandItems(request);
    case 'parameter-name':
      return parameterNameItems(request, context.menuPath, context.command, context.given, context.positionalIndex, context.inWhere);
    case 'global-argument':
      return globalArgumentItems(request, context.command, context.given, context.positionalIndex);
    case 'parameter-value':
      if (context.valueText.startsWith('$')) return variableItems(request);
      return parameterValueItems(request, context.menuPath, context.command, context.parameter, context.global, context.valueText);
    case 'variable':
      return variableItems(request);
    case 'none':
      return [];
  }
}

/**
 * Where the text that decides the context starts: the start of the logical line (physical lines joined by a
 * trailing `\`), moved back to the start of the command when that line begins inside a multi-line string.
 */
export function completionWindowStart(analysis: DocumentAnalysis, offset: number): number {
  const { lines } = analysis;
  let line = lines.positionAt(offset).line;
  while (line > 0 && /\\[ \t]*$/.test(lines.lineText(line - 1))) line--;
  let start = lines.lineStart(line);
  // A line that starts inside a string (a `source="...` spanning lines) belongs to the command holding the string.
  for (let guard = 0; guard < 16; guard++) {
    const path = nodePathAt(analysis.parse.script, start, false);
    const stringIndex = path.findIndex((node) => node.kind === 'string' && node.span.start < start);
    if (stringIndex < 0) break;
    const holder = path.slice(0, stringIndex).reverse().find((node) => node.kind === 'command');
    if (!holder || holder.span.start >= start) break;
    start = lines.lineStart(lines.positionAt(holder.span.start).line);
  }
  return start;
}

/** The end of the name or value word the cursor is in (names, values, comma lists stop at `=` and spaces). */
function endOfWord(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && /[A-Za-z0-9_.-]/.test(text[end]!)) end++;
  return end;
}

/** True when the cursor is in a `#` comment (which runs to the end of its line). */
function inComment(analysis: DocumentAnalysis, offset: number): boolean {
  const comments = analysis.parse.comments ?? [];
  let low = 0;
  let high = comments.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = comments[mid]!;
    if (offset <= span.start) high = mid - 1;
    else if (offset > span.end) low = mid + 1;
    else return true;
  }
  return false;
}
