/**
 * The typed syntax tree of a RouterOS script.
 *
 * Every node carries a `span` of absolute offsets into the *file* text (UTF-16 code units, end exclusive),
 * also for code nested inside strings: the parser maps offsets of a decoded nested script back to the file,
 * so features never need to know whether a node came from a string.
 *
 * A `span` is read-only and may be shared: the nodes a big export has by the hundred thousand (words, literals,
 * named and positional arguments, commands) are their own span (`node.span === node`, with `start`/`end` on the
 * node), so a span is not a plain `{ start, end }` to compare, spread or serialise whole; read its two fields.
 *
 * Nodes produced by error recovery may be incomplete: optional fields are really optional, and lists may be
 * empty. Code that walks the tree must tolerate that (see docs/architecture.md, "Invariants").
 */

export interface Span {
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
}

/** A whole script: a file, the body of a `{...}` block, or code found in a script-valued string. */
export interface Script {
  readonly kind: 'script';
  readonly span: Span;
  readonly statements: Statement[];
}

export type Statement = CommandStatement | BlockStatement;

/**
 * One command line: `[prefix] [path words] [command] [arguments]`.
 *
 * The parser cannot tell path words from the command word or from bare positional values without the schema
 * (`/interface set ether1` vs `/ip firewall mangle`), so it records the leading run of bare words in `words`
 * and leaves the split to analysis (see analysis/menuContext). Everything after the first item that is not a
 * bare word goes to `args`.
 */
export interface CommandStatement {
  readonly kind: 'command';
  readonly span: Span;
  /** `:` for a global command (`:put`), `/` for an absolute path (`/ip address`), undefined otherwise. */
  readonly prefix?: 'colon' | 'slash';
  /** True when the path was written with slashes between levels (`/ip/firewall/mangle`), a v7-only form. */
  readonly slashPath: boolean;
  /** Leading bare words: path segments (including `..`), then the command, then bare positional values/flags. */
  readonly words: Word[];
  /** For a function call written as a statement (`$myFunc a=1` or `$f "x"`): the variable called. */
  readonly callee?: VariableRef;
  readonly args: Argument[];
  /** `/ip firewall filter { add ...; add ... }`: the block that runs in the menu named by `words`. */
  readonly block?: Block;
}

/** `{ ... }` at statement position: a nested local scope. */
export interface BlockStatement {
  readonly kind: 'blockStatement';
  readonly span: Span;
  readonly block: Block;
}

/** A bare word as written (a path segment, a command name, a parameter name, a bare value). */
export interface Word {
  readonly kind: 'word';
  readonly span: Span;
  readonly text: string;
}

export type Argument = NamedArgument | PositionalArgument | FlagArgument | UnsetArgument | WhereArgument;

/** `name=value`; `name=` with nothing after it has `value` undefined. */
export interface NamedArgument {
  readonly kind: 'named';
  readonly span: Span;
  readonly name: Word;
  readonly value?: Expression;
}

/** A value given without a name: `[find ...]`, `$id`, `"text"`, `(expr)`, `{...}`, `5`, `*1A`. */
export interface PositionalArgument {
  readonly kind: 'positional';
  readonly span: Span;
  readonly value: Expression;
}

/** A bare word after the first non-word argument: `print detail` style flags (`once`, `as-value`, `dry-run`). */
export interface FlagArgument {
  readonly kind: 'flag';
  readonly span: Span;
  readonly name: Word;
}

/** `!port` in `set 0 !port`: unset a property. */
export interface UnsetArgument {
  readonly kind: 'unset';
  readonly span: Span;
  readonly name: Word;
}

/** `where <expression>`: the rest of the command is a filter expression in which bare words are properties. */
export interface WhereArgument {
  readonly kind: 'where';
  readonly span: Span;
  readonly keyword: Word;
  readonly expression?: Expression;
}

export type Expression =
  | Literal
  | StringLiteral
  | VariableRef
  | Substitution
  | Block
  | ArrayLiteral
  | BinaryExpression
  | UnaryExpression
  | GroupExpression
  | ConcatValue
  | ErrorExpression;

/**
 * What a bare token looks like. The lexer classifies by shape only; meaning (is `yes` a bool or an enum value?)
 * is the schema's business.
 */
export type LiteralKind =
  | 'word' // anything else: names, enum values, `established,related`, `8h-16h,mon`
  | 'number' // -7, 42, 0xFF
  | 'ip' // 192.168.1.1, short forms 10.1
  | 'ipPrefix' // 10.0.0.0/8
  | 'ipRange' // 10.0.0.1-10.0.0.9
  | 'ip6' // 2001:db8::1
  | 'ip6Prefix' // ::/0
  | 'mac' // AA:BB:CC:DD:EE:FF
  | 'time' // 1h30m, 00:01:02, 1w2d03:04:05
  | 'id' // *1A
  | 'bool'; // true, false, yes, no

export interface Literal {
  readonly kind: 'literal';
  readonly span: Span;
  readonly text: string;
  readonly literalKind: LiteralKind;
}

/** A quoted string. `value` is the decoded text; `parts` alternate text and `$x`/`$(...)`/`$[...]` interpolations. */
export interface StringLiteral {
  readonly kind: 'string';
  readonly span: Span;
  readonly value: string;
  readonly parts: StringPart[];
  /** True when the closing quote is missing (a syntax error has been reported). */
  readonly unterminated: boolean;
  /**
   * For a string that holds code (the value of `source=`, `on-event=`, `on-up=`, `do=`, `:parse "..."`, ...):
   * that code parsed as a script of its own, with spans mapped back to file offsets (escapes and
   * continuations included).
   */
  readonly nested?: Script;
}

export type StringPart =
  | { readonly kind: 'text'; readonly span: Span; readonly value: string }
  | { readonly kind: 'interpolation'; readonly span: Span; readonly expression: Expression };

/** `$name`, `$"quoted name"`, `$1`. */
export interface VariableRef {
  readonly kind: 'variable';
  readonly span: Span;
  readonly name: string;
  /** Span of the name alone (without `$` and quotes), for rename/highlight. */
  readonly nameSpan: Span;
}

/** `[ ... ]`: command substitution; the commands inherit the menu of the enclosing command. */
export interface Substitution {
  readonly kind: 'substitution';
  readonly span: Span;
  readonly statements: Statement[];
}

/** `{ ... }` holding code: `do={...}`, `source={...}`, `:do {...}`. */
export interface Block {
  readonly kind: 'block';
  readonly span: Span;
  readonly script: Script;
}

/** `{1;2;3}`, `{a=1;b="x"}`, mixed. */
export interface ArrayLiteral {
  readonly kind: 'array';
  readonly span: Span;
  readonly elements: ArrayElement[];
}

export interface ArrayElement {
  readonly span: Span;
  /** The key of a `key=value` element (a word, or a quoted string for keys with upper case). */
  readonly key?: Word | StringLiteral;
  readonly value?: Expression;
}

export type BinaryOperator =
  | ','
  | '||' | 'or'
  | '&&' | 'and'
  | 'in'
  | '<' | '>' | '=' | '<=' | '>=' | '!=' | '~'
  | '.'
  | '<<' | '>>'
  | '|' | '^' | '&'
  | '+' | '-'
  | '*' | '/' | '%'
  | '<%%'
  | '->';

export interface BinaryExpression {
  readonly kind: 'binary';
  readonly span: Span;
  readonly operator: BinaryOperator;
  readonly operatorSpan: Span;
  readonly left: Expression;
  readonly right?: Expression;
}

export type UnaryOperator = '!' | '-' | '~' | '>' | 'any';

export interface UnaryExpression {
  readonly kind: 'unary';
  readonly span: Span;
  readonly operator: UnaryOperator;
  readonly operand?: Expression;
}

/** `( ... )`. Inside, bare words are variable references. */
export interface GroupExpression {
  readonly kind: 'group';
  readonly span: Span;
  readonly expression?: Expression;
}

/** Adjacent pieces without spaces in a value position: `name=pppoe-$user`, `!$list`. */
export interface ConcatValue {
  readonly kind: 'concat';
  readonly span: Span;
  readonly parts: Expression[];
}

/** Placeholder where recovery found no usable expression. */
export interface ErrorExpression {
  readonly kind: 'error';
  readonly span: Span;
}

export type AnyNode = Script | Statement | Argument | Expression | Word;
