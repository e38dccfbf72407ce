/**
 * keepShapeOf holds an instance for good, so that its hidden classes survive full garbage collections (see
 * server/src/core/keepShapes.ts). Checked with a weak reference across a forced full collection, against a
 * control object that is not kept and is collected.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';
import { keepShapeOf } from '../../../server/src/core/keepShapes.js';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/** A weak reference to a fresh object, made in its own function so no local variable holds the object. */
function weaklyHeld(keep: boolean): WeakRef<object> {
  const instance = { made: 'for this test' };
  return new WeakRef(keep ? keepShapeOf(instance) : instance);
}

/** Weak references stay strong until the current job ends; collect after that. */
async function collectAfterThisJob(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
}

describe('keepShapeOf', () => {
  it('returns the instance it is given', () => {
    const instance = { a: 1 };
    assert.equal(keepShapeOf(instance), instance);
  });

  it('keeps an instance alive across a full collection; an instance that is not kept is collected', async () => {
    const kept = weaklyHeld(true);
    const dropped = weaklyHeld(false);
    await collectAfterThisJob();
    assert.notEqual(kept.deref(), undefined, 'the kept instance was collected');
    assert.equal(dropped.deref(), undefined, 'the control instance survived: this test could not tell the difference');
  });
});
