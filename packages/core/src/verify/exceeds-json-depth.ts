/**
 * Real credentials nest a dozen levels at most; a document nested deeper than this is refused
 * before any recursive processing (JSON-LD expansion, schema validation) could overflow the stack.
 */
export const MAX_JSON_DEPTH = 64;

/** Whether `value` nests objects/arrays deeper than `maxDepth` (checked without recursion). */
export const exceedsJsonDepth = (value: unknown, maxDepth = MAX_JSON_DEPTH): boolean => {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= maxDepth) return true;
    for (const child of Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
};
