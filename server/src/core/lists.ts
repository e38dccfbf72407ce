/**
 * Empty lists that many places share.
 *
 * V8 keeps one "elements kind" per array, and `[]` starts as a list of small integers. A loop that meets lists of
 * two kinds loses the fast path of `for...of` (every step then allocates an iterator result), so a shared empty
 * list that stands in for lists of objects must be made as a list of objects. It is never written to, and not
 * frozen either (a frozen array is yet another kind).
 */
export function emptyObjectList<T>(): T[] {
  const list: unknown[] = [null];
  list.length = 0;
  return list as T[];
}
