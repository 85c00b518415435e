/**
 * Generated from `extensions/*.jsonld` (a byte-exact copy of a 1EdTech publication; see README.md).
 * Do not edit: regenerate as README.md says. `ob2-contexts.test.ts` asserts deep equality with the
 * copy and with the shared fixture.
 */
export const OPENBADGES_V2_EXTENSION_CONTEXT_DOCUMENTS: Readonly<Record<string, unknown>> = {
  accessibilityExtension: {
    '@context': {
      obi: 'https://w3id.org/openbadges#',
      extensions: 'https://w3id.org/openbadges/extensions#',
      url: 'extensions:#accessibility',
      accessibilityAPI: 'https://schema.org/accessibilityAPI',
      accessibilityControl: 'https://schema.org/accessibilityControl',
      accessibilityFeature: 'https://schema.org/accessibilityFeature',
      accessibilityHazard: 'https://schema.org/accessibilityHazard',
    },
    'obi:validation': [
      {
        'obi:validatesType': 'extensions#accessibility',
        'obi:validationSchema':
          'https://openbadgespec.org/extensions/accessibilityExtension/schema.json',
      },
    ],
  },
  applyLinkExtension: {
    '@context': {
      obi: 'https://w3id.org/openbadges#',
      extensions: 'https://w3id.org/openbadges/extensions#',
      url: 'extensions:applyLink',
    },
    'obi:validation': [
      {
        'obi:validatesType': 'extensions:ApplyLink',
        'obi:validationSchema':
          'https://openbadgespec.org/extensions/applyLinkExtension/schema.json',
      },
    ],
  },
  assessmentExtension: {
    '@context': {
      obi: 'https://w3id.org/openbadges#',
      extensions: 'https://w3id.org/openbadges/extensions#',
      schema: 'http://schema.org/',
      case: 'https://purl.imsglobal.org/spec/case/vocab#',
      Artifact: 'extensions:AssessmentExtensionArtifact',
      Exam: 'extensions:AssessmentExtensionExam',
      ExternalQuestion: 'extensions:AssessmentExtensionExternalQuestion',
      FileQuestion: 'extensions:AssessmentExtensionFileQuestion',
      Performance: 'extensions:AssessmentExtensionPerformance',
      TextQuestion: 'extensions:AssessmentExtensionTextQuestion',
      assessmentEvaluation: 'extensions:assessmentEvaluation',
      assessmentExample: 'extensions:assessmentExample',
      assessmentOutput: 'extensions:assessmentOutput',
      assessments: 'extensions:assessments',
      caseUri: 'case:uri',
      category: 'case:category',
      characterLimit: 'extensions:assessmentCharacterLimit',
      criterionLevels: 'case:CFRubricCriterionLevels',
      description: 'case:description',
      evaluationMethod: 'extensions:assessmentEvaluationMethod',
      hasGroupEvaluation: 'extensions:assessmentHasGroupEvaluation',
      hasGroupParticipation: 'extensions:assessmentHasGroupParticipation',
      identifier: 'case:identifier',
      lastChangeDateTime: 'case:lastChangeDateTime',
      position: 'case:position',
      quality: 'case:quality',
      questions: 'extensions:assessmentQuestions',
      required: 'extensions:assessmentRequired',
      rubricCriteria: 'case:CFRubricCriteria',
      rubricId: 'case:rubricId',
      rubrics: 'case:rubrics',
      sections: 'extensions:assessmentSections',
      score: 'case:score',
      scoringMethodExampleDescription: 'extensions:assessmentScoringMethodExampleDescription',
      text: 'schema:text',
      title: 'case:title',
      weight: 'case:weight',
      wordLimit: 'extensions:assessmentWordLimit',
    },
    'obi:validation': [
      {
        'obi:validatesType': 'extensions:AssessmentExtension',
        'obi:validationSchema': 'http://purl.imsglobal.org/spec/ob-assessment/v1p0/schema/',
      },
    ],
  },
  endorsement: {
    '@context': {
      obi: 'https://w3id.org/openbadges#',
      endorsement: 'https://w3id.org/openbadges/extensions#Endorsement',
      endorsedObject: {
        '@id': 'endorsement:/endorsedObject',
      },
    },
    'obi:validation': [
      {
        'obi:validatesType': 'endorsement',
        'obi:validationSchema': 'https://w3id.org/openbadges/extensions/endorsement/schema.json',
      },
    ],
  },
  exampleExtension: {
    '@context': {
      obi: 'https://w3id.org/openbadges#',
      extensions: 'https://w3id.org/openbadges/extensions#',
      exampleProperty: 'http://schema.org/text',
    },
    'obi:validation': [
      {
        'obi:validatesType': 'extensions:ExampleExtension',
        'obi:validationSchema': 'https://openbadgespec.org/extensions/exampleExtension/schema.json',
      },
    ],
  },
  extraDescription: {
    '@context': {
      obi: 'https://w3id.org/openbadges#',
      extensions: 'https://w3id.org/openbadges/extensions#',
    },
    'obi:validation': [
      {
        'obi:validatesType': 'extensions:ExtraDescriptionExtension',
        'obi:validationSchema': 'http://purl.imsglobal.org/spec/ob-exdesc/v1p0/schema/',
      },
    ],
  },
  geoCoordinatesExtension: {
    '@context': {
      obi: 'https://w3id.org/openbadges#',
      schema: 'http://schema.org/',
      extensions: 'https://w3id.org/openbadges/extensions#',
      geo: 'schema:geo',
      name: 'schema:name',
      description: 'schema:description',
      latitude: 'schema:latitude',
      longitude: 'schema:longitude',
    },
    'obi:validation': [
      {
        'obi:validatesType': 'extensions:GeoCoordinates',
        'obi:validationSchema':
          'https://w3id.org/openbadges/extensions/geoCoordinatesExtension/schema.json',
      },
    ],
  },
  issuerAccreditationExtension: {
    '@context': {
      obi: 'https://w3id.org/openbadges#',
      extensions: 'https://w3id.org/openbadges/extensions#',
      schema: 'http://schema.org/',
      name: 'schema:name',
      contactInstructions: 'extensions:accreditationContactInstructions',
      email: 'schema:email',
      url: 'schema:url',
      address: 'schema:address',
      streetAddress: 'schema:streetAddress',
      addressLocality: 'schema:addressLocality',
      addressRegion: 'schema:addressRegion',
      postalCode: 'schema:postalCode',
      addressCountry: 'schema:addressCountry',
      description: 'schema:description',
      logo: 'schema:logo',
      parentOrganization: 'schema:parentOrganization',
      areaServed: 'schema:areaServed',
      accreditationDate: 'extensions:accreditationDate',
      educationalSector: 'extensions:accreditationEducationalSector',
    },
    'obi:validation': [
      {
        'obi:validatesType': 'extensions:IssuerAccreditation',
        'obi:validationSchema': 'http://purl.imsglobal.org/spec/ob-accred/v1p0/schema/',
      },
    ],
  },
  licenseExtension: {
    '@context': {
      obi: 'https://w3id.org/openbadges#',
      extensions: 'https://w3id.org/openbadges/extensions#',
      cc: 'http://creativecommons.org/ns#',
      legalCode: 'cc:legalcode',
      License: 'cc:License',
      'CC-0': 'https://creativecommons.org/publicdomain/zero/1.0/',
      'CC-BY': 'http://creativecommons.org/licenses/by/4.0/',
      'CC-BY-SA': 'http://creativecommons.org/licenses/by-sa/4.0/',
      'CC-BY-NC': 'http://creativecommons.org/licenses/by-nc/4.0/',
      'CC-BY-NC-SA': 'http://creativecommons.org/licenses/by-nc-sa/4.0/',
      'CC-BY-ND': 'http://creativecommons.org/licenses/by-nd/4.0/',
      'CC-BY-NC-ND': 'https://creativecommons.org/licenses/by-nc-nd/4.0/',
    },
    'obi:validation': [
      {
        'obi:validatesType': 'extensions:LicenseExtension',
        'obi:validationSchema': 'https://openbadgespec.org/extensions/licenseExtension/schema.json',
      },
    ],
  },
  originalCreatorExtension: {
    '@context': {
      obi: 'https://w3id.org/openbadges#',
      extensions: 'https://w3id.org/openbadges/extensions#',
      url: 'extensions:#originalCreator',
    },
    'obi:validation': [
      {
        'obi:validatesType': 'extensions:originalCreator',
        'obi:validationSchema':
          'https://openbadgespec.org/extensions/originalCreatorExtension/schema.json',
      },
    ],
  },
  recipientProfile: {
    '@context': {
      obi: 'https://w3id.org/openbadges#',
      extensions: 'https://w3id.org/openbadges/extensions#',
    },
    'obi:validation': [
      {
        'obi:validatesType': 'extensions:RecipientProfile',
        'obi:validationSchema': 'https://openbadgespec.org/extensions/recipientProfile/schema.json',
      },
    ],
  },
};
