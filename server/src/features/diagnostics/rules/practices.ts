/** Good-practice warnings for PPPoE taken from the user guide: MTU/MRU and weak authentication. */
import type { Rule, RuleReport } from '../rule.js';
import { argumentFor, knownMenuCommands, valueFor } from './shared.js';

const PPPOE_MAX_SIZE = 1492;
const WEAK_AUTH = ['pap', 'chap', 'mschap1'];

function isPppoeMenu(path: readonly string[]): boolean {
  const key = path.join(' ');
  return key === 'interface pppoe-client' || key === 'interface pppoe-server server';
}

export const pppoeMtu: Rule = {
  code: 'pppoe-mtu',
  defaultSeverity: 'warning',
  description: 'PPPoE adds 8 bytes to each frame, so an MTU or MRU above 1492 on a 1500-byte Ethernet link fragments or drops packets.',
  check({ analysis, schema }) {
    const reports: RuleReport[] = [];
    for (const checked of knownMenuCommands(analysis.commands, schema)) {
      if (!isPppoeMenu(checked.command.menuPath)) continue;
      for (const name of ['max-mtu', 'max-mru']) {
        const value = valueFor(checked, name);
        if (value === undefined || !/^\d+$/.test(value) || Number(value) <= PPPOE_MAX_SIZE) continue;
        const arg = argumentFor(checked, name)!.arg;
        reports.push({ message: `${name}=${value} is above ${PPPOE_MAX_SIZE}: PPPoE over a 1500-byte Ethernet link carries at most 1492`, span: arg.value!.span });
      }
    }
    return reports;
  },
};

export const weakPppAuthentication: Rule = {
  code: 'weak-ppp-auth',
  defaultSeverity: 'warning',
  description: 'A PPPoE server that allows PAP, CHAP or MS-CHAPv1, which expose or weakly protect the password; allow mschap2 only.',
  check({ analysis, schema }) {
    const reports: RuleReport[] = [];
    for (const checked of knownMenuCommands(analysis.commands, schema)) {
      if (checked.command.menuPath.join(' ') !== 'interface pppoe-server server') continue;
      const name = checked.schemaCommand.name;
      if (name !== 'add' && name !== 'set') continue;
      const arg = argumentFor(checked, 'authentication')?.arg;
      const value = valueFor(checked, 'authentication');
      if (!arg) {
        if (name === 'add') {
          reports.push({
            message: 'this PPPoE server allows PAP, CHAP and MS-CHAPv1 by default: add `authentication=mschap2`',
            span: checked.command.commandWord!.span,
          });
        }
        continue;
      }
      if (value === undefined) continue;
      const weak = value.split(',').filter((v) => WEAK_AUTH.includes(v));
      if (weak.length) reports.push({ message: `authentication allows ${weak.join(', ')}: allow mschap2 only`, span: arg.value!.span });
    }
    return reports;
  },
};
