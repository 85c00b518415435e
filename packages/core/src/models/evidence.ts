import { Type, type Static } from '@sinclair/typebox';
import { lenientKit, strictKit, type ModelKit, type ModelVariant } from './model-kit.js';

const defineEvidence = <V extends ModelVariant>(k: ModelKit<V>) =>
  Type.Object(
    {
      id: Type.Optional(k.uri('The URL of a web page presenting the evidence, or a data URI.')),
      type: k.typeSet('Evidence'),
      narrative: Type.Optional(
        k.text('A narrative of the evidence and process of achievement (Markdown).'),
      ),
      name: Type.Optional(k.text('A descriptive title of the evidence.')),
      description: Type.Optional(k.text('A longer description of the evidence.')),
      genre: Type.Optional(k.text('The type of evidence, e.g. Poetry, Prose, Film.')),
      audience: Type.Optional(k.text('The intended audience of the evidence.')),
    },
    k.model(
      'Evidence',
      'Descriptive metadata about evidence related to the achievement assertion.',
    ),
  );

export const EvidenceSchema = defineEvidence(strictKit);
export const LenientEvidenceSchema = defineEvidence(lenientKit);
export type Evidence = Static<typeof EvidenceSchema>;
export type LenientEvidence = Static<typeof LenientEvidenceSchema>;
