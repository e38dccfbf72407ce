/**
 * CST -> AST. Defensive: nodes made by parser recovery may lack children, so every child is optional here.
 *
 * Decisions the grammar leaves open are made here, with the problems that go with them:
 * - which leading words form `words`, which argument is named / flag / unset / positional / where;
 * - whether a `{ }` is code (Block) or data (ArrayLiteral), from the parameter or command it belongs to;
 * - operator precedence (the grammar gives a flat operand/operator list);
 * - missing operands, missing `=` after `do`/`else`, values glued in ways RouterOS rejects.
 * Strings that hold code are decoded and parsed again through `parseNested`, and their AST is mapped back to
 * file offsets.
 */
import type { CstNode, IToken } from 'chevrotain';
import type {
  Argument, ArrayElement, ArrayLiteral, BinaryOperator, Block, CommandStatement, Expression, Literal, Script, Span,
  Statement, StringLiteral, StringPart, UnaryOperator, VariableRef, Word as WordNode,
} from './ast.js';
import { grammar } from './grammar.js';
import { lex } from './lexer.js';
import { emptyObjectList } from './lists.js';
import { keepShapeOf } from './keepShapes.js';
import { classifyWord } from './literals.js';
import { parserErrorProblems } from './parserErrors.js';
import { SCRIPT_PARAMETER_NAMES } from './scriptParameters.js';
import { decodeString, type DecodedPiece } from './stringDecode.js';
import { Code, problem, quoteText, type RawProblem } from './syntaxProblems.js';
import {
  ColonPrefix, Equals, Glue, Newline, PathSep, Semicolon, SlashPrefix, StringToken, Variable, Word, endOf, type RscToken,
} from './tokenTypes.js';

const NEWLINE_TYPE = Newline.tokenTypeIdx!;
const SEMICOLON_TYPE = Semicolon.tokenTypeIdx!;
const COLON_TYPE = ColonPrefix.tokenTypeIdx!;
const SLASH_TYPE = SlashPrefix.tokenTypeIdx!;
const PATH_SEP_TYPE = PathSep.tokenTypeIdx!;
const EQUALS_TYPE = Equals.tokenTypeIdx!;
const GLUE_TYPE = Glue.tokenTypeIdx!;
const WORD_TYPE = Word.tokenTypeIdx!;
const STRING_TYPE = StringToken.tokenTypeIdx!;
const VARIABLE_TYPE = Variable.tokenTypeIdx!;
function isPieceType(type: number): boolean {
  return type === WORD_TYPE || type === STRING_TYPE || type === VARIABLE_TYPE;
}

/** Parses decoded nested code; results are in the decoded text's coordinates. */
export type NestedParser = (text: string, depth: number) => { script: Script; problems: RawProblem[]; comments: Span[] };

/** Nested scripts (code in strings in code in strings ...) deeper than this are not parsed. */
export const MAX_NESTED_DEPTH = 6;

/** Named arguments whose value is a script: a `{ }` there is code, and a string there is parsed as code. */
const SCRIPT_PARAMETERS = new Set(SCRIPT_PARAMETER_NAMES);

/** Global commands written without `:` (`local x 1`, `if (...) do={...}`); never a menu holding a block. */
const GLOBAL_COMMANDS = new Set([
  'local', 'global', 'set', 'put', 'if', 'do', 'while', 'for', 'foreach', 'return', 'error', 'onerror', 'retry',
  'delay', 'log', 'parse', 'execute', 'resolve', 'time', 'typeof', 'len', 'pick', 'find', 'toarray', 'tobool',
  'toid', 'toip', 'toip6', 'tonum', 'tostr', 'totime', 'tonsec', 'tocrlf', 'tolf', 'range', 'serialize',
  'deserialize', 'convert', 'grep', 'rndnum', 'rndstr', 'beep', 'nothing', 'lock', 'break', 'continue', 'exit',
  'environment', 'terminal', 'timestamp', 'jobname',
]);

/** How many values a `:` command takes, for telling a stray `#comment` from a value (`:put 2 #c`). */
const VALUE_ARITY: Record<string, number> = { put: 1, local: 2, global: 2, set: 2, return: 1, error: 1, delay: 1, len: 1, typeof: 1 };

/** Prefix characters that can never begin a command (banners, separators, HTML, multipart junk). */
const BAD_COMMAND_START = /^[^A-Za-z0-9._\u0080-\uffff]/;

const PRECEDENCE: Record<string, number> = {
  ',': 1, '||': 2, or: 2, '&&': 3, and: 3, in: 4, '<': 5, '>': 5, '=': 5, '<=': 5, '>=': 5, '!=': 5, '~': 5, '.': 6,
  '<<': 7, '>>': 7, '|': 8, '^': 9, '&': 10, '+': 11, '-': 11, '*': 12, '/': 12, '%': 12, '<%%': 13, '->': 14,
};
const RIGHT_ASSOCIATIVE = new Set([7, 13]);

type BraceContext = 'code' | 'array' | 'guess';

/** One piece of a value: a Word/String/Variable token, or a substitution/group/braces CST node. */
type Piece = IToken | CstNode;
interface ValueEntry { readonly kind: 'value'; readonly pieces: Piece[]; readonly span: Span }
interface EqualsEntry { readonly kind: 'equals'; readonly token: IToken; readonly value?: Piece[]; readonly span: Span }
interface WhereEntry { readonly kind: 'where'; readonly token: IToken; readonly expressions: CstNode[]; readonly span: Span }
type Entry = ValueEntry | EqualsEntry | WhereEntry;
type Paired = ValueEntry | WhereEntry | { readonly kind: 'named'; readonly name?: ValueEntry; readonly equals: EqualsEntry; readonly span: Span };

/**
 * An array of exactly its length. An array filled by `push` keeps room for 17 elements, and a big export's tree
 * holds some 100,000 small arrays (words, arguments, statements): copied tight, they take a fifth of the memory.
 */
function tight<T>(items: T[]): T[] {
  return items.length === 0 ? (EMPTY_LIST as unknown as T[]) : items.slice();
}
/** One empty list for every empty list of the tree (most commands have no words or no arguments). */
const EMPTY_LIST: readonly never[] = emptyObjectList();

function tokenSpan(token: IToken): Span {
  return { start: token.startOffset, end: endOf(token) };
}
function joinSpans(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/*
 * The nodes a big export has by the hundred thousand (words, literals, named and positional arguments, commands)
 * keep their offsets on themselves, and their `span` is the node itself: one object instead of two, which takes a
 * fifth off the tree's memory and its garbage-collection time. `remapSpans` maps such a node in place.
 */
const UNSET_SPAN: Span = Object.freeze({ start: 0, end: 0 });
function wordNode(text: string, start: number, end: number): WordNode {
  const node = { kind: 'word' as const, start, end, span: UNSET_SPAN, text };
  node.span = node;
  return node;
}
function literalNode(text: string, start: number, end: number): Literal {
  const node = { kind: 'literal' as const, start, end, span: UNSET_SPAN, text, literalKind: classifyWord(text) };
  node.span = node;
  return node;
}
function namedNode(span: Span, name: WordNode, value: Expression | undefined): Argument {
  const node = { kind: 'named' as const, start: span.start, end: span.end, span: UNSET_SPAN, name, value };
  node.span = node;
  return node;
}
function positionalNode(span: Span, value: Expression): Argument {
  const node = { kind: 'positional' as const, start: span.start, end: span.end, span: UNSET_SPAN, value };
  node.span = node;
  return node;
}
function commandNode(span: Span, prefix: 'colon' | 'slash' | undefined, slashPath: boolean, words: WordNode[], callee: VariableRef | undefined, args: Argument[], block: Block | undefined): CommandStatement {
  const node = { kind: 'command' as const, start: span.start, end: span.end, span: UNSET_SPAN, prefix, slashPath, words, callee, args, block };
  node.span = node;
  return node;
}
const NONE: never[] = [];
function nodes(node: CstNode | undefined, key: string): CstNode[] {
  return (node?.children[key] as CstNode[] | undefined) ?? NONE;
}
function tokens(node: CstNode | undefined, key: string): IToken[] {
  return (node?.children[key] as IToken[] | undefined) ?? NONE;
}
function isToken(piece: Piece): piece is IToken {
  return (piece as IToken).tokenType !== undefined;
}
/** Where a piece starts: its token, or the opening bracket of a `[ ]` / `( )` / `{ }` node. */
function pieceStart(piece: Piece): number {
  if (isToken(piece)) return piece.startOffset;
  for (const key of OPENERS) {
    const opener = (piece.children[key] as IToken[] | undefined)?.[0];
    if (opener && Number.isFinite(opener.startOffset)) return opener.startOffset;
  }
  return NaN;
}
const OPENERS = ['LBracket', 'LParen', 'LBrace'];
const PIECE_TOKENS = ['Word', 'String', 'Variable'];
const PIECE_NODES = ['substitution', 'group', 'braces'];
/** The pieces a rule consumed inline, in text order (the CST groups children by kind, not by position). */
function piecesOf(node: CstNode | undefined): Piece[] {
  if (!node) return NONE;
  const children = node.children;
  // Most items hold one piece: it becomes a one-element list, not one that grows by push (which reserves 17
  // slots); only the rare item of glued pieces builds a longer list and sorts it.
  let only: Piece | undefined;
  let several: Piece[] | undefined;
  for (let k = 0; k < PIECE_KEYS.length; k++) {
    const found = children[PIECE_KEYS[k]!] as Piece[] | undefined;
    if (!found) continue;
    for (let i = 0; i < found.length; i++) {
      const piece = found[i]!;
      if (isToken(piece) && !isReal(piece)) continue;
      if (only === undefined) only = piece;
      else (several ??= [only]).push(piece);
    }
  }
  if (several) return several.sort((a, b) => pieceStart(a) - pieceStart(b));
  return only === undefined ? NONE : [only];
}
const PIECE_KEYS = [...PIECE_TOKENS, ...PIECE_NODES];
/** A real token (Chevrotain recovery may insert virtual ones with NaN offsets). */
function isReal(token: IToken | undefined): token is IToken {
  return token !== undefined && Number.isFinite(token.startOffset);
}

export class AstBuilder {
  constructor(
    private readonly text: string,
    private readonly problems: RawProblem[],
    private readonly comments: Span[],
    private readonly depth: number,
    private readonly parseNested: NestedParser,
    /** From the lexer: the first comment inside each `{ }`, by the offset of its `{`. */
    private readonly commentsInBraces: ReadonlyMap<number, Span> = new Map(),
  ) {}

  script(node: CstNode | undefined, span: Span): Script {
    const statements: Statement[] = [];
    for (const statement of nodes(node, 'statement')) {
      const built = this.statement(statement);
      if (built) statements.push(built);
    }
    for (const stray of nodes(node, 'stray')) this.reportStray(stray);
    return { kind: 'script', span, statements: tight(statements) };
  }

  // ---------------------------------------------------------------- statements

  private entries(statement: CstNode): Entry[] {
    const entries: Entry[] = [];
    for (const item of nodes(statement, 'item')) {
      const where = tokens(item, 'Where')[0];
      const equals = tokens(item, 'Equals')[0];
      const pieces = piecesOf(item);
      if (isReal(where)) {
        const expressions = [...nodes(item, 'expression'), ...nodes(item, 'condition')];
        let span = tokenSpan(where);
        for (const part of expressions) {
          const partSpan = this.nodeSpan(part);
          if (partSpan) span = joinSpans(span, partSpan);
        }
        entries.push({ kind: 'where', token: where, expressions, span });
      } else if (isReal(equals)) {
        const valueSpan = this.piecesSpan(pieces);
        entries.push({ kind: 'equals', token: equals, value: pieces.length > 0 ? pieces : undefined, span: valueSpan ? joinSpans(tokenSpan(equals), valueSpan) : tokenSpan(equals) });
      } else if (pieces.length > 0) {
        const span = this.piecesSpan(pieces);
        if (span) entries.push({ kind: 'value', pieces, span });
      }
    }
    return entries;
  }

  private pair(entries: Entry[]): Paired[] {
    const paired: Paired[] = [];
    for (let k = 0; k < entries.length; k++) {
      const entry = entries[k]!;
      const next = entries[k + 1];
      if (entry.kind === 'value' && next?.kind === 'equals') {
        paired.push({ kind: 'named', name: entry, equals: next, span: joinSpans(entry.span, next.span) });
        k++;
      } else if (entry.kind === 'equals') {
        this.problems.push(problem(Code.syntax, entry.token.startOffset, endOf(entry.token),
          '`=` needs a parameter name right before it (`name=value`)'));
        paired.push({ kind: 'named', equals: entry, span: entry.span });
      } else {
        paired.push(entry);
      }
    }
    return paired;
  }

  private statement(node: CstNode): Statement | undefined {
    const colon = tokens(node, 'ColonPrefix')[0];
    const slash = tokens(node, 'SlashPrefix')[0];
    const prefixToken = isReal(colon) ? colon : isReal(slash) ? slash : undefined;
    const prefix = isReal(colon) ? 'colon' : isReal(slash) ? 'slash' : undefined;
    const slashPath = nodes(node, 'item').some((item) => isReal(tokens(item, 'PathSep')[0]));
    return this.statementOf(prefixToken, prefix, slashPath, this.pair(this.entries(node)));
  }

  /**
   * The statements of a run of plain lines (see simpleStatements.ts) straight from the tokens: the entries the
   * CST path would give, without building the CST. The same `statementOf` makes the tree, so both paths agree
   * (test/unit/core/fastPath.test.ts).
   */
  simpleStatements(tokens: readonly IToken[], from: number, to: number, out: Statement[]): void {
    let i = from;
    while (i < to) {
      const first = tokens[i]!;
      const type = first.tokenTypeIdx;
      if (type === NEWLINE_TYPE || type === SEMICOLON_TYPE) {
        i++;
        continue;
      }
      let prefixToken: IToken | undefined;
      let prefix: 'colon' | 'slash' | undefined;
      if (type === COLON_TYPE || type === SLASH_TYPE) {
        prefixToken = first;
        prefix = type === COLON_TYPE ? 'colon' : 'slash';
        i++;
      }
      let slashPath = false;
      const entries: Entry[] = [];
      while (i < to) {
        const token = tokens[i]!;
        const itemType = token.tokenTypeIdx;
        if (itemType === NEWLINE_TYPE || itemType === SEMICOLON_TYPE || itemType === COLON_TYPE || itemType === SLASH_TYPE) break;
        if (itemType === PATH_SEP_TYPE) {
          slashPath = true;
          i++;
          continue;
        }
        const equals = itemType === EQUALS_TYPE ? token : undefined;
        if (equals) i++;
        // piece (Glue piece)*
        let pieces: Piece[] = NONE;
        if (i < to && isPieceType(tokens[i]!.tokenTypeIdx)) {
          pieces = [tokens[i]!];
          i++;
          while (i + 1 < to && tokens[i]!.tokenTypeIdx === GLUE_TYPE) {
            pieces.push(tokens[i + 1]!);
            i += 2;
          }
        }
        // Pieces here are tokens in text order, so an entry runs from its first token to the end of its last.
        if (equals) {
          const last = pieces.length > 0 ? (pieces[pieces.length - 1] as IToken) : equals;
          entries.push({ kind: 'equals', token: equals, value: pieces.length > 0 ? pieces : undefined, span: { start: equals.startOffset, end: Math.max(endOf(equals), endOf(last)) } });
        } else if (pieces.length > 0) {
          const first = pieces[0] as IToken;
          const last = pieces[pieces.length - 1] as IToken;
          entries.push({ kind: 'value', pieces, span: { start: first.startOffset, end: Math.max(endOf(first), endOf(last)) } });
        }
      }
      const statement = this.statementOf(prefixToken, prefix, slashPath, this.pair(entries));
      if (statement) out.push(statement);
    }
  }

  private statementOf(prefixToken: IToken | undefined, prefix: 'colon' | 'slash' | undefined, slashPath: boolean, paired: Paired[]): Statement | undefined {
    // The statement's extent, as two numbers (one span object at the end, not one per entry).
    let start = prefixToken ? prefixToken.startOffset : Infinity;
    let end = prefixToken ? endOf(prefixToken) : -Infinity;
    for (let k = 0; k < paired.length; k++) {
      const entrySpan = paired[k]!.span;
      if (entrySpan.start < start) start = entrySpan.start;
      if (entrySpan.end > end) end = entrySpan.end;
    }
    if (start === Infinity) return undefined;
    const span: Span = { start, end };

    // `{ ... }` alone at statement position: a nested local scope.
    if (!prefix && paired.length === 1 && this.singleBraces(paired[0]!)) {
      const block = this.braces((paired[0] as ValueEntry).pieces[0] as CstNode, 'code') as Block;
      return { kind: 'blockStatement', span, block };
    }

    let index = 0;
    let callee: VariableRef | undefined;
    const words: WordNode[] = [];
    const first = paired[0];
    if (!prefix && first?.kind === 'value' && first.pieces.length === 1 && this.pieceToken(first.pieces[0]!, 'Variable')) {
      callee = this.variable(this.pieceToken(first.pieces[0]!, 'Variable')!);
      index = 1;
    } else {
      while (index < paired.length) {
        const word = this.bareWord(paired[index]!);
        if (!word || word.text.startsWith('!') || word.text.startsWith('#')) break;
        words.push(word);
        index++;
      }
    }
    const commandName = words[0]?.text;
    if (commandName === 'log' && words.length === 1 && paired.length > index && paired[index]!.kind === 'value') {
      const first = paired[index]!;
      this.problems.push(problem(Code.syntax, first.span.start, first.span.end,
        '`:log` needs a level before the message: `:log info ...` (or debug, warning, error)'));
    }
    if (!prefix && !callee && words[0] && BAD_COMMAND_START.test(words[0].text)) {
      this.reportBadStart(words[0].text, words[0].span.start, words[0].span.end);
    } else if (!prefix && !callee && words.length === 0 && first?.kind === 'named' && first.name) {
      // Usually a wrapped line whose previous line lacks the `\` continuation.
      const nameText = this.text.slice(first.name.span.start, first.name.span.end);
      this.problems.push(problem(Code.syntax, first.name.span.start, first.equals.span.start + 1,
        `a command cannot start with \`${nameText}=\`: if this line continues the previous one, end that line with \`\\\``));
    } else if (!prefix && !callee && words.length === 0 && first?.kind === 'value') {
      const token = this.pieceToken(first.pieces[0]!, 'Word');
      if (token && BAD_COMMAND_START.test(token.image)) this.reportBadStart(token.image, token.startOffset, endOf(token));
    }

    // `/ip firewall filter { add ...; add ... }`: a block that runs in the named menu.
    const last = paired[paired.length - 1];
    if (last && index === paired.length - 1 && this.singleBraces(last) &&
      (prefix === 'slash' || (!prefix && words.length > 0 && !GLOBAL_COMMANDS.has(commandName ?? '')))) {
      const block = this.braces((last as ValueEntry).pieces[0] as CstNode, 'code') as Block;
      return commandNode(span, prefix, slashPath, tight(words), callee, EMPTY_LIST as unknown as Argument[], block);
    }

    const args = this.arguments(paired, index, commandName, prefix === 'colon', words.length - 1);
    return commandNode(span, prefix, slashPath, tight(words), callee, args, undefined);
  }

  /** Junk at a command start (a banner, an HTML page): consecutive lines of it are grouped into one problem. */
  private reportBadStart(text: string, start: number, end: number): void {
    const found = problem(Code.syntax, start, end,
      `${quoteText(text)} cannot start a command: a command starts with a letter, \`/\` or \`:\` (if this line is a comment, start it with \`#\`)`);
    found.group = 'bad-command-start';
    this.problems.push(found);
  }

  /** The arguments made of `paired` from index `from` on (the entries before it are the command's words). */
  private arguments(paired: Paired[], from: number, commandName: string | undefined, isColon: boolean, valuesInWords: number): Argument[] {
    const args: Argument[] = [];
    let positionalCount = 0;
    let sawNamed = false;
    for (let k = from; k < paired.length; k++) {
      const entry = paired[k]!;
      if (entry.kind === 'named') {
        args.push(this.named(entry, commandName));
        sawNamed = true;
        continue;
      }
      if (entry.kind === 'where') {
        args.push(this.where(entry));
        continue;
      }
      const word = this.bareWord(entry);
      const next = paired[k + 1];
      if (word && (word.text === 'do' || word.text === 'else' || word.text === 'on-error') && next && this.singleBraces(next)) {
        this.problems.push(problem(Code.missingEquals, word.span.start, word.span.end,
          `\`${word.text}\` needs \`=\`: write \`${word.text}={\``));
        const block = this.braces((next as ValueEntry).pieces[0] as CstNode, 'code');
        args.push(namedNode(joinSpans(word.span, next.span), word, block));
        k++;
        continue;
      }
      if (word && sawNamed && /^\/[A-Za-z]/.test(word.text)) {
        this.problems.push(problem(Code.syntax, word.span.start, word.span.end,
          `${quoteText(word.text)} looks like the start of another command: put it on its own line or after \`;\``));
      }
      if (word) {
        this.checkHashWord(word, isColon, commandName, valuesInWords + positionalCount + 1, sawNamed);
        positionalCount++;
        if (word.text.length > 1 && word.text.startsWith('!')) {
          // A span of its own: `word` itself is not part of the tree (see remapSpans).
          args.push({ kind: 'unset', span: { start: word.span.start, end: word.span.end }, name: wordNode(word.text.slice(1), word.span.start + 1, word.span.end) });
        } else {
          args.push({ kind: 'flag', span: word.span, name: word });
        }
        continue;
      }
      let context: BraceContext = 'guess';
      if ((commandName === 'do' || commandName === 'time') && positionalCount === 0) context = 'code';
      else if (commandName === 'local' || commandName === 'global' || commandName === 'set') context = 'array';
      if ((commandName === 'if' || commandName === 'while') && this.singleBraces(entry) && positionalCount > 0) {
        this.problems.push(problem(Code.missingEquals, entry.span.start, entry.span.start + 1,
          `\`${commandName}\` needs \`do=\` before its block: write \`do={\``));
        context = 'code';
      }
      const stringIsCode = positionalCount === 0 && (commandName === 'parse' || commandName === 'execute');
      positionalCount++;
      args.push(positionalNode(entry.span, this.value(entry, context, stringIsCode)));
    }
    return tight(args);
  }

  /** `:put 2 #c`: `#` is text in an open value slot, but an error once the command has all its values. */
  private checkHashWord(word: WordNode, isColon: boolean, commandName: string | undefined, valueIndex: number, sawNamed: boolean): void {
    if (!word.text.startsWith('#')) return;
    const arity = isColon && commandName ? VALUE_ARITY[commandName] : undefined;
    if ((arity !== undefined && valueIndex > arity) || (!isColon && sawNamed)) {
      this.problems.push(problem(Code.misplacedComment, word.span.start, word.span.end,
        '`#` starts a comment only at the start of a command; here it is read as an extra value: put the comment on its own line'));
    }
  }

  private named(entry: Extract<Paired, { kind: 'named' }>, commandName: string | undefined): Argument {
    const nameWord = entry.name ? this.bareWord(entry.name) : undefined;
    let name: WordNode;
    if (nameWord) {
      name = nameWord;
    } else if (entry.name) {
      this.problems.push(problem(Code.syntax, entry.name.span.start, entry.name.span.end,
        'a parameter name must be a plain word before `=` (`name=value`)'));
      name = wordNode(this.text.slice(entry.name.span.start, entry.name.span.end), entry.name.span.start, entry.name.span.end);
    } else {
      name = wordNode('', entry.equals.span.start, entry.equals.span.start);
    }
    const isCode = SCRIPT_PARAMETERS.has(name.text) || (name.text === 'in' && commandName === 'onerror');
    const context: BraceContext = isCode ? 'code' : name.text === 'in' && commandName === 'foreach' ? 'array' : 'guess';
    const valueNode = entry.equals.value;
    const value = valueNode ? this.valueNode(valueNode, context, isCode) : undefined;
    return namedNode(entry.span, name, value);
  }

  private where(entry: WhereEntry): Argument {
    const keyword = wordNode(entry.token.image, entry.token.startOffset, endOf(entry.token));
    const expression = this.conditions(entry.expressions);
    if (!expression) {
      this.problems.push(problem(Code.syntax, entry.token.startOffset, endOf(entry.token),
        '`where` needs a condition after it (e.g. `where disabled=no`)'));
    }
    return { kind: 'where', span: entry.span, keyword, expression };
  }

  // ---------------------------------------------------------------- values

  private value(entry: ValueEntry, context: BraceContext, stringIsCode: boolean): Expression {
    return this.valueNode(entry.pieces, context, stringIsCode);
  }

  private valueNode(pieces: Piece[], context: BraceContext, stringIsCode: boolean): Expression {
    if (pieces.length === 1) return this.piece(pieces[0]!, context, stringIsCode);
    const parts = pieces.map((piece) => this.piece(piece, 'guess', false));
    const span = this.piecesSpan(pieces) ?? { start: 0, end: 0 };
    if (parts.length === 0) return { kind: 'error', span };
    return { kind: 'concat', span, parts };
  }

  private piece(piece: Piece, context: BraceContext, stringIsCode: boolean): Expression {
    if (isToken(piece)) {
      const name = piece.tokenType.name;
      if (name === 'String') return this.string(piece as RscToken, stringIsCode);
      if (name === 'Variable') return this.variable(piece);
      return this.literal(piece);
    }
    const node = piece;
    const substitution = node.name === 'substitution' ? node : undefined;
    if (substitution) {
      const span = this.bracketSpan(substitution, 'LBracket', 'RBracket');
      const script = this.script(nodes(substitution, 'script')[0], span);
      const result: Expression = { kind: 'substitution', span, statements: script.statements };
      // `(:pick $x 0 1)`: the lexer reads a command in parentheses like `[ ]`; keep the parentheses visible.
      const opener = tokens(substitution, 'LBracket')[0];
      return opener?.image === '(' ? { kind: 'group', span, expression: result } : result;
    }
    const group = node.name === 'group' ? node : undefined;
    if (group) {
      const span = this.bracketSpan(group, 'LParen', 'RParen');
      const expression = this.conditions([...nodes(group, 'expression'), ...nodes(group, 'condition')]);
      return { kind: 'group', span, expression };
    }
    if (node.name === 'braces') return this.braces(node, context);
    return { kind: 'error', span: this.nodeSpan(node) ?? { start: 0, end: 0 } };
  }

  private literal(token: IToken): Literal {
    return literalNode(token.image, token.startOffset, endOf(token));
  }

  private variable(token: IToken): VariableRef {
    const span = tokenSpan(token);
    if (token.image.startsWith('$"')) {
      const unterminated = (token as RscToken).unterminated === true;
      const decoded = decodeString(this.text, span.start + 1, span.end, unterminated, false);
      return { kind: 'variable', span, name: decoded.value, nameSpan: { start: span.start + 2, end: unterminated ? span.end : span.end - 1 } };
    }
    return { kind: 'variable', span, name: token.image.slice(1), nameSpan: { start: span.start + 1, end: span.end } };
  }

  private braces(node: CstNode, context: BraceContext): Block | ArrayLiteral {
    const span = this.bracketSpan(node, 'LBrace', 'RBrace');
    const inner = nodes(node, 'script')[0];
    const innerSpan = { start: Math.min(span.start + 1, span.end), end: Math.max(span.start + 1, span.end - 1) };
    if (context !== 'code') {
      const elements = this.arrayElements(inner, context === 'array');
      if (elements) {
        if (elements.length === 0 && context === 'array' && nodes(inner, 'statement').length === 0) {
          this.problems.push(problem(Code.emptyArray, span.start, span.end,
            'an empty array `{}` is a syntax error in RouterOS: use `[:toarray ""]`'));
        }
        const comment = this.commentsInBraces.get(span.start);
        if (comment) {
          this.problems.push(problem(Code.misplacedComment, comment.start, Math.min(comment.end, comment.start + 1),
            '`#` inside an array is not a comment: RouterOS rejects it; put the comment on its own line outside the array'));
        }
        return { kind: 'array', span, elements };
      }
    }
    return { kind: 'block', span, script: this.script(inner, innerSpan) };
  }

  /**
   * Reads `{ ... }` as array elements. Returns undefined when the content is not a list of values and the
   * context only guessed "array" (it is then read as code); in a definite array context reports the element.
   */
  private arrayElements(node: CstNode | undefined, definite: boolean): ArrayElement[] | undefined {
    const elements: ArrayElement[] = [];
    if (nodes(node, 'stray').length > 0) return definite ? elements : undefined;
    for (const statement of nodes(node, 'statement')) {
      const hasPrefix = isReal(tokens(statement, 'ColonPrefix')[0]) || isReal(tokens(statement, 'SlashPrefix')[0]);
      const paired = hasPrefix ? [] : this.pair(this.entries(statement));
      const only = paired.length === 1 ? paired[0]! : undefined;
      if (only?.kind === 'value') {
        elements.push({ span: only.span, value: this.value(only, 'guess', false) });
      } else if (only?.kind === 'named' && only.name && only.name.pieces.length === 1 && (this.pieceToken(only.name.pieces[0]!, 'Word') || this.pieceToken(only.name.pieces[0]!, 'String'))) {
        const keyToken = this.pieceToken(only.name.pieces[0]!, 'Word');
        const key = keyToken
          ? wordNode(keyToken.image, keyToken.startOffset, endOf(keyToken))
          : this.string(this.pieceToken(only.name.pieces[0]!, 'String') as RscToken, false);
        const valueNode = only.equals.value;
        elements.push({ span: only.span, key, value: valueNode ? this.valueNode(valueNode, 'guess', false) : undefined });
      } else if (definite && !hasPrefix && paired.every((entry) => entry.kind === 'value')) {
        // `{"a", "b"}`: values written with commas and spaces; read them as one element list value.
        const parts = paired.map((entry) => this.value(entry as ValueEntry, 'guess', false));
        const span = joinSpans(parts[0]!.span, parts[parts.length - 1]!.span);
        elements.push({ span, value: { kind: 'concat', span, parts } });
      } else if (definite) {
        const span = this.nodeSpan(statement) ?? { start: 0, end: 0 };
        this.problems.push(problem(Code.syntax, span.start, span.end,
          'an array element must be one value or `key=value`; separate elements with `;`'));
      } else {
        return undefined;
      }
    }
    return tight(elements);
  }

  // ---------------------------------------------------------------- strings

  private string(token: RscToken, isCode: boolean): StringLiteral {
    const span = tokenSpan(token);
    const unterminated = token.unterminated === true;
    const wantNested = isCode && !unterminated && this.depth < MAX_NESTED_DEPTH;
    const decoded = decodeString(this.text, span.start, span.end, unterminated, wantNested);
    const parts: StringPart[] = [];
    for (const piece of decoded.pieces) {
      if (piece.kind === 'text') {
        parts.push({ kind: 'text', span: { start: piece.start, end: piece.end }, value: piece.value });
      } else {
        parts.push({ kind: 'interpolation', span: { start: piece.start, end: piece.end }, expression: this.interpolation(piece.start, piece.end, piece.form, unterminated) });
      }
    }
    let nested: Script | undefined;
    if (wantNested && decoded.starts && decoded.ends) {
      if (!decoded.hasInterpolation) {
        nested = this.nestedScript(decoded.value, decoded.starts, decoded.ends, span);
      } else {
        // `source=":put $x; ..."`: the code is completed when the outer command runs, so its words are not
        // known here. Its syntax is: check it with each interpolation standing in as a plain word of the same
        // length, and keep only the syntax problems (no tree, so no rule judges the stand-in words).
        const code = withPlaceholders(decoded.value, decoded.pieces);
        if (code !== undefined) this.nestedScript(code, decoded.starts, decoded.ends, span);
      }
    }
    return { kind: 'string', span, value: decoded.value, parts: tight(parts), unterminated, nested };
  }

  private interpolation(start: number, end: number, form: 'name' | 'quoted' | 'group' | 'substitution', inBrokenString: boolean): Expression {
    if (form === 'name') {
      return { kind: 'variable', span: { start, end }, name: this.text.slice(start + 1, end), nameSpan: { start: start + 1, end } };
    }
    if (form === 'quoted') {
      const decoded = decodeString(this.text, start + 1, end, false, false);
      return { kind: 'variable', span: { start, end }, name: decoded.value, nameSpan: { start: start + 2, end: Math.max(start + 2, end - 1) } };
    }
    // `$( ... )` / `$[ ... ]`: lex and parse that piece of the text where it is, so offsets stay file offsets.
    // In a string whose closing quote is missing (already reported) the interpolation is cut short: its
    // problems would only repeat that one.
    const problems = inBrokenString ? [] : this.problems;
    const lexed = lex(this.text, start + 1, end);
    problems.push(...lexed.problems);
    this.comments.push(...lexed.comments);
    const parser = grammar();
    parser.input = lexed.tokens;
    const cst = parser.fragment();
    problems.push(...parserErrorProblems(parser.errors, this.text, end));
    const piece = piecesOf(cst)[0];
    if (!piece) return { kind: 'error', span: { start, end } };
    if (!inBrokenString) return this.piece(piece, 'guess', false);
    const saved = this.problems.length;
    const expression = this.piece(piece, 'guess', false);
    this.problems.length = saved;
    return expression;
  }

  /** Parses decoded code and maps every span and problem back to file offsets. */
  private nestedScript(code: string, starts: Int32Array, ends: Int32Array, stringSpan: Span): Script {
    const contentStart = stringSpan.start + 1;
    const contentEnd = Math.max(contentStart, stringSpan.end - 1);
    const mapStart = (offset: number): number => (offset < starts.length ? starts[offset]! : contentEnd);
    const mapEnd = (offset: number): number => (offset > 0 ? ends[Math.min(offset, ends.length) - 1] ?? contentEnd : contentStart);
    const mapSpan = (span: Span): Span => {
      const start = mapStart(span.start);
      const end = span.end <= span.start ? start : Math.max(start, mapEnd(span.end));
      return { start, end };
    };
    const result = this.parseNested(code, this.depth + 1);
    for (const found of result.problems) {
      const inner = found.describe;
      found.span = mapSpan(found.span);
      found.describe = (fmt) => inner((offset) => fmt(mapStart(offset)));
      // Code in a string only fails when it runs, not when the file is imported: say so to the rules.
      found.nested = true;
      this.problems.push(found);
    }
    for (const comment of result.comments) this.comments.push(mapSpan(comment));
    remapSpans(result.script, mapSpan);
    return result.script;
  }

  // ---------------------------------------------------------------- expressions

  /** Conditions written one after the other (`where a=1 b=2`, `( !x !y )`) must all hold: an implicit `and`. */
  private conditions(expressionNodes: CstNode[]): Expression | undefined {
    let combined: Expression | undefined;
    for (const node of expressionNodes) {
      const condition = this.expression(node);
      if (!condition) continue;
      combined = combined
        ? { kind: 'binary', span: joinSpans(combined.span, condition.span), operator: 'and', operatorSpan: { start: condition.span.start, end: condition.span.start }, left: combined, right: condition }
        : condition;
    }
    return combined;
  }

  private expression(node: CstNode): Expression | undefined {
    const unaries = [...nodes(node, 'firstOperand'), ...nodes(node, 'unary')];
    const operators = tokens(node, 'BinaryOp').filter(isReal);
    const operands: (Expression | undefined)[] = unaries.map((unary) => this.unary(unary));
    if (operators.length === 0) return operands[0];
    while (operands.length < operators.length + 1) operands.push(undefined);
    for (let k = 0; k < operands.length; k++) {
      if (operands[k]) continue;
      const before = operators[k - 1];
      const after = operators[k];
      if (k === 0 && after) {
        this.problems.push(problem(Code.syntax, after.startOffset, endOf(after), `missing value before \`${after.image}\``));
        operands[k] = { kind: 'error', span: { start: after.startOffset, end: after.startOffset } };
      } else if (before && after) {
        this.problems.push(problem(Code.syntax, before.startOffset, endOf(after),
          `missing value between \`${before.image}\` and \`${after.image}\``));
        operands[k] = { kind: 'error', span: { start: after.startOffset, end: after.startOffset } };
      } else if (before) {
        this.problems.push(problem(Code.syntax, before.startOffset, endOf(before), `missing value after \`${before.image}\``));
      }
    }
    return this.applyPrecedence(operands, operators);
  }

  /** Shunting-yard over the flat operand/operator list (iterative: long chains cannot overflow the stack). */
  private applyPrecedence(operands: (Expression | undefined)[], operators: IToken[]): Expression | undefined {
    const output: (Expression | undefined)[] = [operands[0]];
    const pending: IToken[] = [];
    const reduce = (): void => {
      const operator = pending.pop()!;
      const right = output.pop();
      const left = output.pop() ?? { kind: 'error', span: { start: operator.startOffset, end: operator.startOffset } };
      const operatorSpan = tokenSpan(operator);
      output.push({
        kind: 'binary', span: joinSpans(left.span, right ? right.span : operatorSpan), operator: operator.image as BinaryOperator,
        operatorSpan, left, right,
      });
    };
    for (let k = 0; k < operators.length; k++) {
      const operator = operators[k]!;
      const precedence = PRECEDENCE[operator.image] ?? 5;
      while (pending.length > 0) {
        const top = PRECEDENCE[pending[pending.length - 1]!.image] ?? 5;
        if (top > precedence || (top === precedence && !RIGHT_ASSOCIATIVE.has(precedence))) reduce();
        else break;
      }
      pending.push(operator);
      output.push(operands[k + 1]);
    }
    while (pending.length > 0) reduce();
    return output[0];
  }

  private unary(node: CstNode): Expression | undefined {
    const prefixes = tokens(node, 'PrefixOp').filter(isReal);
    const piece = piecesOf(node)[0];
    let operand = piece ? this.piece(piece, 'guess', false) : undefined;
    if (prefixes.length > 0 && !operand) {
      const lastPrefix = prefixes[prefixes.length - 1]!;
      this.problems.push(problem(Code.syntax, lastPrefix.startOffset, endOf(lastPrefix), `missing value after \`${lastPrefix.image}\``));
    }
    for (let k = prefixes.length - 1; k >= 0; k--) {
      const prefix = prefixes[k]!;
      const prefixSpan = tokenSpan(prefix);
      operand = { kind: 'unary', span: operand ? joinSpans(prefixSpan, operand.span) : prefixSpan, operator: prefix.image as UnaryOperator, operand };
    }
    return operand;
  }

  private reportStray(node: CstNode): void {
    const span = this.nodeSpan(node) ?? this.piecesSpan(piecesOf(node));
    if (!span) return;
    this.problems.push(problem(Code.syntax, span.start, span.end, `unexpected ${quoteText(this.text.slice(span.start, span.end))}`));
  }

  // ---------------------------------------------------------------- helpers

  private singleBraces(entry: Paired): boolean {
    if (entry.kind !== 'value' || entry.pieces.length !== 1) return false;
    const piece = entry.pieces[0]!;
    return !isToken(piece) && piece.name === 'braces';
  }

  private pieceToken(piece: Piece, key: 'Word' | 'String' | 'Variable'): IToken | undefined {
    return isToken(piece) && piece.tokenType.name === key ? piece : undefined;
  }

  private piecesSpan(pieces: Piece[]): Span | undefined {
    let span: Span | undefined;
    for (const piece of pieces) {
      const pieceSpan = isToken(piece) ? tokenSpan(piece) : this.nodeSpan(piece);
      if (pieceSpan) span = span ? joinSpans(span, pieceSpan) : pieceSpan;
    }
    return span;
  }

  /** The entry as a bare word, if it is exactly one word (not glued to anything). */
  private bareWord(entry: Paired): WordNode | undefined {
    if (entry.kind !== 'value' || entry.pieces.length !== 1) return undefined;
    const token = this.pieceToken(entry.pieces[0]!, 'Word');
    return token ? wordNode(token.image, token.startOffset, endOf(token)) : undefined;
  }

  private bracketSpan(node: CstNode, open: string, close: string): Span {
    const openToken = tokens(node, open)[0];
    const closeToken = tokens(node, close)[0];
    const start = isReal(openToken) ? openToken.startOffset : 0;
    const end = isReal(closeToken) ? endOf(closeToken) : start;
    return { start, end: Math.max(start, end) };
  }

  /**
   * The span covered by a CST node's tokens (undefined for an empty recovered node). Bracket nodes use their
   * brackets; other nodes (rare: `where` conditions, strays) are walked. Chevrotain's own node location
   * tracking would do this for every node, which costs more than it saves on big exports.
   */
  private nodeSpan(node: CstNode): Span | undefined {
    if (node.name === 'substitution') return this.bracketSpan(node, 'LBracket', 'RBracket');
    if (node.name === 'group') return this.bracketSpan(node, 'LParen', 'RParen');
    if (node.name === 'braces') return this.bracketSpan(node, 'LBrace', 'RBrace');
    let start = Infinity;
    let end = -Infinity;
    const stack: CstNode[] = [node];
    while (stack.length > 0) {
      const current = stack.pop()!;
      for (const key in current.children) {
        for (const child of current.children[key]!) {
          if ('children' in child) stack.push(child);
          else if (isReal(child)) {
            if (child.startOffset < start) start = child.startOffset;
            if (endOf(child) > end) end = endOf(child);
          }
        }
      }
    }
    return start === Infinity ? undefined : { start, end: Math.max(start, end) };
  }
}

/**
 * The decoded code of a string with each interpolation replaced by `x`s (same length, so offsets still map).
 * Undefined when an interpolation follows a backslash: the value completes an escape (`"\\$c"`) that no
 * stand-in can imitate.
 */
function withPlaceholders(code: string, pieces: readonly DecodedPiece[]): string | undefined {
  let out = '';
  let from = 0;
  for (const piece of pieces) {
    if (piece.kind !== 'interpolation' || piece.decodedStart === undefined || piece.decodedEnd === undefined) continue;
    if (code.charCodeAt(piece.decodedStart - 1) === 92) return undefined;
    out += code.slice(from, piece.decodedStart) + 'x'.repeat(piece.decodedEnd - piece.decodedStart);
    from = piece.decodedEnd;
  }
  return out + code.slice(from);
}

/**
 * Rewrites every span of a freshly built tree (mutating it: it is not shared yet). A self-spanned node (see
 * wordNode) is mapped in place when the walk reaches it; a `span` that is another node is left pointing at it,
 * as that node is in the tree too and is mapped when reached (the builder shares a node as a span only with a
 * node that holds it, such as a flag and its word). Every node is reached once: `span` fields are not followed.
 */
function remapSpans(root: unknown, mapSpan: (span: Span) => Span): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const current = stack.pop();
    if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i++) stack.push(current[i]);
      continue;
    }
    if (!current || typeof current !== 'object') continue;
    const record = current as Record<string, unknown>;
    for (const key in record) {
      const value = record[key];
      if (key === 'span' || key === 'nameSpan' || key === 'operatorSpan') {
        const span = value as Record<string, unknown>;
        if (span === record) {
          const mapped = mapSpan(span as unknown as Span);
          record.start = mapped.start;
          record.end = mapped.end;
        } else if (span.span !== span) {
          record[key] = mapSpan(value as Span);
        }
      } else if (value && typeof value === 'object') {
        stack.push(value);
      }
    }
  }
}

// An idle builder keeps the class's hidden classes alive between parses (see keepShapes.ts).
keepShapeOf(new AstBuilder('', [], [], 0, () => {
  throw new Error('the idle AstBuilder parses nothing');
}, new Map()));
