/**
 * Checks that report under the code of another rule: the same mistake made on a global command (`:for ...
 * stepp=1` is an unknown parameter like `/ppp secret add passwrd=x`), or a mistake the parser reports where it
 * can and a rule finds where only the schema can tell (`/ip address print #c`). One code per mistake keeps
 * severities and suppressions in one place.
 */
import type { Rule, RuleContext, RuleReport } from '../rule.js';
import { hashAfterMenuValues } from './arity.js';
import {
  duplicateGlobalArguments,
  extraGlobalValues,
  globalArgumentVersions,
  hashAfterGlobalValues,
  invalidGlobalValues,
  missingEqualsInGlobals,
  missingGlobalArguments,
  unknownGlobalArguments,
} from './globals.js';

type Check = (context: RuleContext) => RuleReport[];

interface Extra {
  readonly checks: readonly Check[];
  /** The rule's description, now that it covers more. */
  readonly description: string;
}

const EXTRA_CHECKS: Readonly<Record<string, Extra>> = {
  'too-many-arguments': {
    checks: [extraGlobalValues],
    description: 'Extra values after a command that takes fewer (`:put 1 2`, `/interface get ether1 mtu x`, a bare word that is no flag of `add`); RouterOS answers "expected end of command".',
  },
  'unknown-parameter': {
    checks: [unknownGlobalArguments],
    description: 'A parameter the command does not take in this menu, or a named argument a global command does not take (`:for ... stepp=1`); RouterOS refuses the line.',
  },
  'invalid-value': {
    checks: [invalidGlobalValues],
    description: 'A value RouterOS would refuse for this parameter or global-command argument: not one of its values, out of range, or not an address, time or MAC.',
  },
  'missing-required-parameter': {
    checks: [missingGlobalArguments],
    description: 'An `add` without a parameter RouterOS needs (interface on a PPPoE client, chain on a mangle rule), or a global command without a part it needs (`:for` without `to=`, `:local` without a name).',
  },
  'duplicate-parameter': {
    checks: [duplicateGlobalArguments],
    description: 'The same parameter given twice on one command (`name=a name=b`, `else={...} else={...}`); only one of them takes effect, which is rarely what was meant.',
  },
  'not-in-version': {
    checks: [globalArgumentVersions],
    description: 'A menu, command, parameter, global command or global-command argument that the target RouterOS version does not have.',
  },
  'missing-equals': {
    checks: [missingEqualsInGlobals],
    description: 'A named argument written without `=`: `do {` or `:retry command {` for `do={`, `command={` (an error); `:for i from 1`, `:foreach x in $list`, `} while (...)` (a warning: RouterOS documents `from=`, `in=`, `while=`, though scripts in use write these).',
  },
  'misplaced-comment': {
    checks: [hashAfterGlobalValues, hashAfterMenuValues],
    description: 'A `#` where RouterOS does not start a comment: after a command\'s last value (`:put 2 #c`, `/ip address print #c`) or a closing brace.',
  },
};

/**
 * Thrown by a combined check when one of its parts failed: carries what the other parts found, so one part's
 * failure hides nothing else (index.ts reports both the findings and the failure).
 */
export class PartialRuleFailure extends Error {
  constructor(readonly reports: readonly RuleReport[], readonly failure: unknown) {
    super(failure instanceof Error ? failure.message : String(failure));
  }
}

/** The rules, with the extra checks run after each rule's own check under the rule's code. */
export function withExtraChecks(rules: readonly Rule[]): Rule[] {
  return rules.map((rule) => {
    const extra = EXTRA_CHECKS[rule.code];
    if (!extra) return rule;
    const checks = [...(rule.check ? [rule.check] : []), ...extra.checks];
    return {
      ...rule,
      description: extra.description,
      check(context: RuleContext): RuleReport[] {
        const reports: RuleReport[] = [];
        let failure: unknown;
        for (const check of checks) {
          try {
            reports.push(...check(context));
          } catch (error) {
            failure ??= error;
          }
        }
        if (failure !== undefined) throw new PartialRuleFailure(reports, failure);
        return reports;
      },
    };
  });
}
