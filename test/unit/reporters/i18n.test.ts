import { describe, expect, test } from 'vitest';
import { chooseLang, count, fill, LANGS, MESSAGES, parseLang, type Plural } from '../../../mock-server/adapters/cli/i18n.js';
import { isKoomockError } from '../../../mock-server/core/errors.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
const texts = (value: string | Plural): string[] => (typeof value === 'string' ? [value] : [value.one, value.other]);

describe('MESSAGES', () => {
  const keys = Object.keys(MESSAGES.en).sort();

  test.for(LANGS.map((lang) => [lang] as const))('%s has every key, none empty', ([lang]) => {
    expect(Object.keys(MESSAGES[lang]).sort()).toEqual(keys);
    for (const [key, value] of Object.entries(MESSAGES[lang])) {
      for (const text of texts(value)) expect(text.trim(), `${lang}.${key}`).not.toBe('');
    }
  });

  test('zh uses the same placeholders as en in every template', () => {
    for (const key of keys) {
      const en = texts(MESSAGES.en[key as keyof typeof MESSAGES.en]);
      const zh = texts(MESSAGES.zh[key as keyof typeof MESSAGES.zh]);
      expect(zh.map(placeholders), key).toEqual(en.map(placeholders));
    }
  });
});

describe('fill and count', () => {
  test('fills known placeholders and leaves unknown ones visible', () => {
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  test.for([
    [0, '0 checks'],
    [1, '1 check'],
    [2, '2 checks'],
  ] as const)('counts %i as "%s"', ([n, expected]) => {
    expect(count(MESSAGES.en.checks, n)).toBe(expected);
  });
});

describe('parseLang', () => {
  test.for([
    ['en', 'en'],
    ['zh', 'zh'],
    ['zh-CN', 'zh'],
    ['ZH_tw', 'zh'],
    ['en-US.UTF-8', 'en'],
  ] as const)('reads %s as %s', ([text, lang]) => {
    expect(parseLang(text)).toBe(lang);
  });

  test('rejects an unknown language with a usage error listing the known ones', () => {
    let error: unknown;
    try {
      parseLang('fr');
    } catch (e) {
      error = e;
    }
    expect(isKoomockError(error) && error.code).toBe('USAGE');
    expect((error as Error).message).toBe('unknown language "fr" for --lang: expected one of en, zh');
  });
});

describe('chooseLang', () => {
  test('--lang wins, then KOOMOCK_LANG, then a Chinese LC_ALL or LANG, else English', () => {
    expect(chooseLang('en', { KOOMOCK_LANG: 'zh', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(chooseLang(undefined, { KOOMOCK_LANG: 'zh-CN', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(chooseLang(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(chooseLang(undefined, { LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(chooseLang(undefined, { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(chooseLang(undefined, { LANG: 'C.UTF-8' })).toBe('en');
    expect(chooseLang(undefined, {})).toBe('en');
  });

  test('a KOOMOCK_LANG koomock does not speak is a usage error, not a silent English', () => {
    expect(() => chooseLang(undefined, { KOOMOCK_LANG: 'fr' })).toThrow(/unknown language "fr"/);
  });
});
