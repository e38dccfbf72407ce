/**
 * A fast path around the Chevrotain parser for the lines that make up most of an export:
 * `add chain=forward action=accept comment="x"`: words, strings, variables, `=`, `/` and line ends only.
 *
 * For such a token run the grammar (grammar.ts) has exactly one parse and no error, so its CST can be written
 * down directly instead of driving the parser's machinery token by token. The nodes built here have the very
 * shape Chevrotain gives (children keyed by token type and rule name, in token order), so the one AST builder
 * reads both. A test parses the whole corpus both ways and requires identical trees.
 *
 *   statement := (ColonPrefix | SlashPrefix) item* | item+
 *   item      := PathSep | Equals chain? | chain
 *   chain     := piece (Glue piece)*          piece := Word | String | Variable
 */
import type { CstNode, IToken, TokenType } from 'chevrotain';
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

const NEWLINE = Newline.tokenTypeIdx!;
const SEMICOLON = Semicolon.tokenTypeIdx!;
const COLON = ColonPrefix.tokenTypeIdx!;
const SLASH = SlashPrefix.tokenTypeIdx!;
const PATH_SEP = PathSep.tokenTypeIdx!;
const EQUALS = Equals.tokenTypeIdx!;
const GLUE = Glue.tokenTypeIdx!;

/** True when every token in [from, to) belongs to a simple statement. */
export function isSimpleRun(tokens: readonly IToken[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (SIMPLE_INDEX[tokens[i]!.tokenTypeIdx] !== 1) return false;
  }
  return true;
}

function node(name: string, children: Record<string, (IToken | CstNode)[]>): CstNode {
  return { name, children } as CstNode;
}

function addToken(children: Record<string, (IToken | CstNode)[]>, token: IToken): void {
  const key = token.tokenType.name;
  const list = children[key];
  if (list) list.push(token);
  else children[key] = [token];
}

/**
 * The `script` CST of the simple token run [from, to) (see isSimpleRun), as the grammar would build it;
 * undefined if the run is not one the grammar reads without error (a `Glue` that joins no two values), so the
 * caller falls back to the parser.
 */
export function simpleScriptCst(tokens: readonly IToken[], from: number, to: number): CstNode | undefined {
  const children: Record<string, (IToken | CstNode)[]> = {};
  const statements: CstNode[] = [];
  let i = from;
  while (i < to) {
    const type = tokens[i]!.tokenTypeIdx;
    if (type === NEWLINE || type === SEMICOLON) {
      addToken(children, tokens[i]!);
      i++;
      continue;
    }
    const statementChildren: Record<string, (IToken | CstNode)[]> = {};
    const items: CstNode[] = [];
    if (type === COLON || type === SLASH) {
      addToken(statementChildren, tokens[i]!);
      i++;
    }
    while (i < to) {
      const itemType = tokens[i]!.tokenTypeIdx;
      if (itemType === NEWLINE || itemType === SEMICOLON || itemType === COLON || itemType === SLASH) break;
      const itemChildren: Record<string, (IToken | CstNode)[]> = {};
      if (itemType === PATH_SEP) {
        addToken(itemChildren, tokens[i]!);
        i++;
      } else {
        let expectPiece = true;
        if (itemType === EQUALS) {
          addToken(itemChildren, tokens[i]!);
          i++;
          expectPiece = i < to && isPiece(tokens[i]!.tokenTypeIdx);
        }
        if (expectPiece) {
          if (!isPiece(tokens[i]!.tokenTypeIdx)) return undefined;
          addToken(itemChildren, tokens[i]!);
          i++;
          while (i + 1 < to && tokens[i]!.tokenTypeIdx === GLUE && isPiece(tokens[i + 1]!.tokenTypeIdx)) {
            addToken(itemChildren, tokens[i]!);
            addToken(itemChildren, tokens[i + 1]!);
            i += 2;
          }
          if (i < to && tokens[i]!.tokenTypeIdx === GLUE) return undefined;
        }
      }
      items.push(node('item', itemChildren));
    }
    if (items.length > 0) statementChildren.item = items;
    statements.push(node('statement', statementChildren));
  }
  if (statements.length > 0) children.statement = statements;
  return node('script', children);
}

const WORD = Word.tokenTypeIdx!;
const STRING = StringToken.tokenTypeIdx!;
const VARIABLE = Variable.tokenTypeIdx!;

function isPiece(type: number): boolean {
  return type === WORD || type === STRING || type === VARIABLE;
}
