/** Turns a compact MenuSpec into a MenuSchema: common commands are copied in, own commands override them. */
import type { CommandSchema, MenuSchema } from '../types.js';
import type { MenuSpec } from './build.js';
import { pathOf } from './build.js';
import { commonCommand } from './commonCommands.js';

export function menu(spec: MenuSpec): MenuSchema {
  const { path, common, own = [], parameters, summary, coverage, printWithout, printWith, ...extras } = spec;
  const ownNames = new Set(own.map((c) => c.name));
  const commands: CommandSchema[] = [];
  for (const name of common) {
    if (ownNames.has(name)) continue;
    const shared = commonCommand(name, spec.singleton === true);
    if (!shared) throw new Error(`schema data: ${path} lists unknown common command ${name}`);
    if (name === 'print') {
      const drop = new Set(printWithout ?? []);
      commands.push({ ...shared, parameters: [...(shared.parameters ?? []).filter((p) => !drop.has(p.name)), ...(printWith ?? [])] });
      continue;
    }
    commands.push(shared);
  }
  commands.push(...own);
  commands.sort((a, b) => a.name.localeCompare(b.name));
  return { path: pathOf(path), summary, coverage, commands, parameters, ...extras };
}
