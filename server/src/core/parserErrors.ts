/**
 * Turns Chevrotain's recognition errors into problems. The lexer balances brackets and the grammar is
 * permissive, so these are rare; when they happen the message names what was found, in RouterOS terms.
 */
import type { IRecognitionException } from 'chevrotain';
import { Code, problem, quoteText, type RawProblem } from './syntaxProblems.js';
import { endOf } from './tokenTypes.js';

export function parserErrorProblems(errors: IRecognitionException[], text: string, endOfInput: number): RawProblem[] {
  const problems: RawProblem[] = [];
  for (const error of errors) {
    const token = error.token;
    const real = token && Number.isFinite(token.startOffset) && token.tokenType?.name !== 'EOF';
    const start = real ? token.startOffset : endOfInput;
    const end = real ? Math.max(start, endOf(token)) : endOfInput;
    const found = real && token.image ? quoteText(token.image) : real ? 'a missing token' : 'the end of the text';
    const shown = text.length > 0 ? found : 'nothing';
    problems.push(problem(Code.syntax, Math.min(start, text.length), Math.min(end, text.length), `unexpected ${shown}`));
  }
  return problems;
}
