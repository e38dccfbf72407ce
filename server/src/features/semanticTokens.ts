/**
 * Semantic tokens: colours that depend on meaning rather than shape. Path words are namespaces, menu commands
 * functions, global commands keywords, parameter names parameters; variables, strings, numbers, comments and
 * operators complete the picture. Tokens never overlap and never span lines (split per line), so any client
 * can use them.
 */
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis/types.js';
import type { AnyNode, Span, StringLiteral } from '../core/ast.js';
import { walk } from './support/walk.js';

export const TOKEN_TYPES = ['namespace', 'function', 'parameter', 'variable', 'string', 'number', 'comment', 'operator', 'keyword'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'defaultLibrary'] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [...TOKEN_TYPES],
  tokenModifiers: [...TOKEN_MODIFIERS],
};

interface RawToken {
  start: number;
  end: number;
  type: number;
  modifiers: number;
}

const typeIndex = (type: TokenType) => TOKEN_TYPES.indexOf(type);
const DECLARATION = 1 << TOKEN_MODIFIERS.indexOf('declaration');

const NUMBER_LIKE = new Set(['number', 'ip', 'ipPrefix', 'ipRange', 'ip6', 'ip6Prefix', 'mac', 'time', 'id']);

/**
 * Tokens of the whole document, or only of the top-level statements that touch `within` (offsets): editors ask
 * for the visible range first, which keeps a 50,000-line export responsive.
 */
export function provideSemanticTokens(analysis: DocumentAnalysis, requested?: Span): SemanticTokens {
  const tokens: RawToken[] = [];
  const topLevel = analysis.parse.script.statements ?? [];
  const statements = requested ? topLevel.filter((s) => s.span.end >= requested.start && s.span.start <= requested.end) : topLevel;
  // A range grows to whole statements, so a statement's tokens are all there or all absent.
  const within: Span | undefined = requested && {
    start: Math.min(requested.start, statements[0]?.span.start ?? requested.start),
    end: Math.max(requested.end, statements[statements.length - 1]?.span.end ?? requested.end),
  };
  const touches = (span: Span) => !within || (span.end >= within.start && span.start <= within.end);
  const push = (span: Span | undefined, type: TokenType, modifiers = 0) => {
    if (span && span.end > span.start && touches(span)) tokens.push({ start: span.start, end: span.end, type: typeIndex(type), modifiers });
  };

  for (const command of analysis.commands) {
    if (!touches(command.node.span)) continue;
    for (const word of command.pathWords) push(word.span, 'namespace');
    if (command.commandWord) push(command.commandWord.span, command.kind === 'global' ? 'keyword' : 'function');
  }
  for (const variable of analysis.symbols.variables) push(variable.span, 'variable', DECLARATION);

  const strings: StringLiteral[] = [];
  const visit = (node: AnyNode): boolean | undefined => {
    switch (node.kind) {
      case 'named':
      case 'flag':
      case 'unset':
        push(node.name?.span, 'parameter');
        return undefined;
      case 'where':
        push(node.keyword?.span, 'keyword');
        return undefined;
      case 'variable':
        push(node.span, 'variable');
        return false;
      case 'literal':
        if (NUMBER_LIKE.has(node.literalKind)) push(node.span, 'number');
        return false;
      case 'binary':
        push(node.operatorSpan, 'operator');
        return undefined;
      case 'string':
        strings.push(node);
        return undefined;
      default:
        return undefined;
    }
  };
  for (const statement of statements) walk(statement, visit);
  for (const comment of analysis.parse.comments ?? []) push(comment, 'comment');

  const code = removeOverlaps(tokens);
  // Strings go last: only the parts not covered by code (interpolations, nested scripts) are string-coloured.
  for (const literal of strings) {
    if (literal.nested) {
      addQuotes(literal, code);
    } else {
      for (const piece of subtract(literal.span, code)) code.push({ ...piece, type: typeIndex('string'), modifiers: 0 });
    }
  }
  return { data: encode(analysis, removeOverlaps(code)) };
}

/** A string holding code shows its quotes as string and the code inside with the code's own colours. */
function addQuotes(literal: StringLiteral, out: RawToken[]): void {
  const type = typeIndex('string');
  out.push({ start: literal.span.start, end: literal.span.start + 1, type, modifiers: 0 });
  if (!literal.unterminated && literal.span.end - literal.span.start > 1) out.push({ start: literal.span.end - 1, end: literal.span.end, type, modifiers: 0 });
}

/** Sorted tokens with overlaps dropped (the first, outermost-starting token wins). */
function removeOverlaps(tokens: RawToken[]): RawToken[] {
  tokens.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RawToken[] = [];
  let reached = -1;
  for (const token of tokens) {
    if (token.start < reached) continue;
    out.push(token);
    reached = token.end;
  }
  return out;
}

/** The parts of `span` not covered by any of the (sorted, disjoint) tokens. */
function subtract(span: Span, tokens: readonly RawToken[]): Span[] {
  const pieces: Span[] = [];
  let cursor = span.start;
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid]!.end <= span.start) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < tokens.length && tokens[i]!.start < span.end; i++) {
    const token = tokens[i]!;
    if (token.start > cursor) pieces.push({ start: cursor, end: token.start });
    cursor = Math.max(cursor, token.end);
  }
  if (cursor < span.end) pieces.push({ start: cursor, end: span.end });
  return pieces;
}

/** LSP's relative encoding; tokens that cross line ends are split into one token per line. */
function encode(analysis: DocumentAnalysis, tokens: readonly RawToken[]): number[] {
  const { lines } = analysis;
  const data: number[] = [];
  let previousLine = 0;
  let previousChar = 0;
  const emit = (line: number, character: number, length: number, token: RawToken) => {
    if (length <= 0) return;
    const deltaLine = line - previousLine;
    data.push(deltaLine, deltaLine === 0 ? character - previousChar : character, length, token.type, token.modifiers);
    previousLine = line;
    previousChar = character;
  };
  for (const token of tokens) {
    const start = lines.positionAt(token.start);
    const end = lines.positionAt(token.end);
    if (start.line === end.line) {
      emit(start.line, start.character, end.character - start.character, token);
      continue;
    }
    for (let line = start.line; line <= end.line; line++) {
      const lineLength = lines.lineText(line).length;
      const from = line === start.line ? start.character : 0;
      const to = line === end.line ? end.character : lineLength;
      emit(line, from, Math.min(to, lineLength) - from, token);
    }
  }
  return data;
}
