/**
 * The token vocabulary of RouterOS script and a lightweight token API for completion context.
 *
 * Token kinds (the `kind` of a LexToken is the token type's name):
 * - `Newline`      end of a command line (LF, CRLF or CR outside strings, not after a `\` continuation)
 * - `Semicolon`    `;`, also ends a command
 * - `LParen` `RParen` `LBracket` `RBracket` `LBrace` `RBrace`   brackets (always balanced: see lexer.ts)
 * - `Equals`       `=` between a parameter name and its value (command context)
 * - `ColonPrefix`  the `:` of a global command (`:put`)
 * - `SlashPrefix`  the `/` that starts an absolute menu path
 * - `PathSep`      a `/` between levels of a v7 slash path (`/ip/address`)
 * - `Glue`         zero-width marker between two pieces of one value written without spaces (`pppoe-$user`)
 * - `Where`        the word `where` that starts a filter expression
 * - `Word`         any bare word: names, numbers, addresses, times, enum values, `..`
 * - `String`       a double-quoted string (with its quotes)
 * - `Variable`     `$name`, `$"quoted name"`, `$1`
 * - `Operator`     a binary-only operator in an expression (`+`, `.`, `&&`, `and`, `in`, `->`, `=` ...)
 * - `Minus` `Tilde` `Greater`   operators that are binary or prefix (`-`, `~`, `>`)
 * - `Bang` `Any`   prefix-only operators (`!`, `any`)
 * Comments are not tokens; the lexer returns their spans separately.
 */
import type { Span } from './ast.js';
import { lex } from './lexer.js';
import { Glue, endOf } from './tokenTypes.js';

export interface LexToken {
  /** The token type name, see the list at the top of this file. */
  readonly kind: string;
  readonly text: string;
  readonly span: Span;
}

/** The tokens of a whole text (comments and zero-width recovery tokens left out). Never throws. */
export function tokenize(text: string): LexToken[] {
  try {
    const { tokens } = lex(text);
    const out: LexToken[] = [];
    for (const token of tokens) {
      if (token.synthetic || token.tokenType === Glue) continue;
      out.push({ kind: token.tokenType.name, text: token.image, span: { start: token.startOffset, end: endOf(token) } });
    }
    return out;
  } catch {
    return [];
  }
}
