/** Helpers shared by the parameter rules: the named arguments of a menu command with their schema. */
import type { NamedArgument } from '../../../core/ast.js';
import type { ResolvedCommand } from '../../../analysis/types.js';
import type { CommandSchema, MenuSchema, ParameterSchema, SchemaService } from '../../../schema/types.js';
import { staticText } from '../../../analysis/symbols.js';

export interface CheckedCommand {
  readonly command: ResolvedCommand;
  readonly menu: MenuSchema;
  readonly schemaCommand: CommandSchema;
  readonly named: readonly NamedArgument[];
}

/**
 * Menu commands whose menu and command the schema knows, with their named arguments. Most rules need this
 * list, so it is computed once per analysis (and schema) and shared.
 */
const cache = new WeakMap<readonly ResolvedCommand[], { schema: SchemaService; list: CheckedCommand[] }>();

export function knownMenuCommands(commands: readonly ResolvedCommand[], schema: SchemaService): readonly CheckedCommand[] {
  const cached = cache.get(commands);
  if (cached && cached.schema === schema) return cached.list;
  const list: CheckedCommand[] = [];
  for (const command of commands) {
    if (command.kind !== 'menu-command' || !command.commandName) continue;
    const menu = schema.getMenu(command.menuPath);
    if (!menu) continue;
    const schemaCommand = schema.getCommand(command.menuPath, command.commandName);
    if (!schemaCommand) continue;
    const named = (command.node.args ?? []).filter((a): a is NamedArgument => a.kind === 'named');
    list.push({ command, menu, schemaCommand, named });
  }
  cache.set(commands, { schema, list });
  return list;
}

/** The static value of a named argument in a command, if it is given and known without running the script. */
export function namedValue(named: readonly NamedArgument[], name: string): string | undefined {
  const arg = named.find((a) => a.name.text === name);
  return arg?.value ? staticText(arg.value) : undefined;
}

export function menuText(path: readonly string[]): string {
  return `/${path.join(' ')}`;
}

export function parameterOf(schema: SchemaService, checked: CheckedCommand, name: string): ParameterSchema | undefined {
  return schema.getParameter(checked.command.menuPath, checked.schemaCommand.name, name);
}
