/**
 * Global (`:`) commands: positional slots, named arguments and the version each appeared in (facts A.9 and
 * Part D). Arguments that hold code (`do`, `else`, `on-error`, `command`, `in` of `:onerror`) have type script so
 * they are checked as nested scripts.
 *
 * A command with `positional` (an empty list: it takes no values) is described in full: its values are counted
 * and a word naming one of its arguments without `=` is reported. Without `positional`, only the names of its
 * named arguments are checked. `required` on a global's argument: the command does not run without it.
 */
import type { GlobalCommandSchema, ParameterSchema } from '../types.js';
import { anyValue, int, ipv4, listOf, oneOf, param, script, str, time } from './build.js';

const SCRIPTING_URL = 'https://help.mikrotik.com/docs/display/ROS/Scripting';
export const GLOBALS_MANUAL_URL = SCRIPTING_URL;

type GlobalExtras = Omit<Partial<GlobalCommandSchema>, 'name' | 'summary' | 'syntax' | 'parameters'>;

function global(name: string, syntax: string, summary: string, parameters: readonly ParameterSchema[], extras: GlobalExtras = {}): GlobalCommandSchema {
  return { name, syntax, summary, parameters, ...extras };
}

const value = param('value', anyValue, 'The value to work on.');
const doBody = param('do', script, 'Code to run.');
const requiredDo = param('do', script, 'Code to run.', { required: true });
const variableName = param('name', str({ min: 1 }), 'Variable name.', { required: true });
const onError = param('on-error', script, 'Code run when the body raises an error.');
/** Longest `:delay` RouterOS accepts: 7w17h2m47s (2^32 - 1 seconds). */
const MAX_DELAY_SECONDS = 7 * 604800 + 17 * 3600 + 2 * 60 + 47;

const conversions = ['toarray', 'tobool', 'toid', 'toip', 'toip6', 'tonum', 'tostr', 'totime'].map((name) =>
  global(name, `:${name} <value>`, `Convert a value to ${name.slice(2)}; returns nothing when it cannot.`, name === 'toarray'
    ? [value, param('delimiter', str({ min: 1, max: 3 }), 'Separator used to split a string.', { since: '7.21' })]
    : [value], { positional: ['value'] }),
);

export const globalCommands: readonly GlobalCommandSchema[] = [
  global('local', ':local <name> [<value>]', 'Declare a variable visible in the current scope.', [variableName, value, doBody], { positional: ['name', 'value'] }),
  global('global', ':global <name> [<value>]', 'Declare a variable visible to every script and the console.', [variableName, value, doBody], { positional: ['name', 'value'] }),
  global('set', ':set <name> [<value>]', 'Change a declared variable; without a value the variable loses its value.', [variableName, value, doBody], { positional: ['name', 'value'] }),
  global('put', ':put <expression>', 'Print a value on the terminal.', [param('message', anyValue, 'Value to print.')], { positional: ['message'] }),
  global('if', ':if (<condition>) do={...} [else={...}]', 'Run code when a condition is true, other code otherwise.', [
    param('condition', anyValue, 'Expression that decides.', { required: true }),
    requiredDo,
    param('else', script, 'Code run when the condition is false.'),
  ], { positional: ['condition'] }),
  global('do', ':do {...} [on-error={...}] | :do {...} while=(<condition>)', 'Run a block, catching errors or repeating it while a condition holds.', [
    param('command', script, 'The block to run.', { required: true }),
    onError,
    param('while', anyValue, 'Repeat the block while this expression is true (checked after each run).'),
    param('if', anyValue, 'Run the block only when this expression is true.'),
  ], { positional: ['command'] }),
  global('while', ':while (<condition>) do={...}', 'Repeat code while a condition is true.', [param('condition', anyValue, 'Expression checked before each round.', { required: true }), requiredDo], { positional: ['condition'] }),
  global('for', ':for <var> from=<n> to=<n> [step=<n>] do={...}', 'Count a variable through a range of numbers.', [
    param('counter', str({ min: 1 }), 'Name of the loop variable.', { required: true }),
    param('from', anyValue, 'First value.'),
    param('to', anyValue, 'Last value.', { required: true }),
    param('step', anyValue, 'Increment per round (default 1).'),
    requiredDo,
    param('on-error', script, 'Code run when a round raises an error.', { since: '7.19' }),
  ], { positional: ['counter'] }),
  global('foreach', ':foreach [<key>,]<var> in=<array> do={...}', 'Run code for each element of an array.', [
    param('counter', str({ min: 1 }), 'Loop variable name(s).', { required: true }),
    param('in', anyValue, 'Array to walk through.', { required: true }),
    requiredDo,
    param('on-error', script, 'Code run when a round raises an error.', { since: '7.19' }),
  ], { positional: ['counter'] }),
  global('return', ':return <value>', 'Leave a function, giving back a value.', [value], { positional: ['value'] }),
  global('error', ':error <message>', 'Raise an error and stop the script unless caught.', [param('message', anyValue, 'Error text.')], { positional: ['message'] }),
  // `:onerror e {...} do={...}` and `:retry {...} delay=1s max=3` take their code unnamed too (production scripts
  // by eworm-de for 7.15+ write them so).
  global('onerror', ':onerror <var> in={...} do={...}', 'Run code; on error put the message in a variable and run the handler. Returns whether an error happened.', [
    param('error', str({ min: 1 }), 'Variable that receives the error message.', { required: true }),
    param('in', script, 'Code to run.', { required: true }),
    param('do', script, 'Code run when an error happened.'),
  ], { positional: ['error', 'in'], since: '7.13' }),
  global('retry', ':retry command={...} delay=<time> max=<n> [on-error={...}]', 'Run code again after failures, up to a number of tries.', [
    param('command', script, 'Code to try.', { required: true }),
    param('delay', time(), 'Pause between tries.'),
    param('max', int(1), 'Most tries.'),
    onError,
  ], { positional: ['command'] }),
  global('delay', ':delay <time>', 'Pause the script.', [param('delay-time', time({ min: 0, max: MAX_DELAY_SECONDS }), 'How long to wait.')], { positional: ['delay-time'] }),
  global('log', ':log <debug|info|warning|error> <message>', 'Write a message to the system log with a severity.', [param('message', str(), 'Text to log.')], {
    positional: ['message'],
    subcommands: ['debug', 'error', 'info', 'warning', 'find', 'get', 'print'],
  }),
  global('execute', ':execute [script=]<code> [file=<name>] [as-string]', 'Run code as a background job (or wait for its output with as-string).', [
    param('script', str(), 'Code to run, as a string.'),
    param('file', str(), 'File that receives the output.'),
    param('as-string', anyValue, 'Wait and return the output as a string.', { flag: true }),
  ], { positional: ['script'] }),
  global('parse', ':parse <string>', 'Turn a string into code that can be called like a function.', [value], { positional: ['value'] }),
  global('resolve', ':resolve <name> [server=] [server-port=] [type=]', 'Look up an address in DNS.', [
    param('domain-name', str(), 'Name to resolve.'),
    param('server', ipv4, 'DNS server to ask instead of the configured ones.'),
    param('server-port', int(0, 65535), 'Port of that server.'),
    param('type', oneOf(['any', 'any6', 'ipv4', 'ipv6']), 'Address family to ask for.', { since: '7.15' }),
  ], { positional: ['domain-name'] }),
  ...conversions,
  global('tonsec', ':tonsec <time>', 'Convert a time to nanoseconds.', [value], { positional: ['value'], since: '7.12' }),
  global('tocrlf', ':tocrlf <string>', 'Convert line endings to CR LF.', [param('input', str(), 'Text to convert.')], { positional: ['input'], since: '7.14' }),
  global('tolf', ':tolf <string>', 'Convert line endings to LF.', [param('input', str(), 'Text to convert.')], { positional: ['input'], since: '7.14' }),
  global('typeof', ':typeof <value>', 'Name of the data type of a value.', [value], { positional: ['value'] }),
  global('len', ':len <value>', 'Length of a string or number of elements of an array.', [value], { positional: ['value'] }),
  global('pick', ':pick <value> <start> [<end>]', 'Part of a string or array, from start up to (not including) end.', [
    param('counter', anyValue, 'String or array to cut.'),
    param('begin', anyValue, 'First position (0-based).'),
    param('end', anyValue, 'Position after the last one taken.'),
  ], { positional: ['counter', 'begin', 'end'] }),
  global('find', ':find <in> <key> [<from>]', 'Position of a value in a string or array, or nothing.', [
    param('in', anyValue, 'String or array to search.'),
    param('key', anyValue, 'What to look for.'),
    param('from', anyValue, 'Start searching after this position.'),
  ], { positional: ['in', 'key', 'from'] }),
  global('range', ':range <from> <to>', 'Array of the numbers from one value to another.', [param('from', anyValue, 'First number.'), param('to', anyValue, 'Last number.')], {
    positional: ['from', 'to'],
    since: '7.17',
  }),
  global('environment', ':environment print', 'Show the variables that exist.', [], { subcommands: ['print'] }),
  global('terminal', ':terminal <ask|cuu|el|inkey|style>', 'Terminal helpers for interactive scripts.', [], { subcommands: ['ask', 'cuu', 'el', 'inkey', 'style'] }),
  global('time', ':time {...}', 'Run code and return how long it took.', [param('command', script, 'Code to time.', { required: true })], { positional: ['command'] }),
  global('timestamp', ':timestamp', 'Time since the Unix epoch.', [param('use-tz', anyValue, 'Apply the local time zone.', { flag: true, since: '7.20' })], { positional: [] }),
  global('jobname', ':jobname', 'Name of the running script.', [], { positional: [], since: '7.12' }),
  global('serialize', ':serialize to=<json|dsv> <value>', 'Turn a value into JSON or delimiter-separated text.', [
    param('to', oneOf(['json', 'dsv']), 'Output format.', { required: true }),
    value,
    param('options', listOf(['json.pretty', 'json.no-string-conversion', 'dsv.ignore-size', 'dsv.wrap-strings', 'dsv.remap']), 'Format options.', { since: '7.16' }),
    param('delimiter', str({ min: 1, max: 3 }), 'Field separator for dsv.', { since: '7.16' }),
    param('order', anyValue, 'Order of fields for dsv.'),
    param('file-name', str(), 'Write the result into this file.', { since: '7.18' }),
  ], { positional: ['value'], since: '7.13' }),
  global('deserialize', ':deserialize from=<json|dsv> <value>', 'Turn JSON or delimiter-separated text into a value.', [
    param('from', oneOf(['json', 'dsv']), 'Input format.', { required: true }),
    value,
    param('options', listOf(['json.no-string-conversion', 'dsv.plain', 'dsv.array']), 'Format options.', { since: '7.16' }),
    param('delimiter', str({ min: 1, max: 3 }), 'Field separator for dsv.', { since: '7.16' }),
  ], { positional: ['value'], since: '7.13' }),
  global('convert', ':convert <value> from=<format> to=<format>', 'Change the encoding of a value (base64, hex, url, ...).', [
    value,
    param('from', oneOf(['base32', 'base64', 'byte-array', 'hex', 'num', 'raw', 'url']), 'Encoding of the input.'),
    param('to', oneOf(['base32', 'base64', 'bit-array-lsb', 'bit-array-msb', 'byte-array', 'hex', 'num', 'raw', 'url']), 'Encoding of the output.'),
    param('transform', anyValue, 'Extra transformation applied (case, hashes, key conversions).', { since: '7.12' }),
    param('from-scheme', anyValue, 'Variant of the input encoding.'),
    param('to-scheme', anyValue, 'Variant of the output encoding.'),
    param('transform-scheme', anyValue, 'Variant of the transformation.'),
  ], { positional: ['value'], since: '7.11' }),
  global('grep', ':grep script=<code> pattern=<text>', 'Run code and keep only the output lines that match a pattern.', [
    param('script', str(), 'Code whose output is searched.'),
    param('pattern', str(), 'Text to look for.'),
    param('after', int(0), 'Lines kept after each match.'),
    param('before', int(0), 'Lines kept before each match.'),
    param('filename', str(), 'Write the result into this file.'),
    param('as-array', anyValue, 'Return the lines as an array.', { flag: true }),
  ], { since: '7.13' }),
  global('rndnum', ':rndnum from=<n> to=<n>', 'Random number in a range.', [param('from', anyValue, 'Smallest value.'), param('to', anyValue, 'Largest value.')], { positional: [] }),
  global('rndstr', ':rndstr [from=<chars>] [length=<n>]', 'Random string (16 letters and digits by default).', [param('from', anyValue, 'Characters to pick from.'), param('length', anyValue, 'Length of the string.')], { positional: [] }),
  global('beep', ':beep [frequency=] [length=]', 'Sound the built-in speaker.', [
    param('frequency', int(0), 'Tone in hertz.'),
    param('length', time(), 'How long.'),
    param('as-value', anyValue, 'Return instead of printing.', { flag: true }),
  ]),
  global('nothing', ':nothing', 'Return a value of type nothing.', [], { positional: [] }),
  global('lock', ':lock [delay=<time>]', 'Take a lock so that only one copy of the script section runs at a time.', [param('delay', time(), 'How long to wait for the lock.')], { since: '7.16' }),
  global('break', ':break', 'Leave the innermost loop.', [], { positional: [], since: '7.22' }),
  global('continue', ':continue', 'Skip to the next round of the innermost loop.', [], { positional: [], since: '7.22' }),
  global('exit', ':exit', 'Stop the script without an error.', [], { positional: [], since: '7.22' }),
  global('import', ':import <file>', 'Run a script file (the same as /import).', [
    param('file-name', str(), 'File to run.'),
    param('verbose', oneOf(['no', 'progress', 'yes']), 'Print each line as it runs.'),
    param('from-line', int(0), 'Start at this line.'),
    param('dry-run', anyValue, 'Only check the file for errors.', { flag: true, since: '7.16' }),
  ], { positional: ['file-name'] }),
  global('export', ':export', 'Print the configuration as a script (the same as /export).', [
    param('file', str(), 'Write into this file.'),
    param('compact', anyValue, 'Only non-default values.', { flag: true }),
    param('verbose', anyValue, 'Every value.', { flag: true }),
    param('terse', anyValue, 'One line per item.', { flag: true }),
    param('show-sensitive', anyValue, 'Include secrets.', { flag: true }),
    param('hide-sensitive', anyValue, 'Leave secrets out.', { flag: true }),
    param('where', anyValue, 'Only matching items.', { since: '7.13' }),
    param('path', anyValue, 'Export only this menu and the menus below it.', { since: '7.23' }),
  ], { positional: [] }),
  global('ping', ':ping <address>', 'Send ICMP echo requests (root form; removed in 7.23, use /ping).', [
    param('address', anyValue, 'Host to ping.'),
    param('count', int(1), 'Number of requests.'),
    param('interface', { kind: 'reference', target: 'interface' }, 'Interface to send through.'),
    param('interval', time(), 'Time between requests.'),
    param('arp-ping', anyValue, 'Ping with ARP requests instead of ICMP (same subnet only).'),
    param('do-not-fragment', anyValue, 'Set the do-not-fragment bit.', { flag: true }),
    param('dscp', int(0, 63), 'DSCP value of the requests.'),
    param('size', int(14, 65535), 'Size of each request in bytes.'),
    param('src-address', anyValue, 'Source address of the requests.'),
    param('ttl', int(1, 255), 'Time to live of the requests.'),
    param('vrf', anyValue, 'VRF (routing table) to send through.'),
    param('as-value', anyValue, 'Return the replies as values instead of printing them.', { flag: true }),
    param('without-paging', anyValue, 'Print without pausing at each screen.', { flag: true }),
    param('proplist', anyValue, 'Fields of each reply to print.'),
  ], { positional: ['address'], until: '7.23' }),
  global('password', ':password', 'Change the password of the current user (interactive).', [
    param('old-password', str(), 'The current password.', { sensitive: true }),
    param('new-password', str(), 'The new password.', { sensitive: true }),
    param('confirm-new-password', str(), 'The new password again.', { sensitive: true }),
    param('as-value', anyValue, 'Return the result instead of printing it.', { flag: true }),
  ], { positional: [] }),
  global('quit', ':quit', 'Leave the console.', [], { positional: [] }),
  global('redo', ':redo', 'Redo the last undone configuration change.', [], { positional: [] }),
  global('undo', ':undo', 'Undo the last configuration change.', [], { positional: [] }),
  global('recursive-print', ':recursive-print', 'Print a whole subtree of the configuration.', [], { positional: [], since: '7.20' }),
];
