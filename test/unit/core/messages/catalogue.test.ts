import { describe, expect, test } from 'vitest';
import { CHECK_MESSAGES_ZH } from '../../../../mock-server/core/checks/messages-zh.js';
import { MESSAGE_CATALOGUE, MESSAGE_PARTS } from '../../../../mock-server/core/messages/catalogue.js';
import { isCatalogued, localise } from '../../../../mock-server/core/messages/localise.js';
import { MESSAGES } from '../../../../mock-server/adapters/cli/i18n.js';
import { englishRuns } from '../../../support/english-runs.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(~?\w+)\}/g)].map((m) => m[1] ?? '').sort();
const entries = Object.entries(MESSAGE_CATALOGUE);

describe('message catalogue', () => {
  test('no key is given by two parts', () => {
    const keys = MESSAGE_PARTS.flatMap((part) => Object.keys(part));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  test.for(entries)('%s has en and zh, and zh fills only values en has', ([, entry]) => {
    expect(entry.en.trim()).not.toBe('');
    expect(entry.zh.trim()).not.toBe('');
    expect(placeholders(entry.zh).filter((name) => !placeholders(entry.en).includes(name))).toEqual([]);
  });

  test('every zh text reads as Chinese: no run of English words outside ids, fields, codes and values', () => {
    const zhTexts = [
      ...entries.map(([key, e]) => [key, e.zh] as const),
      ...Object.entries(CHECK_MESSAGES_ZH).flatMap(([id, t]) => [[`${id} title`, t.title] as const, [`${id} hint`, t.hint] as const]),
      ...Object.entries(MESSAGES.zh).flatMap(([key, v]) => (typeof v === 'string' ? [[key, v] as const] : [[key, v.one] as const, [key, v.other] as const])),
    ];
    expect(zhTexts.filter(([, text]) => englishRuns(text).length > 0)).toEqual([]);
  });

  test.for(entries)('%s: its English sentence, filled in, comes out in Chinese', ([, entry]) => {
    const sample = entry.en.replace(/\{~(\w+)\}/g, 'success').replace(/\{(\w+)\}/g, 'X1');
    if (entry.nested === true) {
      expect(isCatalogued(sample, { phrase: true }), sample).toBe(true);
      return;
    }
    expect(isCatalogued(sample), sample).toBe(true);
    expect(localise(sample, 'zh')).not.toBe(sample);
  });
});

describe('localise', () => {
  test('keeps values, ids and codes and puts the sentence in Chinese', () => {
    expect(localise('orderNotify ends success', 'zh')).toBe('orderNotify 的结果为 success');
    expect(localise('"000001" (authentication failed), resultMsg "bad sign"', 'zh')).toBe('"000001"（鉴权失败），resultMsg "bad sign"');
    expect(localise('send refreshInstance RENEWAL', 'zh')).toBe('发送 refreshInstance RENEWAL');
    expect(localise('faults: order.query error MKT.0999 (1×)', 'zh')).toBe('故障注入：order.query 返回错误 MKT.0999（1 次）');
  });

  test('leaves English alone in en, and text it does not know as it is', () => {
    expect(localise('orderNotify ends success', 'en')).toBe('orderNotify ends success');
    expect(localise('a sentence no producer writes', 'zh')).toBe('a sentence no producer writes');
  });

  test('a phrase slot must hold a known phrase: an author title with parentheses is not taken for a result code', () => {
    expect(localise('usage goes on after the unfreeze', 'zh')).toBe('usage goes on after the unfreeze');
    expect(localise('release again (must succeed)', 'zh')).toBe('release again (must succeed)');
  });

  test('a phrase is put in Chinese only inside a sentence: a bare word stays as it is', () => {
    expect(localise('reset', 'zh')).toBe('reset');
    expect(localise('faults: every operation reset', 'zh')).toBe('故障注入：所有操作 断开连接（reset）');
    expect(localise('faults: every operation on mkt.myhuaweicloud.com host-down', 'zh')).toBe('故障注入：mkt.myhuaweicloud.com 上的所有操作 主机不可用（host-down）');
  });

  test('a mistake id after a sentence with parentheses is read as the id', () => {
    const detail = 'signature does not match hex(HMAC-SHA256(accessKey, f)) over the body with its top-level keys sorted, compact, nulls dropped; it matches if sorted (Java TreeMap) before hashing. (body-not-sorted)';
    expect(localise(detail, 'zh')).toContain('已知错误 body-not-sorted 能复现收到的签名');
  });
});
