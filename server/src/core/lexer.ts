/**
 * The RouterOS lexer: text -> Chevrotain tokens, comment spans and lexical problems.
 *
 * RouterOS tokenisation depends on context in ways a table of regular expressions cannot express well:
 * - `#` starts a comment only where a command may start; elsewhere it is part of a word (`comment=#x`);
 * - a command line is read as words (`established,related`, `10.0.0.0/8`, `!LAN` are single words), while
 *   inside `( )` and after `where` the same characters are operators (`$a,$b`, `10 / 2`, `!disabled`);
 * - strings nest code (`"$[:pick "abc" 0 1]"`).
 * So this is a hand-written scanner (one pass, charCodeAt, no per-token regex) that keeps a stack of open
 * brackets, each in "command" or "expression" mode, and emits tokens of the Chevrotain vocabulary in
 * tokenTypes.ts for the Chevrotain grammar.
 *
 * The lexer also owns bracket balance: it reports a missing or unexpected bracket once, precisely, and inserts
 * zero-width closing tokens so the parser always sees a balanced stream. That is what keeps one mistake from
 * cascading to the end of the file.
 */
import type { Span } from './ast.js';
import { Code, problem, quoteText, type RawProblem } from './syntaxProblems.js';
import {
  Any, Bang, ColonPrefix, Equals, Glue, Greater, LBrace, LBracket, LParen, Minus, Newline, Operator, PathSep,
  RBrace, RBracket, RParen, Semicolon, SlashPrefix, StringToken, Tilde, Variable, Where, Word, endOf, type RscToken,
} from './tokenTypes.js';
import type { TokenType } from 'chevrotain';
import { scanString } from './stringScan.js';
import { keepShapeOf } from './keepShapes.js';

export interface LexResult {
  tokens: RscToken[];
  /** Indexes of the Newline tokens outside every bracket: the parser may split the token stream there. */
  topLevelBreaks: number[];
  comments: Span[];
  /**
   * The first comment inside each `{ }`, by the offset of its `{`. The lexer cannot tell a code block from an
   * array; the AST builder can, and a `#` inside an array is an error, not a comment (reference A.3).
   */
  commentsInBraces: Map<number, Span>;
  problems: RawProblem[];
}

/** Brackets nested deeper than this are skipped with one problem (guards the recursive parser). */
export const MAX_BRACKET_DEPTH = 200;

const CH_TAB = 9, CH_LF = 10, CH_VT = 11, CH_FF = 12, CH_CR = 13, CH_SPACE = 32;
const CH_BANG = 33, CH_QUOTE = 34, CH_HASH = 35, CH_DOLLAR = 36, CH_PERCENT = 37, CH_AMP = 38, CH_APOS = 39;
const CH_LPAREN = 40, CH_RPAREN = 41, CH_STAR = 42, CH_PLUS = 43, CH_COMMA = 44, CH_MINUS = 45, CH_DOT = 46;
const CH_SLASH = 47, CH_0 = 48, CH_9 = 57, CH_COLON = 58, CH_SEMI = 59, CH_LT = 60, CH_EQ = 61, CH_GT = 62;
const CH_LBRACKET = 91, CH_BACKSLASH = 92, CH_RBRACKET = 93, CH_CARET = 94, CH_UNDERSCORE = 95;
const CH_LBRACE = 123, CH_PIPE = 124, CH_RBRACE = 125, CH_TILDE = 126;

/** Characters that end a bare word in a command line. */
const COMMAND_WORD_STOP = new Uint8Array(128);
for (const ch of ' \t\r\n\v\f()[]{};"$\\=') COMMAND_WORD_STOP[ch.charCodeAt(0)] = 1;

function isSpace(code: number): boolean {
  return code === CH_SPACE || code === CH_TAB || code === CH_VT || code === CH_FF || code === 0xa0;
}
function isAlnum(code: number): boolean {
  return (code >= CH_0 && code <= CH_9) || ((code | 32) >= 97 && (code | 32) <= 122) || code === CH_UNDERSCORE || code >= 128;
}
function isDigit(code: number): boolean {
  return code >= CH_0 && code <= CH_9;
}
function isHex(code: number): boolean {
  return isDigit(code) || ((code | 32) >= 97 && (code | 32) <= 102);
}
function isLetter(code: number): boolean {
  return ((code | 32) >= 97 && (code | 32) <= 122) || code >= 128;
}
/** A character that may continue a bare word inside an expression (`dst-address`, `10.0.0.0/8`, `::1`). */
function isExpressionWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (isAlnum(code) || code === CH_DOT || code === CH_COLON) return true;
  if (code === CH_MINUS) return isAlnum(text.charCodeAt(i + 1));
  if (code === CH_SLASH) return isHex(text.charCodeAt(i + 1));
  return false;
}

const VALUE_END_TYPES = new Set<TokenType>([Word, StringToken, Variable, RParen, RBracket, RBrace]);
const VALUE_START_TYPES = new Set<TokenType>([Word, StringToken, Variable, LParen, LBracket, LBrace]);
/** After these, an expression expects an operand (so `-1`, `*1A`, `.5` are values, not operators). */
const OPERAND_EXPECTED_AFTER = new Set<TokenType>([LParen, Where, Operator, Minus, Tilde, Greater, Bang, Any]);

const PATH_SEGMENT = /^[A-Za-z0-9_.-]+$/;

const CLOSER_FOR: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

interface Frame {
  readonly open: '' | '(' | '[' | '{';
  readonly start: number;
  /** `(:pick $x 0 1)`: a parenthesis holding a command, read like `[ ]`. */
  readonly command?: boolean;
  /** Indentation of the line the bracket is on (for guessing where a missing `]` belonged). */
  readonly indent?: number;
  /** A command frame after `where`: the rest of the command is an expression. */
  where: boolean;
}

/** Lexes text[start, end) (a fragment, e.g. the code of a `$[ ]` interpolation); offsets stay those of `text`. */
export function lex(text: string, start = 0, end = text.length): LexResult {
  return new Scanner(text, start, end).run();
}

/** The tokens of one batch of whole top-level lines; comments, problems and `commentsInBraces` grow across batches. */
export type LexBatch = LexResult & { readonly done: boolean };

/**
 * A lexer that hands out the tokens in batches of whole top-level lines (at least `minTokens` each, except the
 * last). The parser of a big file works batch by batch, so a batch's tokens die young instead of all of them
 * living, and being copied by the garbage collector, until the whole file is parsed.
 */
export function lexInBatches(text: string, minTokens: number): () => LexBatch {
  const scanner = new Scanner(text, 0, text.length);
  return () => scanner.runBatch(minTokens);
}

class Scanner {
  private pos = 0;
  private tokens: RscToken[] = [];
  private readonly comments: Span[] = [];
  private readonly problems: RawProblem[] = [];
  private topLevelBreaks: number[] = [];
  private readonly commentsInBraces = new Map<number, Span>();
  private readonly frames: Frame[] = [{ open: '', start: 0, where: false }];
  /** True where a new command may start: `#` is a comment here, `:`/`/` are prefixes. */
  private atStatementStart = true;
  /** True right after a `\` line continuation, until the next token: a `#` here is a comment. */
  private afterContinuation = false;
  /** Whitespace (or a continuation) since the last token. */
  private sawSpace = true;
  /** The command-name word of a `:` command; `:if(` is not a glued value. */
  private commandWord: RscToken | undefined;
  private previous: RscToken | undefined;
  /** `(` groups closed at a line end (reported there); the `)` that was meant for them is not reported again. */
  private parensClosedAtLineEnd = 0;
  /** Offset where the current physical line starts. */
  private lineStart = 0;

  private readonly end: number;

  constructor(private readonly text: string, start: number, end: number) {
    this.pos = start;
    this.end = end;
  }

  run(): LexResult {
    return this.runBatch(Infinity);
  }

  /**
   * Lexes on from where the last batch stopped, up to the first top-level line break after `minTokens` tokens
   * (or to the end, where unclosed brackets are closed).
   */
  runBatch(minTokens: number): LexBatch {
    if (this.tokens.length > 0 || this.topLevelBreaks.length > 0) {
      this.tokens = [];
      this.topLevelBreaks = [];
    }
    const text = this.text;
    const length = this.end;
    while (this.pos < length) {
      // The last token is a line break outside all brackets: the next batch starts a new top-level line.
      const breaks = this.topLevelBreaks;
      if (this.tokens.length >= minTokens && breaks.length > 0 && breaks[breaks.length - 1] === this.tokens.length - 1) {
        return { tokens: this.tokens, topLevelBreaks: this.topLevelBreaks, comments: this.comments, commentsInBraces: this.commentsInBraces, problems: this.problems, done: false };
      }
      const code = text.charCodeAt(this.pos);
      if (isSpace(code)) {
        this.pos++;
        this.sawSpace = true;
      } else if (code === CH_LF || code === CH_CR) {
        this.newline();
      } else if (code === CH_BACKSLASH) {
        this.backslash();
      } else if (code === CH_SEMI) {
        this.semicolon();
      } else if (code === CH_HASH && this.commentAllowedHere()) {
        const continued = this.afterContinuation && !this.atStatementStart;
        this.comment(true);
        if (continued) this.skipLineBreak();
      } else {
        this.token(code);
      }
    }
    this.closeAllAtEnd();
    return { tokens: this.tokens, topLevelBreaks: this.topLevelBreaks, comments: this.comments, commentsInBraces: this.commentsInBraces, problems: this.problems, done: true };
  }

  private get frame(): Frame {
    return this.frames[this.frames.length - 1]!;
  }

  private inExpression(): boolean {
    const frame = this.frame;
    return (frame.open === '(' && !frame.command) || frame.where;
  }

  private commentAllowedHere(): boolean {
    if (this.inExpression()) return false;
    return this.atStatementStart || this.afterContinuation;
  }

  private emit(type: TokenType, start: number, end: number, extra?: Partial<RscToken>): RscToken {
    const previous = this.previous;
    if (
      !this.sawSpace && previous && !this.inExpression() && VALUE_START_TYPES.has(type) && VALUE_END_TYPES.has(previous.tokenType) &&
      previous !== this.commandWord && !(type === Word && this.text.charCodeAt(end) === CH_EQ)
    ) {
      this.checkGlue(previous, type, start, end);
      this.push(Glue, start, start, undefined);
    }
    const token = this.push(type, start, end, extra);
    this.previous = token;
    this.sawSpace = false;
    this.afterContinuation = false;
    this.atStatementStart = false;
    return token;
  }

  private push(type: TokenType, start: number, end: number, extra: Partial<RscToken> | undefined): RscToken {
    // One object shape for every token (lines and columns are not needed: spans are offsets).
    const token: RscToken = {
      image: start === end ? '' : this.text.slice(start, end),
      startOffset: start,
      endOffset: end - 1,
      tokenType: type,
      tokenTypeIdx: type.tokenTypeIdx!,
      unterminated: extra?.unterminated === true,
      synthetic: extra?.synthetic === true,
    };
    this.tokens.push(token);
    return token;
  }

  /** RouterOS does not join a bare word and a quoted string: `name=abc"def"` is an error on the router. */
  private checkGlue(previous: RscToken, type: TokenType, start: number, end: number): void {
    if (previous.tokenType === Word && type === StringToken && !previous.image.endsWith('~')) {
      this.problems.push(problem(Code.syntax, start, start + 1,
        `stray \`"\` right after ${quoteText(previous.image)}: quote the whole value ("...") or remove this quote`));
    } else if (previous.tokenType === StringToken && type === Word && !this.text.startsWith(',', start)) {
      this.problems.push(problem(Code.syntax, start, end,
        `${quoteText(this.text.slice(start, end))} is stuck to the closing \`"\` before it: put a space between them, or move it inside the quotes`));
    }
  }

  private newline(): void {
    const start = this.pos;
    const code = this.text.charCodeAt(this.pos);
    this.pos += code === CH_CR && this.text.charCodeAt(this.pos + 1) === CH_LF ? 2 : 1;
    this.closeParensBefore(start, 'newline');
    if (this.frame.open === '[' && this.previous?.startOffset !== this.frame.start && this.nextLineStartsCommand(this.frame.indent ?? 0)) {
      // `remove [find list=x` followed by `/ip firewall ...`: the `]` is missing on this line. Closing it here
      // keeps the rest of the file out of the `[ ]` (which RouterOS would otherwise read as one long command).
      // A `[` that ends its line (`:put [` then `:len "abc"]`) opens a command written on the next lines.
      this.closeMissing(start);
      this.closeParensBefore(start, 'newline');
    }
    this.lineStart = this.pos;
    this.frame.where = false;
    this.push(Newline, start, this.pos, undefined);
    if (this.frames.length === 1) this.topLevelBreaks.push(this.tokens.length - 1);
    this.previous = this.tokens[this.tokens.length - 1];
    this.atStatementStart = true;
    this.afterContinuation = false;
    this.sawSpace = true;
    this.commandWord = undefined;
  }

  private semicolon(): void {
    const start = this.pos;
    this.pos++;
    this.closeParensBefore(start, 'semicolon');
    this.frame.where = false;
    this.emit(Semicolon, start, this.pos);
    this.atStatementStart = true;
    this.sawSpace = true;
    this.commandWord = undefined;
  }

  /** A `( ... )` group must close on its own line and before `;`. */
  private closeParensBefore(at: number, reason: 'newline' | 'semicolon'): void {
    while (this.frame.open === '(') {
      const opener = this.frame.start;
      this.problems.push({
        code: Code.unbalancedBracket,
        span: { start: opener, end: opener + 1 },
        describe: (fmt) => reason === 'newline'
          ? `missing \`)\` to close the \`(\` at ${fmt(opener)}: a \`( )\` group must end on the same line (or continue it with \`\\\` at the end of the line)`
          : `missing \`)\` to close the \`(\` at ${fmt(opener)} before \`;\``,
      });
      const frame = this.frames.pop()!;
      this.push(frame.command ? RBracket : RParen, at, at, { synthetic: true });
      if (reason === 'newline') this.parensClosedAtLineEnd++;
    }
  }

  private backslash(): void {
    const start = this.pos;
    let i = start + 1;
    while (i < this.end && isSpace(this.text.charCodeAt(i))) i++;
    const next = this.text.charCodeAt(i);
    if (i >= this.end || next === CH_LF || next === CH_CR) {
      // A line continuation: the backslash, the line break and the next line's indentation are whitespace.
      if (next === CH_CR && this.text.charCodeAt(i + 1) === CH_LF) i++;
      this.pos = Math.min(i + 1, this.end);
      this.sawSpace = true;
      this.afterContinuation = true;
      return;
    }
    this.problems.push(problem(Code.strayBackslash, start, start + 1,
      'a `\\` outside a string must be the last character of the line (a line continuation); remove it or move the rest to the next line'));
    this.pos = start + 1;
    this.sawSpace = true;
  }

  private comment(record: boolean): void {
    const start = this.pos;
    let i = start;
    const length = this.end;
    while (i < length) {
      const code = this.text.charCodeAt(i);
      if (code === CH_LF || code === CH_CR) break;
      i++;
    }
    if (record) {
      const span = { start, end: i };
      this.comments.push(span);
      // Only a `#` after something on its line (`{1;#x}`) is a mistake in an array: RouterOS skips lines that
      // start with `#` inside a multi-line array (eworm-de's global-config relies on it).
      const frame = this.frame;
      if (frame.open === '{' && !this.commentsInBraces.has(frame.start) && !this.onlySpacesBefore(start)) this.commentsInBraces.set(frame.start, span);
    }
    this.pos = i;
    this.sawSpace = true;
  }

  /** Nothing but spaces between the start of the current line and `offset`. */
  private onlySpacesBefore(offset: number): boolean {
    for (let i = this.lineStart; i < offset; i++) if (!isSpace(this.text.charCodeAt(i))) return false;
    return true;
  }

  /** After a comment that sits inside a continued command, the command goes on past the comment's line. */
  private skipLineBreak(): void {
    const code = this.text.charCodeAt(this.pos);
    if (code === CH_CR) this.pos += this.text.charCodeAt(this.pos + 1) === CH_LF ? 2 : 1;
    else if (code === CH_LF) this.pos++;
    this.afterContinuation = true;
  }

  private token(code: number): void {
    const start = this.pos;
    switch (code) {
      case CH_QUOTE: return this.string(start);
      case CH_DOLLAR: return this.variable(start);
      case CH_LPAREN: case CH_LBRACKET: case CH_LBRACE: return this.open(start, code);
      case CH_RPAREN: case CH_RBRACKET: case CH_RBRACE: return this.close(start, code);
      default:
    }
    if (this.inExpression()) {
      this.expressionToken(start, code);
      return;
    }
    if (code === CH_HASH && this.previous?.tokenType === RBrace) {
      this.problems.push(problem(Code.misplacedComment, start, this.lineEnd(start),
        '`#` starts a comment only at the start of a command, not after `}`: put the comment on its own line'));
      this.comment(false);
      return;
    }
    if (code === CH_EQ) {
      this.equals(start);
      return;
    }
    if (this.atStatementStart && code === CH_COLON) {
      let wordStart = start + 1;
      while (wordStart < this.end && isSpace(this.text.charCodeAt(wordStart))) wordStart++;
      if (isLetter(this.text.charCodeAt(wordStart))) {
        this.pos = start + 1;
        this.emit(ColonPrefix, start, start + 1);
        const wordEnd = this.commandWordEnd(wordStart);
        this.pos = wordEnd;
        this.commandWord = this.emit(Word, wordStart, wordEnd);
        return;
      }
    }
    if (this.atStatementStart && code === CH_SLASH) {
      this.pos = start + 1;
      this.emit(SlashPrefix, start, start + 1);
      this.atStatementStart = false;
      this.pathWords(true);
      return;
    }
    const wasStatementStart = this.atStatementStart;
    if (wasStatementStart && isLetter(code)) {
      this.pathWords(false);
      return;
    }
    this.commandWordToken(start);
  }

  /** Words right after `/` or at the start of a command; `ip/firewall/filter` is split into path levels. */
  private pathWords(afterSlash: boolean): void {
    const start = this.pos;
    const code = this.text.charCodeAt(start);
    if (start >= this.end || COMMAND_WORD_STOP[code] === 1 || code === CH_HASH) return;
    const end = this.commandWordEnd(start);
    const word = this.text.slice(start, end);
    if (word.includes('/') && (afterSlash || isLetter(code))) {
      const segments = word.split('/');
      const trailing = segments[segments.length - 1] === '';
      if (trailing) segments.pop();
      if (segments.every((segment) => PATH_SEGMENT.test(segment))) {
        let offset = start;
        segments.forEach((segment, index) => {
          if (index > 0) {
            this.emit(PathSep, offset, offset + 1);
            offset++;
          }
          this.emit(Word, offset, offset + segment.length);
          offset += segment.length;
        });
        if (trailing) this.emit(PathSep, offset, offset + 1);
        this.pos = end;
        return;
      }
    }
    this.commandWordToken(start);
  }

  /** Where a bare word of a command line ends. Right after `=`, a value may itself contain `=` (base64). */
  private commandWordEnd(start: number, allowEquals = false): number {
    const text = this.text;
    const length = this.end;
    let i = start;
    while (i < length) {
      const code = text.charCodeAt(i);
      if (code < 128 && COMMAND_WORD_STOP[code] === 1 && !(allowEquals && code === CH_EQ)) break;
      i++;
    }
    return i;
  }

  private commandWordToken(start: number): void {
    const previous = this.previous;
    const afterEquals = previous?.tokenType === Equals && !this.sawSpace;
    let end = this.commandWordEnd(start, afterEquals);
    if (end === start) end = start + 1; // a character no rule claims: keep it as a one-character word
    this.pos = end;
    const image = this.text.slice(start, end);
    const quote = image.indexOf("'");
    if (quote >= 0) {
      this.problems.push(problem(Code.singleQuote, start + quote, start + quote + 1,
        '`\'` is not a quote in RouterOS: use `"` around text'));
    }
    if (image === 'where' && this.text.charCodeAt(end) !== CH_EQ) {
      this.emit(Where, start, end);
      this.frame.where = true;
      return;
    }
    this.emit(Word, start, end);
  }

  private equals(start: number): void {
    const previous = this.previous;
    if (this.sawSpace && previous && (previous.tokenType === Word || previous.tokenType === StringToken)) {
      const previousEnd = endOf(previous);
      this.problems.push(problem(Code.spaceBeforeEquals, previousEnd, start + 1,
        `no space is allowed before \`=\`: write \`${previous.image}=\``));
    }
    this.pos = start + 1;
    this.emit(Equals, start, start + 1);
  }

  private expressionToken(start: number, code: number): void {
    const text = this.text;
    const next = text.charCodeAt(start + 1);
    const operandExpected = !this.previous || OPERAND_EXPECTED_AFTER.has(this.previous.tokenType);
    const startsWord = isAlnum(code) ||
      (operandExpected && ((code === CH_MINUS && isDigit(next)) || (code === CH_STAR && isHex(next)) || (code === CH_DOT && isAlnum(next)))) ||
      (code === CH_COLON && next === CH_COLON);
    if (startsWord) {
      let i = start + 1;
      while (i < this.end && isExpressionWordChar(text, i)) i++;
      this.pos = i;
      const image = text.slice(start, i);
      if (image === 'and' || image === 'or' || image === 'in') this.emit(Operator, start, i);
      else if (image === 'any') this.emit(Any, start, i);
      else this.emit(Word, start, i);
      return;
    }
    const op = this.operatorAt(start, code, next);
    if (op) {
      this.pos = start + op.length;
      this.emit(op.type, start, start + op.length);
      return;
    }
    if (code === CH_COLON && next === CH_DOLLAR) {
      // `(:$months->$month)`, seen in working scripts: the colon adds nothing to the value after it.
      this.pos = start + 1;
      return;
    }
    if (code === CH_HASH) {
      // The would-be comment ends at a bracket, so the brackets around it still pair up.
      let end = start + 1;
      while (end < this.end) {
        const next = this.text.charCodeAt(end);
        if (next === CH_LF || next === CH_CR || next === CH_RPAREN || next === CH_RBRACKET || next === CH_RBRACE) break;
        end++;
      }
      this.problems.push(problem(Code.misplacedComment, start, end,
        '`#` does not start a comment inside an expression: close the `( )` first, or put the comment on its own line'));
      // Read it as a value, so the expression around it stays complete and gets no second problem.
      this.pos = end;
      this.emit(Word, start, end);
      return;
    }
    this.pos = start + 1;
    const message = code === CH_APOS
      ? '`\'` is not a quote in RouterOS: use `"` around text'
      : `unexpected ${quoteText(text.charAt(start))} in an expression`;
    this.problems.push(problem(code === CH_APOS ? Code.singleQuote : Code.syntax, start, start + 1, message));
    this.sawSpace = true;
  }

  private operatorAt(start: number, code: number, next: number): { type: TokenType; length: number } | undefined {
    switch (code) {
      case CH_LT:
        if (next === CH_PERCENT && this.text.charCodeAt(start + 2) === CH_PERCENT) return { type: Operator, length: 3 };
        return { type: Operator, length: next === CH_LT || next === CH_EQ ? 2 : 1 };
      case CH_GT:
        if (next === CH_GT || next === CH_EQ) return { type: Operator, length: 2 };
        return { type: Greater, length: 1 };
      case CH_BANG:
        return next === CH_EQ ? { type: Operator, length: 2 } : { type: Bang, length: 1 };
      case CH_AMP:
        return { type: Operator, length: next === CH_AMP ? 2 : 1 };
      case CH_PIPE:
        return { type: Operator, length: next === CH_PIPE ? 2 : 1 };
      case CH_MINUS:
        return next === CH_GT ? { type: Operator, length: 2 } : { type: Minus, length: 1 };
      case CH_TILDE:
        return { type: Tilde, length: 1 };
      case CH_EQ: case CH_CARET: case CH_PLUS: case CH_STAR: case CH_SLASH: case CH_PERCENT: case CH_COMMA: case CH_DOT:
        return { type: Operator, length: 1 };
      default:
        return undefined;
    }
  }

  private variable(start: number): void {
    const text = this.text;
    const next = text.charCodeAt(start + 1);
    if (next === CH_QUOTE) {
      const scan = scanString(text, start + 1, this.problems, 0);
      const end = scan.unterminated ? this.reportUnterminated(start + 1, scan) : scan.end;
      this.pos = end;
      this.emit(Variable, start, end, scan.unterminated ? { unterminated: true } : undefined);
      return;
    }
    if (next === CH_LPAREN || next === CH_LBRACKET) {
      // `$("name")` / `$[...]`: a computed value; the group or substitution after `$` carries it.
      this.pos = start + 1;
      return;
    }
    let i = start + 1;
    while (i < this.end && isAlnum(text.charCodeAt(i))) i++;
    if (i === start + 1) {
      this.problems.push(problem(Code.syntax, start, start + 1,
        '`$` must be followed by a variable name (`$name` or `$"name with-dashes"`)'));
      this.pos = start + 1;
      this.sawSpace = true;
      return;
    }
    this.pos = i;
    this.emit(Variable, start, i);
  }

  private string(start: number): void {
    const scan = scanString(this.text, start, this.problems, 0);
    let end = scan.end;
    let unterminated = scan.unterminated;
    const gluedToWord = !this.sawSpace && this.previous?.tokenType === Word && !this.inExpression();
    if (unterminated) {
      end = this.reportUnterminated(start, scan);
    } else if (scan.firstNewline >= 0 && (gluedToWord || this.looksMispaired(end))) {
      // A string over several lines is legal, but when it is glued to a word before it or followed by text it
      // almost always means one quote is missing or extra. Reading it up to the end of its first line keeps
      // the quotes after it paired the way the author meant them.
      if (!gluedToWord) this.reportUnterminated(start, scan);
      end = scan.firstNewline;
      unterminated = true;
      dropProblemsAfter(this.problems, end);
    }
    this.pos = end;
    this.emit(StringToken, start, end, unterminated ? { unterminated: true } : undefined);
  }

  /** After a multi-line string, text glued to the closing quote suggests the quotes are paired wrongly. */
  private looksMispaired(end: number): boolean {
    const code = this.text.charCodeAt(end);
    if (Number.isNaN(code)) return false;
    return !(isSpace(code) || code === CH_LF || code === CH_CR || code === CH_SEMI || code === CH_RPAREN ||
      code === CH_RBRACKET || code === CH_RBRACE || code === CH_BACKSLASH || code === CH_DOLLAR || code === CH_QUOTE);
  }

  /** Reports a missing closing quote once and cuts the string at the end of its first line. */
  private reportUnterminated(start: number, scan: { firstNewline: number }): number {
    const end = scan.firstNewline >= 0 ? scan.firstNewline : this.end;
    dropProblemsAfter(this.problems, end);
    this.problems.push({
      code: Code.unterminatedString,
      span: { start, end: Math.max(end, start + 1) },
      describe: (fmt) => `unterminated string that starts at ${fmt(start)}: add the closing \`"\``,
    });
    return end;
  }

  private open(start: number, code: number): void {
    const open = code === CH_LPAREN ? '(' : code === CH_LBRACKET ? '[' : '{';
    if (this.frames.length > MAX_BRACKET_DEPTH) {
      this.skipTooDeep(start);
      return;
    }
    this.pos = start + 1;
    const command = open === '(' && this.commandFollows(start + 1);
    this.emit(code === CH_LBRACE ? LBrace : code === CH_LPAREN && !command ? LParen : LBracket, start, start + 1);
    let indent = 0;
    while (this.lineStart + indent < start && isSpace(this.text.charCodeAt(this.lineStart + indent))) indent++;
    this.frames.push({ open, start, where: false, command, indent });
    this.atStatementStart = open !== '(' || command;
    this.sawSpace = true;
    this.commandWord = undefined;
  }

  private close(start: number, code: number): void {
    const close = code === CH_RPAREN ? ')' : code === CH_RBRACKET ? ']' : '}';
    const open = close === ')' ? '(' : close === ']' ? '[' : '{';
    let index = this.frames.length - 1;
    while (index > 0 && this.frames[index]!.open !== open) index--;
    const commandParen = this.frames[index]?.command === true;
    if (index === 0 && close === ')' && this.parensClosedAtLineEnd > 0) {
      this.parensClosedAtLineEnd--;
      this.pos = start + 1;
      this.sawSpace = true;
      return;
    }
    if (index === 0) {
      this.problems.push(problem(Code.unbalancedBracket, start, start + 1, close === '}'
        ? 'unexpected `}`: no block is open (an extra `}`, or a `{` missing before it)'
        : `unexpected \`${close}\`: no \`${open}\` is open`));
      this.pos = start + 1;
      this.sawSpace = true;
      return;
    }
    while (this.frames.length - 1 > index) this.closeMissing(start);
    this.frames.pop();
    this.pos = start + 1;
    this.emit(code === CH_RPAREN && !commandParen ? RParen : code === CH_RBRACE ? RBrace : RBracket, start, start + 1);
    this.atStatementStart = false;
  }

  /** Closes the innermost frame whose closer is missing before `at`. */
  private closeMissing(at: number): void {
    const frame = this.frames.pop()!;
    const closer = CLOSER_FOR[frame.open]!;
    const opener = frame.start;
    this.problems.push({
      code: Code.unbalancedBracket,
      span: { start: opener, end: opener + 1 },
      describe: (fmt) => `missing \`${closer}\` to close the \`${frame.open}\` at ${fmt(opener)}`,
    });
    this.push(frame.open === '(' && !frame.command ? RParen : frame.open === '{' ? RBrace : RBracket, at, at, { synthetic: true });
  }

  private closeAllAtEnd(): void {
    const end = this.end;
    while (this.frames.length > 1) this.closeMissing(end);
  }

  /** The next line begins with `/path` or `:command`, indented no deeper than `indent`. */
  private nextLineStartsCommand(indent: number): boolean {
    let i = this.pos;
    while (i < this.end && isSpace(this.text.charCodeAt(i))) i++;
    const code = this.text.charCodeAt(i);
    return i - this.pos <= indent && (code === CH_SLASH || code === CH_COLON) && isLetter(this.text.charCodeAt(i + 1));
  }

  /** `(:cmd ...)` and `( :cmd ...)`: a global command in parentheses, used like `[:cmd ...]`. */
  private commandFollows(from: number): boolean {
    let i = from;
    while (i < this.end && isSpace(this.text.charCodeAt(i))) i++;
    return this.text.charCodeAt(i) === CH_COLON && isLetter(this.text.charCodeAt(i + 1));
  }

  /** Skips a group nested too deep, up to its matching closer, reporting it once. */
  private skipTooDeep(start: number): void {
    const text = this.text;
    let depth = 0;
    let i = start;
    while (i < this.end) {
      const code = text.charCodeAt(i);
      if (code === CH_LPAREN || code === CH_LBRACKET || code === CH_LBRACE) depth++;
      else if (code === CH_RPAREN || code === CH_RBRACKET || code === CH_RBRACE) depth--;
      else if (code === CH_QUOTE) {
        const scan = scanString(text, i, [], 0);
        i = scan.end;
        continue;
      }
      i++;
      if (depth === 0) break;
    }
    this.problems.push(problem(Code.nestingTooDeep, start, Math.min(i, start + 1),
      `nesting too deep: brackets nested more than ${MAX_BRACKET_DEPTH} levels; this group is not checked`));
    this.pos = i;
    this.sawSpace = true;
  }

  private lineEnd(from: number): number {
    let i = from;
    while (i < this.end) {
      const code = this.text.charCodeAt(i);
      if (code === CH_LF || code === CH_CR) break;
      i++;
    }
    return i;
  }
}

/** Forgets problems found inside the part of a string that will be read again as code (they come last). */
function dropProblemsAfter(problems: RawProblem[], offset: number): void {
  while (problems.length > 0 && problems[problems.length - 1]!.span.start >= offset) problems.pop();
}

// One Scanner that has lexed the common tokens stays alive, so its class's hidden classes do (see keepShapes.ts).
const SHAPE_SAMPLE = '/ip address add address=10.0.0.1/24 comment="a $b" disabled=[:len {1;2}] (1+2)\n';
keepShapeOf(new Scanner(SHAPE_SAMPLE, 0, SHAPE_SAMPLE.length)).run();
