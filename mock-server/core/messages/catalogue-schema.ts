/**
 * response.schema in Chinese down to the validator's own words: each violation (`/pointer: rule
 * (message)`) and the JSON Schema messages it quotes; see catalogue.ts for the template syntax. The
 * entries with a kept `{message}` come after the ones in catalogue-answers.ts that read it as a
 * phrase, so a message no entry knows still leaves the sentence around it in Chinese.
 */
import type { MessageEntry } from './message-entry.js';

export const SCHEMA_SENTENCES: Readonly<Record<string, MessageEntry>> = {
  // The violations (core/checks/response-schema.ts).
  'schema.violation': { en: '{pointer}: {rule} ({~message})', zh: '{pointer}：{rule}（{~message}）' },
  'schema.violations': { en: '{~first}; {~rest}', zh: '{~first}；{~rest}' },
  'schema.more-raw': { en: '{shown}; and {n} more', zh: '{shown}；另有 {n} 处' },
  'schema.hint.type-raw': {
    en: 'Send {field} with the documented type ({message}); produce fields are strings unless documented otherwise.',
    zh: '请按文档中的类型发送 {field}（{message}）；除文档注明外，生产接口的字段均为字符串。',
  },
  'schema.hint.shorten-raw': { en: 'Shorten {field}: {message}.', zh: '请缩短 {field}：{message}。' },
  'schema.hint.form-raw': { en: 'Send {field} in the documented form: {message}.', zh: '请按文档中的格式发送 {field}：{message}。' },
  'schema.hint.fix-raw': { en: 'Fix {field}: {message}.', zh: '请修正 {field}：{message}。' },
  // The JSON Schema validator's messages (Ajv), as quoted in a violation or a hint.
  'ajv.type': { en: 'must be {type}', zh: '必须为 {type} 类型', nested: true },
  'ajv.pattern': { en: 'must match pattern {pattern}', zh: '必须匹配模式 {pattern}', nested: true },
  'ajv.format': { en: 'must match format {format}', zh: '必须符合格式 {format}', nested: true },
  'ajv.max-length': { en: 'must NOT have more than {n} characters', zh: '不能超过 {n} 个字符', nested: true },
  'ajv.min-length': { en: 'must NOT have fewer than {n} characters', zh: '不能少于 {n} 个字符', nested: true },
  'ajv.max-items': { en: 'must NOT have more than {n} items', zh: '不能超过 {n} 个元素', nested: true },
  'ajv.min-items': { en: 'must NOT have fewer than {n} items', zh: '不能少于 {n} 个元素', nested: true },
  'ajv.enum': { en: 'must be equal to one of the allowed values', zh: '必须是允许的值之一', nested: true },
  'ajv.const': { en: 'must be equal to constant', zh: '必须等于规定的常量', nested: true },
  'ajv.additional': { en: 'must NOT have additional properties', zh: '不能有额外的属性', nested: true },
  'ajv.required': { en: "must have required property '{field}'", zh: "必须有必填属性 '{field}'", nested: true },
  'ajv.minimum': { en: 'must be >= {n}', zh: '必须 >= {n}', nested: true },
  'ajv.maximum': { en: 'must be <= {n}', zh: '必须 <= {n}', nested: true },
};
