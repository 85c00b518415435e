/**
 * What a TypeBox validation error says about its field, in English and Japanese: "is required",
 * "must be a string", "must be at most 100 characters"… The path is reported beside it.
 */
import type { LocalizedMessage } from '@akashi/core';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';

const JSON_TYPES: Readonly<Partial<Record<ValueErrorType, readonly [string, string]>>> = {
  [ValueErrorType.String]: ['a string', '文字列'],
  [ValueErrorType.Number]: ['a number', '数値'],
  [ValueErrorType.Integer]: ['an integer', '整数'],
  [ValueErrorType.Boolean]: ['true or false', 'true または false'],
  [ValueErrorType.Object]: ['an object', 'オブジェクト'],
  [ValueErrorType.Array]: ['an array', '配列'],
  [ValueErrorType.Null]: ['null', 'null'],
};

const readNumber = (schema: unknown, key: string): string => {
  const value = (schema as Record<string, unknown>)[key];
  return typeof value === 'number' ? String(value) : '?';
};

/** The `const` values of a union of literals, or undefined for any other union. */
const readLiteralChoices = (schema: unknown): string[] | undefined => {
  const anyOf = (schema as { anyOf?: unknown }).anyOf;
  if (!Array.isArray(anyOf)) return undefined;
  const choices: string[] = [];
  for (const branch of anyOf as unknown[]) {
    if (typeof branch !== 'object' || branch === null || !('const' in branch)) return undefined;
    choices.push(JSON.stringify(branch.const));
  }
  return choices;
};

const both = (en: string, ja: string): LocalizedMessage => ({ en, ja });

export const describeValueError = (error: ValueError): LocalizedMessage => {
  const { schema } = error;
  const jsonType = JSON_TYPES[error.type];
  if (jsonType !== undefined) {
    return both(`must be ${jsonType[0]}`, `${jsonType[1]}で指定してください`);
  }
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return both('is required', '必須です');
    case ValueErrorType.ObjectAdditionalProperties:
      return both('is not allowed here', 'ここには指定できません');
    case ValueErrorType.StringMinLength: {
      const n = readNumber(schema, 'minLength');
      return both(`must be at least ${n} characters long`, `${n} 文字以上で指定してください`);
    }
    case ValueErrorType.StringMaxLength: {
      const n = readNumber(schema, 'maxLength');
      return both(`must be at most ${n} characters long`, `${n} 文字以内で指定してください`);
    }
    case ValueErrorType.StringPattern:
      return both('is not in the expected form', '形式が正しくありません');
    case ValueErrorType.StringFormat:
    case ValueErrorType.StringFormatUnknown: {
      const format = String((schema as { format?: unknown }).format);
      return both(`must be a valid ${format}`, `正しい ${format} 形式で指定してください`);
    }
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum: {
      const n = readNumber(schema, 'minimum');
      return both(`must be ${n} or more`, `${n} 以上で指定してください`);
    }
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMaximum: {
      const n = readNumber(schema, 'maximum');
      return both(`must be ${n} or less`, `${n} 以下で指定してください`);
    }
    case ValueErrorType.NumberExclusiveMinimum:
    case ValueErrorType.IntegerExclusiveMinimum: {
      const n = readNumber(schema, 'exclusiveMinimum');
      return both(`must be more than ${n}`, `${n} より大きい値で指定してください`);
    }
    case ValueErrorType.NumberExclusiveMaximum:
    case ValueErrorType.IntegerExclusiveMaximum: {
      const n = readNumber(schema, 'exclusiveMaximum');
      return both(`must be less than ${n}`, `${n} より小さい値で指定してください`);
    }
    case ValueErrorType.ArrayMinItems: {
      const n = readNumber(schema, 'minItems');
      return both(`must have at least ${n} items`, `${n} 個以上の要素が必要です`);
    }
    case ValueErrorType.ArrayMaxItems: {
      const n = readNumber(schema, 'maxItems');
      return both(`must have at most ${n} items`, `要素は ${n} 個以内にしてください`);
    }
    case ValueErrorType.ArrayUniqueItems:
      return both('must not repeat an item', '同じ要素を重複させないでください');
    case ValueErrorType.Literal: {
      const value = JSON.stringify((schema as { const?: unknown }).const);
      return both(`must be ${value}`, `${value} で指定してください`);
    }
    case ValueErrorType.Union: {
      const choices = readLiteralChoices(schema);
      if (choices !== undefined) {
        const list = choices.join(', ');
        return both(`must be one of ${list}`, `${list} のいずれかで指定してください`);
      }
      return both('does not match any allowed form', 'いずれの形式にも当てはまりません');
    }
    default:
      // Rarer keywords keep TypeBox's own (English) wording in both languages.
      return both(error.message, error.message);
  }
};
