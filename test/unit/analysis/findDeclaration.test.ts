/**
 * findDeclaration searches a name's declarations backwards and stops early; it must pick exactly what the rule
 * says, which a plain scan of every declaration states directly: among the declarations whose scope holds the
 * reference and that are visible there, the one in the innermost (latest-starting) scope, and of those the latest.
 * Random nested scopes and declarations, compared with that scan.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Script } from '../../../server/src/core/ast.js';
import { findDeclaration } from '../../../server/src/analysis/symbols.js';
import type { VariableSymbol } from '../../../server/src/analysis/types.js';

function byScan(candidates: readonly VariableSymbol[], at: number): VariableSymbol | undefined {
  let best: VariableSymbol | undefined;
  for (const candidate of candidates) {
    if (at < candidate.scope.span.start || at > candidate.visibleTo || candidate.visibleFrom > at) continue;
    if (!best || candidate.scope.span.start >= best.scope.span.start) best = candidate;
  }
  return best;
}

function scope(start: number, end: number): Script {
  return { kind: 'script', span: { start, end }, statements: [] };
}

/** Properly nested scopes over [0, 1000): each a sub-range of the one it is generated in. */
const scopes = fc.array(fc.tuple(fc.nat(999), fc.nat(999)), { maxLength: 12 }).map((pairs) => {
  const list: Script[] = [scope(0, 1000)];
  for (const [a, b] of pairs) {
    const parent = list[a % list.length]!;
    const width = parent.span.end - parent.span.start;
    const start = parent.span.start + (b % Math.max(1, width));
    const end = Math.min(parent.span.end, start + 1 + ((a + b) % Math.max(1, parent.span.end - start)));
    list.push(scope(start, end));
  }
  return list;
});

describe('findDeclaration', () => {
  it('picks what a scan of every declaration picks', () => {
    fc.assert(
      fc.property(scopes, fc.array(fc.tuple(fc.nat(100), fc.nat(999)), { maxLength: 40 }), fc.array(fc.nat(1000), { minLength: 1, maxLength: 20 }), (list, declared, refs) => {
        // Declarations in document order (by where they become visible), each inside its scope.
        const candidates: VariableSymbol[] = declared
          .map(([which, offset]) => {
            const holder = list[which % list.length]!;
            const from = holder.span.start + (offset % Math.max(1, holder.span.end - holder.span.start));
            return { name: 'x', kind: 'local' as const, span: { start: from, end: from + 1 }, scope: holder, visibleFrom: from, visibleTo: holder.span.end };
          })
          .sort((a, b) => a.visibleFrom - b.visibleFrom);
        for (const at of refs) {
          assert.equal(findDeclaration(candidates, { name: 'x', span: { start: at, end: at + 1 } }), byScan(candidates, at), `reference at ${at}`);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('prefers the inner scope, then the later declaration', () => {
    const outer = scope(0, 100);
    const inner = scope(20, 60);
    const first = { name: 'x', kind: 'local' as const, span: { start: 5, end: 6 }, scope: outer, visibleFrom: 5, visibleTo: 100 };
    const shadow = { name: 'x', kind: 'local' as const, span: { start: 25, end: 26 }, scope: inner, visibleFrom: 25, visibleTo: 60 };
    const again = { name: 'x', kind: 'local' as const, span: { start: 30, end: 31 }, scope: inner, visibleFrom: 30, visibleTo: 60 };
    const candidates = [first, shadow, again];
    assert.equal(findDeclaration(candidates, { name: 'x', span: { start: 10, end: 11 } }), first);
    assert.equal(findDeclaration(candidates, { name: 'x', span: { start: 27, end: 28 } }), shadow);
    assert.equal(findDeclaration(candidates, { name: 'x', span: { start: 40, end: 41 } }), again);
    assert.equal(findDeclaration(candidates, { name: 'x', span: { start: 70, end: 71 } }), first);
    assert.equal(findDeclaration(candidates, { name: 'x', span: { start: 2, end: 3 } }), undefined);
  });
});
