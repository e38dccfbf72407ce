/**
 * Every validation rule, by stable code. Syntax problems come from the parser but are registered here too, so
 * that their severity is configurable and `rsc rules` / SARIF can describe them.
 */
import { Code } from '../../core/syntaxProblems.js';
import type { Rule } from './rule.js';
import { colonBeforeMenu, missingCommand, globalSubcommand, unknownCommand, unknownGlobalCommand } from './rules/commands.js';
import { duplicateParameter, invalidValue, missingRequiredParameter, parameterCombination, unknownParameter } from './rules/parameters.js';
import { notInVersion, slashPathOnV6 } from './rules/versions.js';
import { undefinedObject } from './rules/references.js';
import { pppoeMtu, weakPppAuthentication } from './rules/practices.js';
import { tooManyArguments } from './rules/arity.js';
import { bareWordInExpression } from './rules/expressions.js';
import { unknownMenu } from './rules/menus.js';
import { unknownProperty } from './rules/properties.js';
import { invalidVariableName, undeclaredVariable } from './rules/variables.js';
import { withExtraChecks } from './rules/extraChecks.js';

/**
 * Problems the parser reports (codes from core/syntaxProblems.ts). Registered here for their severity and
 * description; a test checks that every code in the parser's table has an entry.
 */
const SYNTAX_DESCRIPTIONS: Record<(typeof Code)[keyof typeof Code], string> = {
  syntax: 'The line does not follow RouterOS script syntax; RouterOS refuses the whole script.',
  'unterminated-string': 'A string whose closing `"` is missing.',
  'invalid-escape': 'A backslash escape RouterOS does not know (valid: \\" \\\\ \\n \\r \\t \\$ \\_ \\? \\a \\b \\f \\v and two upper-case hex digits).',
  'unbalanced-bracket': 'A `(`, `[` or `{` without its closing partner, or a closing one without an opening one.',
  'misplaced-comment': 'A `#` where RouterOS does not start a comment (after a value or a closing brace).',
  'space-before-equals': 'A space before `=` in `name=value`; RouterOS allows none.',
  'missing-equals': 'A script argument written without `=` (`do {` or `else {` instead of `do={`, `else={`).',
  'single-quote': 'A `\'` used as a quote; RouterOS strings use `"` only.',
  'stray-backslash': 'A `\\` outside a string that does not end the line (only a line continuation may stand there).',
  'empty-array': 'An empty `{}` used as a value; RouterOS rejects it (use `[:toarray ""]`).',
  'nesting-too-deep': 'Brackets nested deeper than any real script; the group is skipped.',
};

const SYNTAX_RULES: Rule[] = [
  ...Object.entries(SYNTAX_DESCRIPTIONS).map(([code, description]): Rule => ({ code, defaultSeverity: 'error', description })),
  { code: 'internal-error', defaultSeverity: 'error', description: 'The linter itself failed on this input; please report it with the file.' },
];

/** Every rule; some also run checks that report under their code (global commands, see rules/extraChecks.ts). */
export const RULES: readonly Rule[] = withExtraChecks([
  ...SYNTAX_RULES,
  unknownCommand,
  unknownGlobalCommand,
  colonBeforeMenu,
  missingCommand,
  globalSubcommand,
  unknownMenu,
  unknownParameter,
  unknownProperty,
  invalidValue,
  missingRequiredParameter,
  duplicateParameter,
  parameterCombination,
  tooManyArguments,
  bareWordInExpression,
  slashPathOnV6,
  notInVersion,
  undefinedObject,
  pppoeMtu,
  weakPppAuthentication,
  invalidVariableName,
  undeclaredVariable,
]);

const BY_CODE = new Map(RULES.map((rule) => [rule.code, rule]));

export function ruleByCode(code: string): Rule | undefined {
  return BY_CODE.get(code);
}

/** Registers a parser problem code discovered at run time so it is still described (defensive; tests keep the list complete). */
export function describeCode(code: string): Rule {
  return BY_CODE.get(code) ?? { code, defaultSeverity: 'error', description: 'A syntax problem found by the parser.' };
}
