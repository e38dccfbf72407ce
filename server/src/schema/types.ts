/**
 * The shape of the RouterOS schema: menus, commands, parameters, value types, versions, documentation keys.
 *
 * Schema is data (see schema/data/*), written by this project from facts; it is checked by tests for its
 * invariants (unique names, known types, every focus parameter documented). Features never read schema data
 * directly: they ask the SchemaService (schema/service.ts).
 */

/** Kinds of named objects a script can create and other parameters can refer to. */
export type ObjectKind =
  | 'interface' // any interface name (ethernet, vlan, bridge, pppoe-client, ...)
  | 'interface-list'
  | 'bridge'
  | 'ppp-profile'
  | 'ppp-secret'
  | 'ip-pool'
  | 'ipv6-pool'
  | 'address-list'
  | 'routing-table'
  | 'connection-mark'
  | 'packet-mark'
  | 'firewall-chain'
  | 'pppoe-service'
  | 'script'
  | 'queue'
  | 'layer7-protocol';

/** Type of a parameter value. Validation, completion and hover all read it. */
/**
 * `openKeywords`: a word that starts with a letter is accepted besides the type's own form. A command tree's
 * type hint names only the numeric form (`store-leases-disk` says `time interval` yet takes `never`;
 * `router-id` says `IP address` yet takes the name of a `/routing id` entry), so a type read from a hint
 * checks only values written in that form.
 */
export interface OpenForm {
  readonly openKeywords?: boolean;
}

export type ValueType =
  /** yes | no (RouterOS also prints true/false in some menus; both accepted where `acceptTrueFalse`). */
  | { readonly kind: 'bool' }
  /**
   * One of a fixed set. `negatable`: a leading `!` is accepted (firewall matchers). `valueVersions` (added by the
   * schema helper): version windows of single values that did not always exist (`isdn` of `/ppp secret service`).
   */
  | {
      readonly kind: 'enum';
      readonly values: readonly string[];
      readonly negatable?: boolean;
      readonly valueVersions?: Readonly<Record<string, VersionWindow>>;
    }
  /** Comma-separated subset of a fixed set: `pap,chap,mschap2`, `established,related`, `syn,!ack`. */
  | {
      readonly kind: 'enumList';
      readonly values: readonly string[];
      readonly negatable?: boolean;
      /** Each element may carry its own `!` (tcp-flags). */
      readonly elementNegation?: boolean;
      readonly valueVersions?: Readonly<Record<string, VersionWindow>>;
    }
  /** Integer with optional bounds; `keywords` are extra accepted words (`auto`, `disabled`, `unlimited`). */
  | ({ readonly kind: 'integer'; readonly min?: number; readonly max?: number; readonly keywords?: readonly string[]; readonly negatable?: boolean } & OpenForm)
  /**
   * Time interval (`30s`, `1h30m`, `1d 00:00:00`); bounds in seconds. With `openKeywords` a `from-to` pair of
   * times is accepted too (`/ip kid-control add mon=0s-1d`), which a command tree's hint does not mention.
   */
  | ({ readonly kind: 'time'; readonly minSeconds?: number; readonly maxSeconds?: number; readonly keywords?: readonly string[] } & OpenForm)
  | ({ readonly kind: 'ipv4'; readonly list?: boolean } & OpenForm)
  | ({ readonly kind: 'ipv4Prefix' } & OpenForm)
  /** Address matcher: IPv4, IPv4/prefix or a-b range, optionally negated with `!`. */
  | ({ readonly kind: 'ipv4Match'; readonly negatable?: boolean } & OpenForm)
  | { readonly kind: 'ipv6' }
  | ({ readonly kind: 'ipv6Prefix' } & OpenForm)
  | ({ readonly kind: 'mac'; readonly negatable?: boolean } & OpenForm)
  | { readonly kind: 'string'; readonly minLength?: number; readonly maxLength?: number; readonly negatable?: boolean }
  /**
   * The name of an object of another menu (a PPP profile, an IP pool, an interface). `keywords` are built-in
   * names that always exist (`default`, `default-encryption`, `main`, `all`); `list`: comma list of names.
   */
  | {
      readonly kind: 'reference';
      readonly target: ObjectKind;
      readonly keywords?: readonly string[];
      readonly list?: boolean;
      readonly negatable?: boolean;
    }
  /** Code: parsed and checked as a nested script (`source`, `on-up`, `on-event`, ...). */
  | { readonly kind: 'script' }
  /**
   * A structured value with its own syntax, checked by a named validator in features/validation/valueSyntax:
   * `nth`, `limit`, `dst-limit`, `pcc`, `time-window`, `port-list`, `vlan-range`, `ttl-match`, `ttl-change`,
   * `range` (from-to), `size-range` ([!]min[-max]), `icmp-options`, `connection-limit`, `rate-limit`, ...
   */
  | { readonly kind: 'pattern'; readonly pattern: string; readonly negatable?: boolean }
  /** Any of several forms (`new-mss`: 40..65534 or clamp-to-pmtu is integer-with-keywords; use this for truly mixed). */
  | { readonly kind: 'oneOf'; readonly types: readonly ValueType[] }
  /** Anything: no value check (used for names-only menus loaded from a command tree). */
  | { readonly kind: 'any' };

/** A RouterOS version window. Strings like "7.17" or "6.0"; `until` is the first version *without* it. */
export interface VersionWindow {
  readonly since?: string;
  readonly until?: string;
}

/** When another parameter must have one of some values for this one to make sense. */
export interface ParameterRequirement {
  readonly parameter: string;
  /** Allowed values of that parameter; an empty list means "must be given". */
  readonly values: readonly string[];
  /** If true, a missing value of `parameter` also satisfies the requirement (e.g. a default that matches). */
  readonly satisfiedByDefault?: boolean;
  /**
   * (Added by the schema helper.) How the value of `parameter` is compared with `values`; absent means 'oneOf'.
   * - 'oneOf': the whole value (without a leading `!`) is one of `values` (or, for an empty list, is given at all);
   * - 'contains': the value is a comma list and one element, without `!`, is one of `values` (`tcp-flags` contains `syn`);
   * - 'noneOf': the value is given and is none of `values` (`chain` is not input/forward/postrouting, so user chains pass).
   */
  readonly match?: 'oneOf' | 'contains' | 'noneOf';
}

/**
 * (Added by the schema helper.) A constraint triggered by a value rather than by the presence of a parameter:
 * when the owning parameter has one of `values`, every requirement in `requires` must hold
 * (`action=change-mss` needs `protocol=tcp` and `tcp-flags` containing `syn`).
 */
export interface ValueRequirement {
  readonly values: readonly string[];
  readonly requires: readonly ParameterRequirement[];
}

export interface ParameterSchema extends VersionWindow {
  readonly name: string;
  readonly type: ValueType;
  /** Default as RouterOS prints it, for completion detail and hover. */
  readonly default?: string;
  /** Must be given on `add`. */
  readonly required?: boolean;
  /** One-line meaning, in this project's words. Longer docs come from docs/reference. */
  readonly summary: string;
  /** Only valid with these commands (e.g. `copy-from`, `place-before` only with `add`). */
  readonly onlyFor?: readonly string[];
  /** Status/read-only property: valid in `where`/`get`/`print`, not in `add`/`set`. */
  readonly readOnly?: boolean;
  /** Other parameters this one needs (`new-mss` needs action=change-mss). */
  readonly requires?: readonly ParameterRequirement[];
  /** (Added by the schema helper.) Requirements that apply only when this parameter has certain values. */
  readonly valueRequires?: readonly ValueRequirement[];
  /** (Added by the schema helper.) A flag written without a value (`print detail`, `monitor once`, `as-value`). */
  readonly flag?: boolean;
  /**
   * The value list is the same in every RouterOS version (filter and NAT actions, the packet matchers they share
   * with mangle): values are checked even where the menu is known by name only.
   */
  readonly stableValues?: boolean;
  /** Sensitive value (password): never echoed in logs. */
  readonly sensitive?: boolean;
  /** Example value or line for hover. */
  readonly example?: string;
}

export interface CommandSchema extends VersionWindow {
  readonly name: string;
  readonly summary: string;
  /** Names of positional slots in order (`set`: numbers; `get`: numbers, value-name). */
  readonly positional?: readonly string[];
  /** Whether the command takes the menu's properties as named arguments (add, set, find, ...). */
  readonly takesProperties?: boolean;
  /** Extra named arguments or flags specific to this command (print: detail, where, as-value, ...). */
  readonly parameters?: readonly ParameterSchema[];
}

export type Coverage =
  /** Every parameter and command is known: unknown names are errors. */
  | 'full'
  /** Names known (from the user guide or a loaded command tree); values only roughly. */
  | 'names';

export interface MenuSchema extends VersionWindow {
  /** Path segments: ['interface', 'pppoe-client']. The root menu has []. */
  readonly path: readonly string[];
  readonly summary: string;
  readonly coverage: Coverage;
  readonly commands: readonly CommandSchema[];
  /** Properties (add/set/find arguments, and read-only status properties). */
  readonly parameters: readonly ParameterSchema[];
  /** Objects this menu creates with `add name=...` (for symbols and reference checks). */
  readonly defines?: { readonly kind: ObjectKind; readonly by: string };
  /**
   * (Added by the schema helper.) Further objects the menu's items create through other parameters: a mangle
   * rule defines a firewall chain by `chain`, a connection mark by `new-connection-mark`, a packet mark by
   * `new-packet-mark`.
   */
  readonly extraDefines?: readonly { readonly kind: ObjectKind; readonly by: string }[];
  /** Items that always exist in this menu (built-in profiles, `main` table, `default` pool?). */
  readonly builtinNames?: readonly string[];
  /** Link to the manual page for hover. */
  readonly manualUrl?: string;
  /** Singleton menu (`/ip dns`, `/ppp aaa`): `set` takes no item numbers. */
  readonly singleton?: boolean;
  /**
   * (Set by the service for menus a loaded command tree describes.) The tree lists every command and argument
   * name of the menu, so a name it lacks is unknown to that RouterOS version; values are still typed roughly.
   */
  readonly namesComplete?: boolean;
}

/** A global (`:`) command such as `:local`, `:if`, `:foreach`. */
export interface GlobalCommandSchema extends VersionWindow {
  readonly name: string;
  readonly summary: string;
  readonly syntax: string;
  /** Positional slots in order. */
  readonly positional?: readonly string[];
  readonly parameters: readonly ParameterSchema[];
  /** Sub-commands for directory-like globals (`:log info`, `:environment print`). */
  readonly subcommands?: readonly string[];
}

/** Documentation for hover, built from docs/reference/*.md by scripts/build-docs.ts. */
export interface DocEntry {
  /** Markdown body in this project's words. */
  readonly markdown: string;
  readonly example?: string;
  readonly manualUrl?: string;
}

/** Where a parameter name was found when it is not valid in the menu the user wrote it in. */
export interface ParameterLocation {
  readonly menuPath: readonly string[];
  readonly parameter: ParameterSchema;
}

/** What the schema service tells about a loaded command tree. */
export interface LoadedCommandTree {
  /** RouterOS version of the tree, when the file says. */
  readonly version?: string;
  /** True when the tree has this directory (a menu, or a prefix of one); the root is always there. */
  hasDirectory(path: readonly string[]): boolean;
}

/**
 * The one service that answers every question about RouterOS. Completion, hover, validation, symbols and the
 * CLI only ask it; none of them read schema data themselves. Implemented in schema/service.ts.
 */
export interface SchemaService {
  /** The menu at this exact path, if any loaded schema knows it. */
  getMenu(path: readonly string[]): MenuSchema | undefined;
  /** Names of the sub-menus directly below `path` (for completion and path resolution). */
  childMenus(path: readonly string[]): readonly string[];
  /** True when the bundled data lists every sub-menu of `path` in every RouterOS version (`/ppp`, `/ip firewall`). */
  listsAllSubMenus(path: readonly string[]): boolean;
  /** True for a menu an extra RouterOS package adds (`/interface wireless`, `/container`) and for what lies below it. */
  isPackageMenu(path: readonly string[]): boolean;
  /** The command tree loaded under the bundled schema, if any. */
  commandTree(): LoadedCommandTree | undefined;
  /** True if `path` is a menu or a prefix of a known menu (a "directory" like `/ip` or `/interface`). */
  isMenuOrDirectory(path: readonly string[]): boolean;
  /** True for every name RouterOS has at its root (menus and root commands), described or not (lead). */
  isRootName(name: string): boolean;
  /** Every root name (menus and root commands), for abbreviation and completion (lead). */
  rootNames(): readonly string[];
  /** All commands of a menu (menu commands plus the common ones the menu supports). */
  getCommands(path: readonly string[]): readonly CommandSchema[];
  getCommand(path: readonly string[], command: string): CommandSchema | undefined;
  /** The named arguments a command accepts in a menu: the menu's properties (if the command takes them) and its own. */
  getParameters(path: readonly string[], command: string): readonly ParameterSchema[];
  getParameter(path: readonly string[], command: string, name: string): ParameterSchema | undefined;
  /** Other menus that have a parameter of this name ("this parameter belongs to /interface pppoe-server server"). */
  findParameterElsewhere(name: string): readonly ParameterLocation[];
  /** Global commands (`:local`, `:if`, ...). */
  getGlobalCommands(): readonly GlobalCommandSchema[];
  getGlobalCommand(name: string): GlobalCommandSchema | undefined;
  /** Hover documentation: of a menu (`param` undefined) or of one of its parameters or commands. */
  getDocs(path: readonly string[], item?: { parameter?: string; command?: string }): DocEntry | undefined;
  /** Documentation of a global command. */
  getGlobalDocs(name: string): DocEntry | undefined;
  /** Every menu known, for outline/diagnostics/tests. */
  allMenus(): readonly MenuSchema[];
}
