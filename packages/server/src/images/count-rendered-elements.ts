/**
 * How many elements a renderer instantiates for an SVG once every `<use>` is expanded: the
 * "billion laughs" of SVG is ten groups of ten `<use>`s of the group before, 10^10 elements
 * drawn from a 2 KB file. Counted without expanding anything: each element's cost is itself,
 * its children and (for `use`) what it references, computed once per element in an iterative
 * depth-first walk, so neither time nor stack grows with the expansion.
 */
import type { Element } from '@xmldom/xmldom';

const ELEMENT_NODE = 1;
const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';

export interface CountRenderedElementsResult {
  /** Elements rendered, capped at `limit + 1`. */
  readonly count: number;
  /** Whether some `use` references one of its own ancestors (renderers refuse such files). */
  readonly cyclic: boolean;
}

const listChildElements = (element: Element): Element[] => {
  const children: Element[] = [];
  for (let i = 0; i < element.childNodes.length; i++) {
    const child = element.childNodes.item(i);
    if (child?.nodeType === ELEMENT_NODE) children.push(child as Element);
  }
  return children;
};

const mapIds = (root: Element): Map<string, Element> => {
  const ids = new Map<string, Element>();
  const stack = [root];
  for (let element = stack.pop(); element !== undefined; element = stack.pop()) {
    const id = element.getAttribute('id');
    if (id !== null && !ids.has(id)) ids.set(id, element); // the first in document order wins
    stack.push(...listChildElements(element).reverse());
  }
  return ids;
};

/** The successors of an element in the rendering graph: its children and its `use` target. */
const listSuccessors = (element: Element, ids: ReadonlyMap<string, Element>): Element[] => {
  const successors = listChildElements(element);
  if (element.localName === 'use') {
    const href = element.getAttributeNS(XLINK_NAMESPACE, 'href') ?? element.getAttribute('href');
    const target = href?.startsWith('#') === true ? ids.get(href.slice(1)) : undefined;
    if (target !== undefined) successors.push(target);
  }
  return successors;
};

/** Counts the elements rendered from `root` (sanitised output: `href`s are `#id` only). */
export const countRenderedElements = (
  root: Element,
  limit: number,
): CountRenderedElementsResult => {
  const ids = mapIds(root);
  const cost = new Map<Element, number>(); // finished elements
  const open = new Set<Element>(); // on the current path
  const stack: { readonly element: Element; readonly leaving: boolean }[] = [
    { element: root, leaving: false },
  ];
  let cyclic = false;
  const successorsOf = new Map<Element, Element[]>(); // of the elements on the current path
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const { element, leaving } = entry;
    if (leaving) {
      const total = (successorsOf.get(element) ?? []).reduce(
        (sum, next) => sum + (cost.get(next) ?? 0),
        1,
      );
      cost.set(element, Math.min(total, limit + 1));
      open.delete(element);
      successorsOf.delete(element);
      continue;
    }
    if (cost.has(element)) continue;
    const successors = listSuccessors(element, ids);
    successorsOf.set(element, successors);
    open.add(element);
    stack.push({ element, leaving: true });
    for (const next of successors) {
      if (open.has(next)) cyclic = true;
      else if (!cost.has(next)) stack.push({ element: next, leaving: false });
    }
  }
  return { count: cost.get(root) ?? 1, cyclic };
};
