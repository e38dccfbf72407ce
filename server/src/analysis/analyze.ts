/**
 * Turns a parse into meaning: the target version, the menu every command runs in, and the symbols.
 * Never throws: a failure in a later pass leaves that pass's result empty rather than losing the parse.
 */
import type { CommandStatement, Script } from '../core/ast.js';
import { parseScript, type ParseResult } from '../core/parse.js';
import { LineIndex } from '../core/text.js';
import type { SchemaService } from '../schema/types.js';
import { createCommandResolver } from './menuContext.js';
import { collectSymbols } from './symbols.js';
import { determineTargetVersion } from './targetVersion.js';
import type { DocumentAnalysis, ResolvedCommand, SymbolTable } from './types.js';
import { argumentValue, forEachStatement } from './walk.js';

export interface AnalyzeOptions {
  readonly schema: SchemaService;
  /** Target version from a flag or setting; an export header in the text wins over it. */
  readonly rosVersion?: string;
}

const EMPTY_SYMBOLS: SymbolTable = { variables: [], variableReferences: [], objects: [], objectReferences: [] };

export function analyzeDocument(text: string, options: AnalyzeOptions): DocumentAnalysis {
  const lines = new LineIndex(text);
  const parse = safeParse(text, lines);
  const target = determineTargetVersion(text, options.rosVersion);
  let commands: ResolvedCommand[] = [];
  let symbols: SymbolTable = EMPTY_SYMBOLS;
  try {
    commands = resolveCommands(parse.script, options.schema);
  } catch (error) {
    parse.problems.push(internalProblem('menu analysis', error, text.length));
  }
  try {
    symbols = collectSymbols(commands, options.schema);
  } catch (error) {
    parse.problems.push(internalProblem('symbol analysis', error, text.length));
  }
  return { text, lines, parse, target, commands, symbols };
}

function safeParse(text: string, lines: LineIndex): ParseResult {
  try {
    return parseScript(text, lines);
  } catch (error) {
    // The parser promises never to throw; if it does anyway, the user still gets a diagnostic, not a crash.
    return {
      script: { kind: 'script', span: { start: 0, end: text.length }, statements: [] },
      problems: [internalProblem('parser', error, text.length)],
      comments: [],
    };
  }
}

function internalProblem(stage: string, error: unknown, length: number) {
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal-error', message: `internal error in the ${stage}: ${message}`, span: { start: 0, end: Math.min(1, length) }, severity: 'error' as const };
}

/**
 * Whether code can sit inside the command (a block, or an argument that is more than a plain word): only such a
 * command is ever a `parentCommand`, so only those need finding by node.
 */
function mayHoldCode(node: CommandStatement): boolean {
  if (node.block || node.callee) return true;
  for (const arg of node.args) {
    const value = argumentValue(arg);
    if (value && value.kind !== 'literal') return true;
  }
  return false;
}

/**
 * Resolves every command in document order. The current menu is tracked per script: a bare path line changes it
 * for the following lines of the same script; a block starts in the menu of the command that owns it; a
 * substitution resolves against the enclosing command's menu and never changes the current menu; code in a
 * string starts at the root, as RouterOS runs it on its own.
 */
function resolveCommands(root: Script, schema: SchemaService): ResolvedCommand[] {
  const resolved: ResolvedCommand[] = [];
  const byNode = new Map<CommandStatement, ResolvedCommand>();
  const resolveCommand = createCommandResolver(schema);
  const currentMenu = new Map<Script, readonly string[]>();
  // One array per distinct menu path: rules look paths up in the schema many times, and the schema caches its
  // keys per array.
  const interned = new Map<string, readonly string[]>();
  // The resolver's memo hands out the same array for the same shape of line: remember what it interned to.
  const internedArrays = new Map<readonly string[], readonly string[]>();
  const intern = (path: readonly string[]): readonly string[] => {
    const known = internedArrays.get(path);
    if (known) return known;
    const key = path.join(' ');
    const existing = interned.get(key) ?? path;
    if (existing === path) interned.set(key, path);
    internedArrays.set(path, existing);
    return existing;
  };
  // The root menu is one array too, so the resolver's memo finds it by identity.
  const rootMenu = intern([]);
  currentMenu.set(root, rootMenu);

  forEachStatement(root, (visit) => {
    if (visit.statement.kind === 'blockStatement') {
      // A bare `{ ... }` is a local scope, not a menu: `/ip address` then `{ add ... }` adds addresses. The walk
      // visits the block before its body, so the body starts in the menu current here.
      const body = visit.statement.block?.script;
      if (body) currentMenu.set(body, currentMenu.get(visit.script) ?? rootMenu);
      return;
    }
    if (visit.statement.kind !== 'command') return;
    const node = visit.statement;
    const parent = visit.parentCommand ? byNode.get(visit.parentCommand) : undefined;
    let menu = currentMenu.get(visit.script);
    if (menu === undefined) {
      // Code in a string runs on its own, from the root menu; a block or a substitution starts in the menu of
      // the command that holds it (for a menu block `/ip firewall filter { ... }`, the menu it names).
      menu = visit.origin === 'string' ? rootMenu : (parent?.menuPath ?? rootMenu);
      currentMenu.set(visit.script, menu);
    }
    const resolution = resolveCommand(node, menu);
    // Every field written out, in one order: one object shape for all commands keeps the rules' property
    // reads monomorphic (a spread of the differently shaped resolutions made them megamorphic).
    const command: ResolvedCommand = {
      node,
      kind: resolution.kind,
      menuPath: intern(resolution.menuPath),
      pathWords: resolution.pathWords,
      commandWord: resolution.commandWord,
      commandName: resolution.commandName,
      positionalWords: resolution.positionalWords,
      slashPath: resolution.slashPath,
      parent,
      script: visit.script,
      inNestedString: visit.inNestedString,
      depth: visit.depth,
    };
    resolved.push(command);
    if (mayHoldCode(node)) byNode.set(node, command);
    if (resolution.kind === 'menu-change' && !visit.inSubstitution && !node.block) {
      currentMenu.set(visit.script, command.menuPath);
    }
  });
  return resolved;
}
