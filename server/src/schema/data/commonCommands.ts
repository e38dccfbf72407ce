/**
 * The commands many menus share (add, set, print, ...), with their positional slots and own arguments
 * (facts A.10). A menu lists which of them it supports; the menu builder copies them in, adjusted for
 * singleton menus, where no item numbers are given.
 */
import type { CommandSchema, ParameterSchema } from '../types.js';
import { anyValue, command, param, script, str, time } from './build.js';

const flag = (name: string, summary: string, extras: Partial<ParameterSchema> = {}): ParameterSchema =>
  param(name, anyValue, summary, { flag: true, ...extras });

/**
 * Arguments that the 7.9.2 command tree lacks and 7.22.3 and 7.24 have (print's comments, group-by, on-event,
 * timestamp, show-sensitive; get's as-string). 7.10 is the first version they can have appeared in.
 */
const ARGUMENTS_OF_7_10 = '7.10';

const numbers = param('numbers', anyValue, 'Items to act on: names, internal ids (*1A), a [find] result or a variable.');
const number = param('number', anyValue, 'The one item to act on (a name, an id or a [find] result with one id).');
const valueName = param('value-name', anyValue, 'Name of the property to read or clear.');
const where = param('where', anyValue, 'Filter expression that ends the command (property names act as variables).');

const PRINT_PARAMETERS: readonly ParameterSchema[] = [
  flag('detail', 'Print every property, one item per block.'),
  flag('brief', 'Print a compact table.'),
  flag('terse', 'Print each item on one line as name=value pairs.'),
  flag('value-list', 'Print values as a vertical list.'),
  flag('count-only', 'Print only how many items match.'),
  flag('as-value', 'Return the result as an array value instead of printing it (for scripts).'),
  flag('without-paging', 'Print everything at once, without waiting for a key press.'),
  flag('follow', 'Keep printing new and changed items until interrupted.'),
  flag('follow-only', 'Like follow, but without the existing items first.'),
  flag('append', 'With file=, add to the end of the file instead of replacing it.'),
  flag('show-ids', 'Print internal ids (*1A) instead of line numbers.'),
  param('interval', time(), 'Repeat the print at this interval.'),
  param('file', str(), 'Write the output into this file instead of the terminal.'),
  param('from', anyValue, 'Print only these items.'),
  param('proplist', anyValue, 'Comma list of the properties to print.'),
  where,
  // Absent from the 7.9.2 command tree, present in 7.22.3 and 7.24: the first version is not known more closely, so
  // the earliest possible one is named (a script for an in-between version is never flagged falsely).
  flag('comments', 'Print item comments (`!comments` leaves them out).', { since: ARGUMENTS_OF_7_10 }),
  param('group-by', anyValue, 'Group the printed items by the value of this property.', { since: ARGUMENTS_OF_7_10 }),
  param('on-event', script, 'Script run for each change while printing with follow or interval.', { since: ARGUMENTS_OF_7_10 }),
  flag('timestamp', 'Print the time in front of each repeated print.', { since: ARGUMENTS_OF_7_10 }),
];

/** Settings menus print one block: only these switches apply. */
const SINGLETON_PRINT_PARAMETERS: readonly ParameterSchema[] = PRINT_PARAMETERS.filter((p) => ['as-value', 'comments', 'file', 'interval', 'without-paging'].includes(p.name));

/** `print show-sensitive` of menus that hold passwords (PPP secrets, PPPoE clients): include the hidden values. */
export const PRINT_SHOW_SENSITIVE = flag('show-sensitive', 'Print passwords and keys instead of hiding them.', { since: ARGUMENTS_OF_7_10 });

/** `get` flags that return the value as text. */
const GET_FLAGS: readonly ParameterSchema[] = [
  flag('as-string', 'Return the value as a string.', { since: ARGUMENTS_OF_7_10 }),
  flag('as-string-value', 'Like as-string: return the value as a string.', { since: ARGUMENTS_OF_7_10 }),
];

const EXPORT_PARAMETERS: readonly ParameterSchema[] = [
  flag('compact', 'Export only values that differ from defaults (the v7 default).'),
  flag('verbose', 'Export every value, defaults included.'),
  flag('terse', 'Write each item on one line, with its full path.'),
  flag('show-sensitive', 'Include passwords and keys (hidden by default in v7).'),
  flag('hide-sensitive', 'Leave passwords and keys out (the v6 switch).'),
  param('file', str(), 'Write the export into this file.'),
  param('path', str(), 'Export only this menu subtree.', { since: '7.23' }),
  param('where', anyValue, 'Export only the items matching this expression.', { since: '7.13' }),
];

const MONITOR_PARAMETERS: readonly ParameterSchema[] = [
  numbers,
  flag('once', 'Take one sample and return (needed in scripts).'),
  param('interval', time(), 'Time between samples.'),
  param('duration', time(), 'Stop after this long.'),
  param('do', script, 'Script run after each sample; the monitored values are visible in it as variables.'),
  flag('as-value', 'Return the sample as an array value.'),
  param('proplist', anyValue, 'Comma list of the values to show.'),
  param('file', str(), 'Write the output into this file.'),
  flag('append', 'With file=, add to the end of the file.'),
  param('freeze-frame-interval', time(), 'How long the screen stays still between refreshes.'),
  flag('without-paging', 'Print without waiting for a key press.'),
];

/** Builds one common command. `singleton` menus have no item numbers in set/get/edit/unset. */
export function commonCommand(name: string, singleton: boolean): CommandSchema | undefined {
  switch (name) {
    case 'add':
      return command('add', 'Create a new item; returns its internal id.', { takesProperties: true });
    case 'set':
      return singleton
        ? command('set', 'Change settings of this menu.', { takesProperties: true })
        : command('set', 'Change properties of existing items.', { takesProperties: true, positional: ['numbers'], parameters: [numbers] });
    case 'remove':
      return command('remove', 'Delete items.', { positional: ['numbers'], parameters: [numbers] });
    case 'enable':
      return command('enable', 'Enable items (disabled=no).', { positional: ['numbers'], parameters: [numbers] });
    case 'disable':
      return command('disable', 'Disable items (disabled=yes) without deleting them.', { positional: ['numbers'], parameters: [numbers] });
    case 'get':
      return singleton
        ? command('get', 'Return the value of one setting.', { positional: ['value-name'], parameters: [valueName, ...GET_FLAGS] })
        : command('get', 'Return the value of one property of one item.', { positional: ['number', 'value-name'], parameters: [number, valueName, ...GET_FLAGS] });
    case 'print':
      return singleton
        ? command('print', 'Show the settings.', { parameters: SINGLETON_PRINT_PARAMETERS })
        : command('print', 'Show items.', { parameters: PRINT_PARAMETERS });
    case 'find':
      return command('find', 'Return the internal ids of the items that match (by property values or a where expression).', {
        takesProperties: true,
        parameters: [where],
      });
    case 'export':
      return command('export', 'Print this menu as a script that recreates the configuration.', { parameters: EXPORT_PARAMETERS });
    case 'edit':
      return singleton
        ? command('edit', 'Open one setting in the interactive editor.', { positional: ['value-name'], parameters: [valueName] })
        : command('edit', 'Open one property of an item in the interactive editor.', { positional: ['number', 'value-name'], parameters: [number, valueName] });
    case 'comment':
      return command('comment', 'Set the comment of items.', {
        positional: ['numbers'],
        parameters: [numbers, param('comment', str(), 'The new comment.')],
      });
    case 'move':
      return command('move', 'Move items before another item (rule order matters in firewall tables).', {
        positional: ['numbers', 'destination'],
        parameters: [numbers, param('destination', anyValue, 'Item before which the moved items are placed.')],
      });
    case 'unset':
      return singleton
        ? command('unset', 'Return a setting to its unset state.', { positional: ['value-name'], parameters: [valueName] })
        : command('unset', 'Clear an optional property of items.', { positional: ['numbers', 'value-name'], parameters: [numbers, valueName] });
    case 'reset':
      return singleton
        ? command('reset', 'Return the settings to their defaults.')
        : command('reset', 'Return items, or only the named properties of them, to their default values.', {
            positional: ['numbers'],
            parameters: [numbers],
            takesProperties: true,
          });
    case 'monitor':
      if (singleton) return command('monitor', 'Show live values; in scripts use `once`.', { parameters: MONITOR_PARAMETERS.filter((p) => p.name !== 'numbers') });
      return command('monitor', 'Show live status of items; in scripts use `once` and read the values in `do`.', {
        positional: ['numbers'],
        parameters: MONITOR_PARAMETERS,
      });
    case 'reset-counters':
      return command('reset-counters', 'Zero the packet and byte counters of items.', { positional: ['numbers'], parameters: [numbers] });
    case 'reset-counters-all':
      return command('reset-counters-all', 'Zero the counters of every item in the menu.');
    default:
      return undefined;
  }
}

/** Every name commonCommand knows. */
export const COMMON_COMMAND_NAMES: readonly string[] = [
  'add', 'set', 'remove', 'enable', 'disable', 'get', 'print', 'find', 'export', 'edit', 'comment', 'move', 'unset',
  'reset', 'monitor', 'reset-counters', 'reset-counters-all',
];

export { MONITOR_PARAMETERS, PRINT_PARAMETERS };
