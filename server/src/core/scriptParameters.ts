/**
 * Named arguments whose value is code: a `{ }` there is a block, and a string there is parsed as a script of
 * its own. One list for the parser (astBuilder.ts) and the TextMate grammar (syntaxes/build-grammar.mjs reads
 * it), so the editor colours as code exactly what the linter checks as code.
 *
 * `do`, `else`, `on-error` and `command` belong to global commands (`:if`, `:do`, `:retry`); the others are
 * script-valued properties of menus (`/system script source`, `/ppp profile on-up`, `/tool netwatch up-script`,
 * `/ip dhcp-server lease-script`, `/ip hotspot user profile on-login`, ...).
 */
export const SCRIPT_PARAMETER_NAMES: readonly string[] = [
  'do', 'else', 'on-error', 'source', 'on-event', 'on-up', 'on-down', 'up-script', 'down-script', 'test-script',
  'lease-script', 'script', 'command', 'on-login', 'on-logout',
];
