/** Rules about the target RouterOS version: v7-only syntax on v6, and names outside their version window. */
import { inVersionWindow } from '../../../core/version.js';
import type { Rule, RuleReport } from '../rule.js';
import { staticText } from '../../../analysis/symbols.js';
import type { ValueType, VersionWindow } from '../../../schema/types.js';
import { knownMenuCommands, menuText } from './shared.js';

function windowText(window: { since?: string; until?: string }): string {
  if (window.since && window.until) return `RouterOS ${window.since} to ${window.until}`;
  if (window.since) return `RouterOS ${window.since} and later`;
  return `RouterOS before ${window.until}`;
}

export const slashPathOnV6: Rule = {
  code: 'v7-path-syntax',
  defaultSeverity: 'error',
  description: 'A menu path written with slashes (`/ip/address`), which only RouterOS v7 understands.',
  check({ analysis }) {
    if (analysis.target.version.major >= 7) return [];
    const target = `the target is ${analysis.target.version.text}${analysis.target.source === 'header' ? ' (from the export header)' : ''}`;
    const reports: RuleReport[] = [];
    for (const command of analysis.commands) {
      if (!command.slashPath) continue;
      const words = command.pathWords.length ? command.pathWords : command.node.words;
      const last = command.commandWord ?? words[words.length - 1];
      if (!words[0] || !last) continue;
      // Keep the line absolute or relative as written: `mangle/add` under `/ip firewall` becomes `mangle add`.
      const spelled = [...words.map((w) => w.text), ...(command.commandWord && !words.includes(command.commandWord) ? [command.commandWord.text] : [])].join(' ');
      reports.push({
        message: `slash-separated paths need RouterOS v7; ${target}: write \`${command.node.prefix === 'slash' ? '/' : ''}${spelled}\`${nestedNote(command.inNestedString)}`,
        span: { start: command.node.span.start, end: last.span.end },
        severity: command.inNestedString ? 'warning' : undefined,
      });
    }
    return reports;
  },
};

/** Code in a string (`on-event="..."`) is compiled when it runs, possibly after an upgrade. */
function nestedNote(nested: boolean): string {
  return nested ? ' (this code runs from a string, so it fails only when it runs)' : '';
}

/**
 * Severity of a version mismatch: an error when the user chose the version (header, flag, setting); a warning
 * for code in a string (compiled when it runs) and for items removed from the newest version when nobody chose
 * one (the script may well be meant for an older router).
 */
function mismatchSeverity(nested: boolean, removed: boolean, source: string): 'warning' | undefined {
  if (nested) return 'warning';
  if (removed && source === 'default') return 'warning';
  return undefined;
}

export const notInVersion: Rule = {
  code: 'not-in-version',
  defaultSeverity: 'error',
  description: 'A menu, command, parameter or global command that the target RouterOS version does not have.',
  check({ analysis, schema }) {
    const version = analysis.target.version;
    const target = `the target is ${version.text}${analysis.target.source === 'header' ? ' (from the export header)' : ''}`;
    const reports: RuleReport[] = [];
    for (const command of analysis.commands) {
      if (command.kind === 'global' && command.commandWord && command.commandName) {
        const global = schema.getGlobalCommand(command.commandName);
        if (global && !inVersionWindow(version, global)) {
          const removed = global.until !== undefined;
          reports.push({
            message: `\`:${global.name}\` exists in ${windowText(global)}; ${target}${nestedNote(command.inNestedString)}`,
            span: command.commandWord.span,
            severity: mismatchSeverity(command.inNestedString, removed, analysis.target.source),
          });
        }
      }
    }
    for (const checked of knownMenuCommands(analysis.commands, schema)) {
      const word = checked.command.commandWord!;
      if (!inVersionWindow(version, checked.menu)) {
        reports.push({ message: `${menuText(checked.command.menuPath)} exists in ${windowText(checked.menu)}; ${target}`, span: word.span, severity: mismatchSeverity(checked.command.inNestedString, checked.menu.until !== undefined, analysis.target.source) });
        continue;
      }
      if (!inVersionWindow(version, checked.schemaCommand)) {
        reports.push({ message: `\`${checked.schemaCommand.name}\` exists in ${windowText(checked.schemaCommand)}; ${target}`, span: word.span, severity: mismatchSeverity(checked.command.inNestedString, checked.schemaCommand.until !== undefined, analysis.target.source) });
      }
      for (const { arg, param } of checked.args) {
        if (!param) continue;
        if (!inVersionWindow(version, param)) {
          reports.push({ message: `\`${param.name}\` exists in ${windowText(param)}; ${target}`, span: arg.name.span, severity: mismatchSeverity(checked.command.inNestedString, param.until !== undefined, analysis.target.source) });
          continue;
        }
        // A value that came or went with a version (`service=isdn` of /ppp secret is v6 only).
        if (!hasValueVersions(param.type)) continue;
        const text = arg.value ? staticText(arg.value) : undefined;
        if (text === undefined || !arg.value) continue;
        for (const { value, window } of valuesOutsideWindow(param.type, text, version)) {
          reports.push({
            message: `\`${value}\` of ${param.name} exists in ${windowText(window)}; ${target}`,
            span: arg.value.span,
            severity: mismatchSeverity(checked.command.inNestedString, window.until !== undefined, analysis.target.source),
          });
        }
      }
    }
    return reports;
  },
};

/** Whether some value of the type has a version window (most types have none: nothing to read). */
function hasValueVersions(type: ValueType): boolean {
  if (type.kind === 'oneOf') return type.types.some(hasValueVersions);
  return (type.kind === 'enum' || type.kind === 'enumList') && type.valueVersions !== undefined;
}

/** The values of an enum or enum list written in `text` whose version window leaves out `version`. */
function valuesOutsideWindow(type: ValueType, text: string, version: Parameters<typeof inVersionWindow>[0]): { value: string; window: VersionWindow }[] {
  if (type.kind === 'oneOf') return type.types.flatMap((inner) => valuesOutsideWindow(inner, text, version));
  if ((type.kind !== 'enum' && type.kind !== 'enumList') || !type.valueVersions) return [];
  const windows = type.valueVersions;
  const items = type.kind === 'enumList' ? text.split(',') : [text];
  const out: { value: string; window: VersionWindow }[] = [];
  for (const item of items) {
    const value = item.replace(/^!/, '');
    const window = Object.prototype.hasOwnProperty.call(windows, value) ? windows[value] : undefined;
    if (window && !inVersionWindow(version, window)) out.push({ value, window });
  }
  return out;
}
