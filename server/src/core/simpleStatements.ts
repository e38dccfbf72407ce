/**
 * A fast path around the Chevrotain parser for the lines that make up most of an export:
 * `add chain=forward action=accept comment="x"`: words, strings, variables, `=`, `/` and line ends only.
 *
 * For such a token run the grammar (grammar.ts) has exactly one parse and no error, so the AST builder reads the
 * tokens directly (AstBuilder.simpleStatements) instead of a CST built by driving the parser token by token. A
 * test parses the whole corpus and random lines both ways and requires identical trees.
 *
 *   statement := (ColonPrefix | SlashPrefix) item* | item+
 *   item      := PathSep | Equals chain? | chain
 *   chain     := piece (Glue piece)*          piece := Word | String | Variable
 */
import type { IToken, TokenType } from 'chevrotain';
import {
  ColonPrefix, Equals, Glue, Newline, PathSep, Semicolon, SlashPrefix, StringToken, Variable, Word,
} from './tokenTypes.js';

const SIMPLE_TYPES: readonly TokenType[] = [Newline, Semicolon, ColonPrefix, SlashPrefix, PathSep, Equals, Word, StringToken, Variable, Glue];

/** tokenTypeIdx -> 1 for the token types of simple statements. */
const SIMPLE_INDEX = (() => {
  const size = Math.max(...SIMPLE_TYPES.map((type) => type.tokenTypeIdx ?? 0)) + 1;
  const index = new Uint8Array(size + 1);
  for (const type of SIMPLE_TYPES) index[type.tokenTypeIdx!] = 1;
  return index;
})();

const GLUE = Glue.tokenTypeIdx!;

/** True when every token in [from, to) belongs to a simple statement. */
export function isSimpleRun(tokens: readonly IToken[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (SIMPLE_INDEX[tokens[i]!.tokenTypeIdx] !== 1) return false;
  }
  return true;
}

/**
 * Whether the grammar reads the simple token run [from, to) without error: every `Glue` joins two values (the
 * lexer emits it only between two, so this fails only on inputs the parser should judge).
 */
export function isWellFormedSimpleRun(tokens: readonly IToken[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (tokens[i]!.tokenTypeIdx !== GLUE) continue;
    if (i === from || i + 1 >= to || !isPiece(tokens[i - 1]!.tokenTypeIdx) || !isPiece(tokens[i + 1]!.tokenTypeIdx)) return false;
  }
  return true;
}

const WORD = Word.tokenTypeIdx!;
const STRING = StringToken.tokenTypeIdx!;
const VARIABLE = Variable.tokenTypeIdx!;

function isPiece(type: number): boolean {
  return type === WORD || type === STRING || type === VARIABLE;
}
