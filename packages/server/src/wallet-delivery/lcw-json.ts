/**
 * JSON for the Learner Credential Wallet: LCW HTML-entity-decodes a response before
 * `JSON.parse` (`parseResponse.ts`), so credential text such as `&amp;` or `&lt;` would be
 * changed and its proof broken (PROTOCOLS.md §3.1). Decision: deliver it anyway, losslessly, by
 * writing `&`, `<` and `>` as the JSON escapes `\u0026`, `\u003c`, `\u003e`: the text then holds
 * no entity for LCW to decode, and `JSON.parse` gives back exactly the signed strings.
 */

/** `JSON.stringify(value)` with `&`, `<`, `>` escaped: no HTML entity can appear in the text. */
export const stringifyForLcw = (value: unknown): string =>
  JSON.stringify(value)
    .replaceAll('&', '\\u0026')
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e');

/** Whether `text` holds an HTML entity LCW would decode (`&amp;`, `&lt;`, `&#…;`…). */
export const holdsHtmlEntity = (text: string): boolean =>
  /&(?:[a-z][a-z0-9]*|#[0-9]+|#x[0-9a-f]+);/i.test(text);
