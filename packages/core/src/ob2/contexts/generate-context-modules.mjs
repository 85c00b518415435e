// Regenerates the TypeScript modules that embed the bundled OB 2.0 / 1.1 contexts from their
// byte-exact .jsonld copies (see README.md). Usage: node generate-context-modules.mjs <this folder>
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
const dir = process.argv[2];
const header = (source) =>
  `/**\n * Generated from \`${source}\` (a byte-exact copy of a 1EdTech publication; see README.md).\n * Do not edit: regenerate as README.md says. \`ob2-contexts.test.ts\` asserts deep equality with the\n * copy and with the shared fixture.\n */\n`;
const emit = (file, name, source) => {
  const doc = JSON.parse(readFileSync(`${dir}/${source}`, 'utf8'));
  writeFileSync(
    `${dir}/${file}`,
    `${header(source)}export const ${name}: unknown = ${JSON.stringify(doc, null, 2)};\n`,
  );
};
emit('openbadges-v2-context.ts', 'OPENBADGES_V2_CONTEXT_DOCUMENT', 'openbadges-v2.jsonld');
emit('openbadges-v1-context.ts', 'OPENBADGES_V1_CONTEXT_DOCUMENT', 'openbadges-v1.jsonld');
const names = readdirSync(`${dir}/extensions`)
  .filter((f) => f.endsWith('.jsonld'))
  .sort();
const entries = names.map(
  (f) =>
    `  ${JSON.stringify(f.replace(/\.jsonld$/, ''))}: ${JSON.stringify(JSON.parse(readFileSync(`${dir}/extensions/${f}`, 'utf8')), null, 2).replace(/\n/g, '\n  ')},`,
);
writeFileSync(
  `${dir}/openbadges-extension-contexts.ts`,
  `${header('extensions/*.jsonld')}export const OPENBADGES_V2_EXTENSION_CONTEXT_DOCUMENTS: Readonly<Record<string, unknown>> = {\n${entries.join('\n')}\n};\n`,
);
