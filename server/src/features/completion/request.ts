/**
 * The inputs every completion provider shares, and the one place that turns a label into an LSP item with a
 * text edit over the partial word (so `add-def` is replaced as a whole, dashes included).
 */
import type { CompletionItem, CompletionItemKind, MarkupContent, Range } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../../analysis/types.js';
import { inVersionWindow } from '../../core/version.js';
import type { SchemaService, VersionWindow } from '../../schema/types.js';
import type { DocReference } from './resolve.js';

export interface CompletionRequest {
  readonly analysis: DocumentAnalysis;
  readonly schema: SchemaService;
  /** Cursor offset in the file. */
  readonly offset: number;
  /** The range a chosen item replaces: from the start of the partial word to the cursor. */
  readonly range: Range;
  /**
   * When the cursor is inside a word and the client supports it, the whole word (to its end) that an item may
   * replace instead of inserting before the rest (InsertReplaceEdit).
   */
  readonly replaceRange?: Range;
  /** The partial word being replaced. */
  readonly partial: string;
  /** The word at the cursor is already followed by `=` (editing a name): items must not add another. */
  readonly beforeEquals: boolean;
}

export interface ItemOptions {
  readonly kind: CompletionItemKind;
  readonly detail?: string;
  readonly documentation?: string;
  /** Documentation filled in on completionItem/resolve (see resolve.ts). */
  readonly doc?: DocReference;
  /** Text inserted instead of the label (`name=` for a parameter). */
  readonly insert?: string;
  /** Sort group; lower groups come first. */
  readonly group?: number;
  /** Ask the editor for the next completion right away (after `name=`). */
  readonly retrigger?: boolean;
}

export function makeItem(request: CompletionRequest, label: string, options: ItemOptions): CompletionItem {
  const documentation: MarkupContent | undefined = options.documentation
    ? { kind: 'markdown', value: options.documentation }
    : undefined;
  const item: CompletionItem = {
    label,
    kind: options.kind,
    textEdit: request.replaceRange
      ? { insert: request.range, replace: request.replaceRange, newText: options.insert ?? label }
      : { range: request.range, newText: options.insert ?? label },
    filterText: label,
    sortText: `${options.group ?? 5}_${label}`,
  };
  if (options.detail) item.detail = options.detail;
  if (documentation) item.documentation = documentation;
  // The target version travels with the reference, so the resolved docs say whether the target has the item.
  else if (options.doc) item.data = { doc: options.doc, target: request.analysis.target.version.text };
  if (options.retrigger) item.command = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };
  return item;
}

/** True if the item exists in the document's target RouterOS version. */
export function availableIn(request: CompletionRequest, window: VersionWindow): boolean {
  return inVersionWindow(request.analysis.target.version, window);
}
