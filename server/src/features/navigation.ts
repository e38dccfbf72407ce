/**
 * Go to definition and find references for variables, functions and named objects (interfaces, profiles,
 * pools, lists, tables, marks). Everything comes from the symbol table analysis built for the document.
 */
import type { Location } from 'vscode-languageserver-types';
import type { DocumentAnalysis, ObjectReference, ObjectSymbol, VariableSymbol } from '../analysis/types.js';
import type { Span } from '../core/ast.js';
import { spanContains, spanToRange } from './support/ranges.js';

type Target =
  | { readonly kind: 'variable'; readonly name: string; readonly declaration?: VariableSymbol }
  | { readonly kind: 'object'; readonly objectKind: ObjectSymbol['kind']; readonly name: string };

/** What the symbol under the cursor is: a variable (declaration or use) or a named object (definition or use). */
function targetAt(analysis: DocumentAnalysis, offset: number): Target | undefined {
  const { symbols } = analysis;
  const declaration = symbols.variables.find((variable) => spanContains(variable.span, offset));
  if (declaration) return { kind: 'variable', name: declaration.name, declaration };
  const use = symbols.variableReferences.find((ref) => spanContains(ref.span, offset));
  if (use) return { kind: 'variable', name: use.name, declaration: use.declaration };
  const object: ObjectSymbol | ObjectReference | undefined =
    symbols.objectReferences.find((ref) => spanContains(ref.span, offset)) ??
    symbols.objects.find((definition) => spanContains(definition.span, offset));
  if (object) return { kind: 'object', objectKind: object.kind, name: object.name };
  return undefined;
}

export function provideDefinition(analysis: DocumentAnalysis, offset: number, uri: string): Location[] {
  const target = targetAt(analysis, offset);
  if (!target) return [];
  if (target.kind === 'variable') return target.declaration ? [location(analysis, uri, target.declaration.span)] : [];
  const definitions = analysis.symbols.objects.filter((object) => object.kind === target.objectKind && object.name === target.name);
  return unique(definitions.map((object) => object.span)).map((span) => location(analysis, uri, span));
}

export function provideReferences(analysis: DocumentAnalysis, offset: number, uri: string, includeDeclaration: boolean): Location[] {
  const target = targetAt(analysis, offset);
  if (!target) return [];
  const spans: Span[] = [];
  const { symbols } = analysis;
  if (target.kind === 'variable') {
    if (includeDeclaration && target.declaration) spans.push(target.declaration.span);
    for (const ref of symbols.variableReferences) {
      const same = target.declaration ? ref.declaration === target.declaration : !ref.declaration && ref.name === target.name;
      if (same) spans.push(ref.span);
    }
  } else {
    if (includeDeclaration) {
      for (const object of symbols.objects) if (object.kind === target.objectKind && object.name === target.name) spans.push(object.span);
    }
    for (const ref of symbols.objectReferences) if (ref.kind === target.objectKind && ref.name === target.name) spans.push(ref.span);
  }
  return unique(spans).map((span) => location(analysis, uri, span));
}

function location(analysis: DocumentAnalysis, uri: string, span: Span): Location {
  return { uri, range: spanToRange(analysis.lines, span) };
}

/** Spans in document order without repeats (an interface-menu object is recorded under two kinds). */
function unique(spans: readonly Span[]): Span[] {
  const seen = new Set<string>();
  return [...spans]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .filter((span) => {
      const key = `${span.start}:${span.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
