/**
 * The token vocabulary of RouterOS script (Chevrotain token types). See tokens.ts for what each kind means.
 * The lexer (lexer.ts) creates tokens of these types by hand; the grammar (grammar.ts) consumes them.
 */
import { createToken, type IToken, type TokenType } from 'chevrotain';

/** Categories let the grammar say "any binary operator" or "any prefix operator" with one token type. */
export const BinaryOp = createToken({ name: 'BinaryOp', pattern: /NA/ });
export const PrefixOp = createToken({ name: 'PrefixOp', pattern: /NA/ });

export const Newline = createToken({ name: 'Newline', pattern: /NA/ });
export const Semicolon = createToken({ name: 'Semicolon', pattern: /NA/ });
export const LParen = createToken({ name: 'LParen', pattern: /NA/ });
export const RParen = createToken({ name: 'RParen', pattern: /NA/ });
export const LBracket = createToken({ name: 'LBracket', pattern: /NA/ });
export const RBracket = createToken({ name: 'RBracket', pattern: /NA/ });
export const LBrace = createToken({ name: 'LBrace', pattern: /NA/ });
export const RBrace = createToken({ name: 'RBrace', pattern: /NA/ });
export const Equals = createToken({ name: 'Equals', pattern: /NA/ });
export const ColonPrefix = createToken({ name: 'ColonPrefix', pattern: /NA/ });
export const SlashPrefix = createToken({ name: 'SlashPrefix', pattern: /NA/ });
export const PathSep = createToken({ name: 'PathSep', pattern: /NA/ });
export const Glue = createToken({ name: 'Glue', pattern: /NA/ });
export const Where = createToken({ name: 'Where', pattern: /NA/ });
export const Word = createToken({ name: 'Word', pattern: /NA/ });
export const StringToken = createToken({ name: 'String', pattern: /NA/ });
export const Variable = createToken({ name: 'Variable', pattern: /NA/ });
export const Operator = createToken({ name: 'Operator', pattern: /NA/, categories: [BinaryOp] });
export const Minus = createToken({ name: 'Minus', pattern: /NA/, categories: [BinaryOp, PrefixOp] });
export const Tilde = createToken({ name: 'Tilde', pattern: /NA/, categories: [BinaryOp, PrefixOp] });
export const Greater = createToken({ name: 'Greater', pattern: /NA/, categories: [BinaryOp, PrefixOp] });
export const Bang = createToken({ name: 'Bang', pattern: /NA/, categories: [PrefixOp] });
export const Any = createToken({ name: 'Any', pattern: /NA/, categories: [PrefixOp] });

export const allTokenTypes: TokenType[] = [
  BinaryOp, PrefixOp, Newline, Semicolon, LParen, RParen, LBracket, RBracket, LBrace, RBrace, Equals, ColonPrefix,
  SlashPrefix, PathSep, Glue, Where, Word, StringToken, Variable, Operator, Minus, Tilde, Greater, Bang, Any,
];

/**
 * A token as the lexer makes it: a Chevrotain token plus what the lexer learnt while scanning it.
 * `endOffset` is inclusive (Chevrotain's convention); synthetic tokens inserted by bracket recovery have
 * `endOffset = startOffset - 1` (zero width).
 */
export interface RscToken extends IToken {
  /** A string whose closing quote is missing. */
  unterminated?: boolean;
  /** A closing bracket the lexer inserted because the real one is missing. */
  synthetic?: boolean;
}


/** Offset just past a token (Chevrotain's `endOffset` is inclusive and optional in its typings). */
export function endOf(token: IToken): number {
  return (token.endOffset ?? token.startOffset) + 1;
}
