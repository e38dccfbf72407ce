/** Rule: references to named objects that the document does not create. */
import type { ObjectKind } from '../../../schema/types.js';
import type { Rule, RuleReport } from '../rule.js';

/** Interfaces that exist on routers without being created by a script (ports, loopback, wireless, LTE). */
const BUILT_IN_INTERFACE = /^(?:ether\d+|sfp[\w-]*\d+|qsfp[\w-]*|combo\d+|wlan\d+|wifi\d+|lte\d+|lo|all|none|all-ethernet|all-ppp|all-vlan|all-wireless|\*\w+)$/;

/** Kinds the rule checks, with how to name them in a message. Marks and chains are created implicitly. */
const CHECKED: Partial<Record<ObjectKind, string>> = {
  'ppp-profile': 'PPP profile',
  'ip-pool': 'IP pool',
  interface: 'interface',
  'routing-table': 'routing table',
  'interface-list': 'interface list',
};

export const undefinedObject: Rule = {
  code: 'undefined-reference',
  defaultSeverity: 'warning',
  description: 'A profile, pool, interface or (v7) routing table that the script names but does not create; fine if it already exists on the router.',
  check({ analysis, schema }) {
    const defined = new Map<ObjectKind, Set<string>>();
    for (const object of analysis.symbols.objects) {
      if (!defined.has(object.kind)) defined.set(object.kind, new Set());
      defined.get(object.kind)!.add(object.name);
    }
    const reports: RuleReport[] = [];
    for (const ref of analysis.symbols.objectReferences) {
      const label = CHECKED[ref.kind];
      if (!label) continue;
      if (ref.kind === 'routing-table' && analysis.target.version.major < 7) continue; // v6 creates marks on the fly
      if (ref.kind === 'interface' && BUILT_IN_INTERFACE.test(ref.name)) continue;
      if (defined.get(ref.kind)?.has(ref.name)) continue;
      if (schema.getMenu(ref.menuPath)?.builtinNames?.includes(ref.name)) continue;
      const hint = ref.kind === 'routing-table' ? `: in RouterOS v7 add it first with \`/routing table add name=${ref.name} fib\`` : ': make sure it exists on the router';
      reports.push({ message: `${label} \`${ref.name}\` is not created in this script${hint}`, span: ref.span });
    }
    return reports;
  },
};
