import type { Element } from '@xmldom/xmldom';

const ELEMENT_NODE = 1;

/**
 * Every element under `root`, `root` included, in document order. Iterative, so a deeply nested
 * document cannot overflow the stack.
 */
export const listElements = (root: Element): Element[] => {
  const elements: Element[] = [];
  const stack: Element[] = [root];
  for (let element = stack.pop(); element !== undefined; element = stack.pop()) {
    elements.push(element);
    const children = element.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children.item(i);
      if (child?.nodeType === ELEMENT_NODE) stack.push(child as Element);
    }
  }
  return elements;
};
