/**
 * What analysis knows about a document: the parse, the target RouterOS version, the menu every command runs
 * in, and the symbols (variables, functions, named objects). Built once per document version by
 * analysis/analyze.ts and shared by every feature (diagnostics, completion, hover, symbols, the CLI).
 */
import type { CommandStatement, Span, Word, Script } from '../core/ast.js';
import type { ParseResult } from '../core/parse.js';
import type { LineIndex } from '../core/text.js';
import type { RouterOsVersion } from '../core/version.js';
import type { ObjectKind } from '../schema/types.js';

export type VersionSource = 'header' | 'setting' | 'default';

export interface TargetVersion {
  readonly version: RouterOsVersion;
  readonly source: VersionSource;
}

export type CommandKind =
  /** A bare path line (`/ip address`) that sets the menu for the following lines. */
  | 'menu-change'
  /** A command of a menu (`add`, `set`, `print`, ...). */
  | 'menu-command'
  /** A global command (`:local`, `if`, `:put`, ...). */
  | 'global'
  /** A function call (`$f a=1`). */
  | 'call'
  /** Words that could not be resolved to a menu or a command. */
  | 'unknown';

export interface ResolvedCommand {
  readonly node: CommandStatement;
  readonly kind: CommandKind;
  /** The menu the command runs in, after applying its own path words (`['ip','firewall','mangle']`). */
  readonly menuPath: readonly string[];
  /** The words that named menus (absolute or relative path segments, `..`). */
  readonly pathWords: readonly Word[];
  /** The command word (`add`) or the global command word (`local`), if any. */
  readonly commandWord?: Word;
  /** Command name without prefix (`add`, `local`). */
  readonly commandName?: string;
  /** Bare words after the command word (positional values or flags such as `print detail`). */
  readonly positionalWords: readonly Word[];
  /** The path was written with `/` between levels somewhere (`/ip/address`, `/ip firewall/mangle`): v7 only. */
  readonly slashPath?: boolean;
  /** The command this one is nested in (`[find]` inside `set`), for menu inheritance. */
  readonly parent?: ResolvedCommand;
  /** The script (file, block body, substitution or code in a string) that holds the command: its scope. */
  readonly script: Script;
  /** True when the command sits in code nested in a string (`source="..."`). */
  readonly inNestedString: boolean;
  /** Depth of `{}` blocks and `[]` substitutions around the command. */
  readonly depth: number;
}

export type VariableKind = 'local' | 'global' | 'function' | 'loop' | 'parameter' | 'builtin';

export interface VariableSymbol {
  readonly name: string;
  readonly kind: VariableKind;
  /** Span of the name in the declaration. */
  readonly span: Span;
  /** The script (file, block or nested string) whose scope holds it. */
  readonly scope: Script;
  /** Offset from which the variable is visible. */
  readonly visibleFrom: number;
  /** Offset at which visibility ends (end of the scope). */
  readonly visibleTo: number;
}

export interface VariableReference {
  readonly name: string;
  readonly span: Span;
  readonly declaration?: VariableSymbol;
}

export interface ObjectSymbol {
  readonly kind: ObjectKind;
  readonly name: string;
  /** Span of the name's value (`pppoe-out1` in `name=pppoe-out1`). */
  readonly span: Span;
  readonly menuPath: readonly string[];
}

export interface ObjectReference {
  readonly kind: ObjectKind;
  readonly name: string;
  readonly span: Span;
  readonly menuPath: readonly string[];
  readonly parameter: string;
}

export interface SymbolTable {
  readonly variables: readonly VariableSymbol[];
  readonly variableReferences: readonly VariableReference[];
  readonly objects: readonly ObjectSymbol[];
  readonly objectReferences: readonly ObjectReference[];
}

export interface DocumentAnalysis {
  readonly text: string;
  readonly lines: LineIndex;
  readonly parse: ParseResult;
  readonly target: TargetVersion;
  /** Every command in document order, including those in blocks, substitutions and nested strings. */
  readonly commands: readonly ResolvedCommand[];
  readonly symbols: SymbolTable;
}
