/**
 * What the user is typing at the cursor, worked out from the TOKENS before the cursor rather than from a
 * successful parse: the line being typed is usually incomplete, and the parser's recovery is tuned for
 * diagnostics, not for guessing intent.
 *
 * The scanner reads the tokens of the current logical line (or statement) from left to right, keeping a small
 * state per command: the menu path so far, the command or global command, the parameters already given. `[`,
 * `{` and `(` open nested scopes (a `[...]` inherits the menu of the command around it); an unterminated string
 * that is the value of a script parameter (`source="...`) is decoded and scanned as a script of its own. When
 * the tokens run out, the state at that point says which kind of completion applies.
 */
import type { LexToken } from '../../core/tokens.js';
import { tokenize } from '../../core/tokens.js';
import type { SchemaService } from '../../schema/types.js';

export type CompletionContext =
  /** Sub-menus and commands of `path`; at the very start of a statement also colon-less global commands. */
  | { readonly kind: 'menu'; readonly path: readonly string[]; readonly statementStart: boolean }
  /** After `:`: global command names. */
  | { readonly kind: 'global-command' }
  /** Named parameters of a menu command that are not given yet (or property names after `where`). */
  | {
      readonly kind: 'parameter-name';
      readonly menuPath: readonly string[];
      readonly command: string;
      readonly given: ReadonlySet<string>;
      readonly positionalIndex: number;
      readonly inWhere: boolean;
    }
  /** Arguments of a global command (`:for i from=` ...), or its sub-commands (`:log info`). */
  | { readonly kind: 'global-argument'; readonly command: string; readonly given: ReadonlySet<string>; readonly positionalIndex: number }
  /** The value of `parameter=`; `valueText` is what is typed after the `=` (for comma lists and `!`). */
  | {
      readonly kind: 'parameter-value';
      readonly menuPath: readonly string[];
      readonly command: string;
      readonly parameter: string;
      readonly global: boolean;
      readonly valueText: string;
    }
  /** After `$`: variable names. */
  | { readonly kind: 'variable' }
  | { readonly kind: 'none' };

export interface ScannedContext {
  readonly context: CompletionContext;
  /** Offset (in the scanned text) where the partial word that completion replaces starts. */
  readonly replaceStart: number;
  /** True when the cursor sits in code nested in a string (it then runs from the root menu). */
  readonly inNestedString: boolean;
}

/** Scans `source` (which ends at the cursor) as code starting in menu `base`. */
export function scanCompletionContext(source: string, base: readonly string[], schema: SchemaService): ScannedContext {
  const scanner = new ContextScanner(tokenize(source), source, schema, 0);
  return scanner.scanTop(base);
}

type Closer = 'RBracket' | 'RBrace' | 'RParen';
type ScanResult = { readonly closed: true } | { readonly closed: false; readonly found: ScannedContext };

/** Bounds recursion through nested brackets and strings; deeper code gets no completion rather than a hang. */
const MAX_NESTING = 64;

interface CommandState {
  readonly base: readonly string[];
  prefix?: 'colon' | 'slash';
  path: string[];
  sawPath: boolean;
  command?: string;
  global?: string;
  readonly given: Set<string>;
  positional: number;
  inWhere: boolean;
  /** Name of the parameter whose `=` has been read and whose value is being read. */
  pendingName?: string;
  /** End of the `=` of the pending parameter, where its value text starts. */
  equalsEnd: number;
  /** End of the last token of the pending value so far (-1 before its first token). */
  valueEnd: number;
}

class ContextScanner {
  private index = 0;
  private readonly cursor: number;

  constructor(
    private readonly tokens: readonly LexToken[],
    private readonly source: string,
    private readonly schema: SchemaService,
    private readonly nesting: number,
  ) {
    this.cursor = source.length;
  }

  scanTop(base: readonly string[]): ScannedContext {
    const lone = this.loneDollar();
    if (lone) return lone;
    const result = this.scanScript(base, undefined, 0);
    return result.closed ? this.found({ kind: 'none' }) : result.found;
  }

  /**
   * A `$` just typed (with or without a partial name) that the lexer did not turn into a variable token, because
   * a lone `$` is not one yet. Inside a string token the string handling decides instead.
   */
  private loneDollar(): ScannedContext | undefined {
    const match = /(?<!\\)\$("?)[A-Za-z0-9_-]*$/.exec(this.source);
    if (!match) return undefined;
    const dollar = match.index;
    const covered = this.tokens.some((token) => token.span.start <= dollar && dollar < token.span.end);
    if (covered) return undefined;
    return this.found({ kind: 'variable' }, dollar + 1 + match[1]!.length);
  }

  private found(context: CompletionContext, replaceStart = this.cursor, inNestedString = false): ScannedContext {
    return { context, replaceStart, inNestedString };
  }

  private get isLastToken(): boolean {
    return this.index === this.tokens.length - 1;
  }

  private touchesCursor(token: LexToken): boolean {
    return token.span.end === this.cursor;
  }

  /** Reads commands until `closer` (or the cursor); returns the context if the cursor is inside. */
  private scanScript(base: readonly string[], closer: Closer | undefined, depth: number): ScanResult {
    if (depth > MAX_NESTING) return { closed: false, found: this.found({ kind: 'none' }) };
    let menu = base;
    let state = newCommand(menu);
    while (this.index < this.tokens.length) {
      const token = this.tokens[this.index]!;
      const last = this.isLastToken && this.touchesCursor(token);

      if (state.pendingName !== undefined && !this.continuesValue(state, token)) {
        // The value of the pending parameter ended before this token.
        state.pendingName = undefined;
      }

      switch (token.kind) {
        case 'Newline':
        case 'Semicolon':
          if (isMenuChange(state)) menu = state.path;
          state = newCommand(menu);
          this.index++;
          continue;
        case 'RBracket':
        case 'RBrace':
        case 'RParen':
          this.index++;
          if (token.kind === closer) return { closed: true };
          // An unmatched closing bracket: start afresh after it rather than give up.
          state = newCommand(menu);
          continue;
        case 'ColonPrefix':
          this.index++;
          if (isFresh(state)) {
            state.prefix = 'colon';
            if (last) return { closed: false, found: this.found({ kind: 'global-command' }) };
          }
          continue;
        case 'SlashPrefix':
        case 'PathSep':
          this.index++;
          if (isFresh(state)) {
            state.prefix = 'slash';
            state.path = [];
            state.sawPath = true;
          }
          if (last) return { closed: false, found: this.found(this.endContext(state)) };
          continue;
        case 'Word':
        case 'Where': {
          if (token.text === ':' && isFresh(state)) {
            // A lone `:` is not a prefix token yet; it becomes one when the command name follows.
            state.prefix = 'colon';
            this.index++;
            if (last) return { closed: false, found: this.found({ kind: 'global-command' }) };
            continue;
          }
          if (state.pendingName !== undefined) {
            if (last) return { closed: false, found: this.valueContext(state) };
            state.valueEnd = token.span.end;
            this.index++;
            continue;
          }
          const next = this.tokens[this.index + 1];
          const isName = next?.kind === 'Equals' && next.span.start === token.span.end && isArgumentPhase(state);
          if (isName) {
            state.given.add(token.text);
            state.pendingName = token.text;
            state.equalsEnd = next.span.end;
            state.valueEnd = -1;
            this.index += 2;
            if (this.index === this.tokens.length && next.span.end <= this.cursor) {
              return { closed: false, found: this.valueContext(state) };
            }
            continue;
          }
          if (last) return { closed: false, found: this.found(this.endContext(state), token.span.start) };
          this.feedWord(state, token);
          this.index++;
          continue;
        }
        case 'Variable':
          if (last) return { closed: false, found: this.variableContext(token) };
          this.consumeValueToken(state, token);
          this.index++;
          continue;
        case 'String':
          if (this.isLastToken && isUnterminated(token)) return { closed: false, found: this.insideString(state, token) };
          this.consumeValueToken(state, token);
          this.index++;
          continue;
        case 'LBracket': {
          this.index++;
          const inner = this.scanScript(menuOfCommand(state), 'RBracket', depth + 1);
          if (!inner.closed) return inner;
          this.consumeValueEnd(state);
          continue;
        }
        case 'LBrace': {
          this.index++;
          const code = this.codeBlockBase(state);
          const inner = code ? this.scanScript(code, 'RBrace', depth + 1) : this.scanGroup('RBrace', menuOfCommand(state), depth + 1);
          if (!inner.closed) return inner;
          this.consumeValueEnd(state);
          continue;
        }
        case 'LParen': {
          this.index++;
          const inner = this.scanGroup('RParen', menuOfCommand(state), depth + 1);
          if (!inner.closed) return inner;
          this.consumeValueEnd(state);
          continue;
        }
        default:
          // Operators, `!`, `=` outside a named argument: part of a value or an expression.
          this.consumeValueToken(state, token);
          this.index++;
          continue;
      }
    }
    return { closed: false, found: this.found(this.endContext(state)) };
  }

  /** Reads an array or a parenthesised expression up to `closer`; only variables and `[...]` matter inside. */
  private scanGroup(closer: Closer, menu: readonly string[], depth: number): ScanResult {
    if (depth > MAX_NESTING) return { closed: false, found: this.found({ kind: 'none' }) };
    while (this.index < this.tokens.length) {
      const token = this.tokens[this.index]!;
      const last = this.isLastToken && this.touchesCursor(token);
      if (token.kind === closer) {
        this.index++;
        return { closed: true };
      }
      this.index++;
      if (token.kind === 'LBracket' || token.kind === 'LParen' || token.kind === 'LBrace') {
        const inner =
          token.kind === 'LBracket'
            ? this.scanScript(menu, 'RBracket', depth + 1)
            : this.scanGroup(token.kind === 'LParen' ? 'RParen' : 'RBrace', menu, depth + 1);
        if (!inner.closed) return inner;
        continue;
      }
      if (token.kind === 'Variable' && last) return { closed: false, found: this.variableContext(token) };
      if (token.kind === 'String' && this.index === this.tokens.length && isUnterminated(token)) {
        return { closed: false, found: this.variableInString(token) };
      }
    }
    return { closed: false, found: this.found({ kind: 'none' }) };
  }

  /** True if `token` is (part of) the value of the pending parameter. */
  private continuesValue(state: CommandState, token: LexToken): boolean {
    if (state.valueEnd < 0) return token.kind !== 'Newline' && token.kind !== 'Semicolon';
    return token.span.start === state.valueEnd;
  }

  private consumeValueToken(state: CommandState, token: LexToken): void {
    if (state.pendingName !== undefined) state.valueEnd = token.span.end;
    else if (isArgumentPhase(state)) state.positional++;
  }

  /** After a bracketed value closes: the value ends at the token just read. */
  private consumeValueEnd(state: CommandState): void {
    const previous = this.tokens[this.index - 1];
    if (state.pendingName !== undefined && previous) state.valueEnd = previous.span.end;
    else if (isArgumentPhase(state)) state.positional++;
  }

  /** A word before the arguments: a path segment, the command, or a colon-less global command. */
  private feedWord(state: CommandState, token: LexToken): void {
    const word = token.text;
    if (isArgumentPhase(state)) {
      if (token.kind === 'Where' || word === 'where') state.inWhere = true;
      else state.positional++;
      return;
    }
    if (state.prefix === 'colon') {
      state.global = word;
      return;
    }
    if (word === '..') {
      state.path.pop();
      state.sawPath = true;
      return;
    }
    const candidate = [...state.path, word];
    if (this.schema.isMenuOrDirectory(candidate)) {
      state.path = candidate;
      state.sawPath = true;
      return;
    }
    if (!state.sawPath && !state.prefix && !this.schema.getCommand(state.path, word) && this.schema.getGlobalCommand(word)) {
      state.global = word;
      return;
    }
    state.command = word;
  }

  /** The menu a `{...}` after this command's words runs in, or undefined when the braces hold an array. */
  private codeBlockBase(state: CommandState): readonly string[] | undefined {
    if (state.pendingName !== undefined) {
      if (state.global) {
        const parameter = this.schema.getGlobalCommand(state.global)?.parameters.find((p) => p.name === state.pendingName);
        const isCode = parameter ? parameter.type.kind === 'script' : GLOBAL_CODE_ARGUMENTS.has(state.pendingName);
        return isCode || (state.global === 'onerror' && state.pendingName === 'in') ? state.base : undefined;
      }
      if (!state.command) return undefined;
      const parameter = this.schema.getParameter(state.path, state.command, state.pendingName);
      // A stored script (`source={...}`, `on-event={...}`) runs on its own, from the root menu.
      return parameter?.type.kind === 'script' ? [] : undefined;
    }
    if (!state.command && !state.global) return state.path; // `{ ... }` scope or `/ip firewall filter { ... }`
    if (state.global && GLOBALS_WITH_CODE_POSITIONAL.has(state.global)) return state.base;
    return undefined;
  }

  private endContext(state: CommandState): CompletionContext {
    // `name=value |`: a space after the value ends it; `name= |` still waits for the value.
    if (state.pendingName !== undefined && state.valueEnd >= 0 && state.valueEnd < this.cursor) state.pendingName = undefined;
    if (state.pendingName !== undefined) return this.valueContext(state).context;
    if (state.prefix === 'colon' && !state.global) return { kind: 'global-command' };
    if (state.global) {
      return { kind: 'global-argument', command: state.global, given: state.given, positionalIndex: state.positional };
    }
    if (!state.command) return { kind: 'menu', path: state.path, statementStart: !state.sawPath && !state.prefix };
    return {
      kind: 'parameter-name',
      menuPath: state.path,
      command: state.command,
      given: state.given,
      positionalIndex: state.positional,
      inWhere: state.inWhere,
    };
  }

  /** The cursor is in the value of `name=`: the value text typed so far decides the replace range. */
  private valueContext(state: CommandState): ScannedContext {
    const valueText = this.source.slice(state.equalsEnd, this.cursor);
    // In a comma list (`allow=pap,ch`) or after a negation (`!LA`), only the current item is replaced.
    const itemStart = Math.max(valueText.lastIndexOf(',') + 1, valueText.startsWith('!') ? 1 : 0);
    const itemOffset = state.equalsEnd + itemStart;
    const afterBang = this.source[itemOffset] === '!' ? itemOffset + 1 : itemOffset;
    return this.found(
      {
        kind: 'parameter-value',
        menuPath: state.global ? state.base : state.path,
        command: state.global ?? state.command ?? '',
        parameter: state.pendingName ?? '',
        global: state.global !== undefined,
        valueText,
      },
      afterBang,
    );
  }

  private variableContext(token: LexToken): ScannedContext {
    // `$"quoted name` replaces after the quote; `$name` after the dollar.
    const quoted = token.text.startsWith('$"');
    return this.found({ kind: 'variable' }, token.span.start + (quoted ? 2 : 1));
  }

  /** The cursor is inside a string: nested code if the string holds a script, else maybe a `$variable`. */
  private insideString(state: CommandState, token: LexToken): ScannedContext {
    if (this.stringHoldsCode(state) && this.nesting < MAX_NESTING) {
      const raw = this.source.slice(token.span.start + 1, this.cursor);
      const decoded = decodeStringPrefix(raw);
      const inner = new ContextScanner(tokenize(decoded.text), decoded.text, this.schema, this.nesting + 1).scanTop([]);
      const mapped = token.span.start + 1 + (decoded.sourceOffsets[inner.replaceStart] ?? raw.length);
      return { context: inner.context, replaceStart: mapped, inNestedString: true };
    }
    return this.variableInString(token);
  }

  private variableInString(token: LexToken): ScannedContext {
    const match = /(?<!\\)\$([\w-]*)$/.exec(this.source.slice(token.span.start, this.cursor));
    if (!match) return this.found({ kind: 'none' });
    return this.found({ kind: 'variable' }, this.cursor - match[1]!.length);
  }

  private stringHoldsCode(state: CommandState): boolean {
    if (state.global === 'parse' && state.pendingName === undefined) return true;
    if (state.pendingName === undefined) return false;
    if (state.global) {
      const parameter = this.schema.getGlobalCommand(state.global)?.parameters.find((p) => p.name === state.pendingName);
      return parameter ? parameter.type.kind === 'script' : GLOBAL_CODE_ARGUMENTS.has(state.pendingName);
    }
    if (!state.command) return false;
    return this.schema.getParameter(state.path, state.command, state.pendingName)?.type.kind === 'script';
  }
}

/** Global-command arguments that hold code when the schema has no entry for them. */
const GLOBAL_CODE_ARGUMENTS: ReadonlySet<string> = new Set(['do', 'else', 'on-error', 'command']);
/** Global commands whose first positional `{...}` is code (`:do { } while=()`, `:time { }`). */
const GLOBALS_WITH_CODE_POSITIONAL: ReadonlySet<string> = new Set(['do', 'time']);

function newCommand(base: readonly string[]): CommandState {
  return { base, path: [...base], sawPath: false, given: new Set(), positional: 0, inWhere: false, equalsEnd: 0, valueEnd: -1 };
}

function isFresh(state: CommandState): boolean {
  return !state.prefix && !state.sawPath && !state.command && !state.global;
}

function isArgumentPhase(state: CommandState): boolean {
  return state.command !== undefined || state.global !== undefined;
}

function isMenuChange(state: CommandState): boolean {
  return state.sawPath && !state.command && !state.global;
}

function menuOfCommand(state: CommandState): readonly string[] {
  return state.global ? state.base : state.path;
}

/** A string token cut by the cursor (or really unterminated) has no closing quote. */
function isUnterminated(token: LexToken): boolean {
  const text = token.text;
  if (text.length < 2 || !text.endsWith('"')) return true;
  let backslashes = 0;
  for (let i = text.length - 2; i >= 1 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', $: '$', _: ' ', '?': '?', a: '\x07', b: '\b', f: '\f', v: '\v',
};

/**
 * Decodes the start of a string body (without the opening quote) into the code it holds, keeping for every
 * decoded character the offset in `raw` it came from (and one more entry for the end).
 */
export function decodeStringPrefix(raw: string): { text: string; sourceOffsets: number[] } {
  let text = '';
  const sourceOffsets: number[] = [];
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i]!;
    if (ch !== '\\' || i + 1 >= raw.length) {
      text += ch;
      sourceOffsets.push(i);
      i++;
      continue;
    }
    const next = raw[i + 1]!;
    if (next === '\r' || next === '\n') {
      // A continuation: the line break and the next line's indentation are not part of the value.
      i += 2;
      if (next === '\r' && raw[i] === '\n') i++;
      while (raw[i] === ' ' || raw[i] === '\t') i++;
      continue;
    }
    if (next === ' ' || next === '\t') {
      i += 2;
      continue;
    }
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      text += simple;
      sourceOffsets.push(i);
      i += 2;
      continue;
    }
    const hex = /^[0-9A-F]{2}/.exec(raw.slice(i + 1, i + 3));
    if (hex) {
      text += String.fromCharCode(parseInt(hex[0], 16));
      sourceOffsets.push(i);
      i += 3;
      continue;
    }
    text += next;
    sourceOffsets.push(i);
    i += 2;
  }
  sourceOffsets.push(raw.length);
  return { text, sourceOffsets };
}
