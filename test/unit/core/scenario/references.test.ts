import { describe, expect, test } from 'vitest';
import { parsePath, parseTemplate, resolveTemplate } from '../../../../mock-server/core/scenario/load/references.js';

const RESULTS = {
  order: { orderId: 'CS1', expireAt: 1_700_000_000_000, lines: [{ orderLineId: 'CS1-000001' }, { orderLineId: 'CS1-000002' }] },
  create: { instanceId: 'i-1', appInfo: { frontEndUrl: 'https://x' } },
};

describe('parsePath', () => {
  test.for([
    { name: 'a single name', text: 'instanceId', segments: ['instanceId'] },
    { name: 'dotted names', text: 'appInfo.frontEndUrl', segments: ['appInfo', 'frontEndUrl'] },
    { name: 'a bracket index', text: 'lines[1].orderLineId', segments: ['lines', 1, 'orderLineId'] },
    { name: 'a dotted index', text: 'body.info.0.appInfo', segments: ['body', 'info', 0, 'appInfo'] },
    { name: 'an empty segment', text: 'lines..x', segments: undefined },
    { name: 'a leading index', text: '[0].x', segments: undefined },
    { name: 'spaces', text: 'app Info', segments: undefined },
  ])('reads $name', ({ text, segments }) => {
    expect(parsePath(text)).toEqual(segments);
  });
});

describe('parseTemplate', () => {
  test('finds references and the text around them, with offsets', () => {
    expect(parseTemplate('id-${order.orderId}/${order.lines[1].orderLineId}')).toEqual({
      ok: true,
      parts: ['id-', { text: '${order.orderId}', step: 'order', path: ['orderId'], offset: 3 }, '/', { text: '${order.lines[1].orderLineId}', step: 'order', path: ['lines', 1, 'orderLineId'], offset: 20 }],
    });
  });

  test('reads $${ as a literal ${', () => {
    expect(parseTemplate('cost $${x}')).toEqual({ ok: true, parts: ['cost ${x}'] });
  });

  test.for([
    { name: 'a reference without a result', text: 'a ${order}', offset: 2, problem: 'malformed reference `${order}`' },
    { name: 'an unclosed reference', text: '${order.orderId', offset: 0, problem: 'unclosed reference' },
    { name: 'an empty reference', text: '${}', offset: 0, problem: 'malformed reference' },
    { name: 'a step id with a dot path error', text: '${order.lines[x]}', offset: 0, problem: 'malformed reference' },
  ])('rejects $name', ({ text, offset, problem }) => {
    const r = parseTemplate(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.offset).toBe(offset);
      expect(r.problem).toContain(problem);
    }
  });
});

describe('resolveTemplate', () => {
  test('a string that is exactly one reference keeps the value type', () => {
    expect(resolveTemplate('${order.expireAt}', RESULTS)).toEqual({ ok: true, value: 1_700_000_000_000 });
    expect(resolveTemplate('${create.appInfo}', RESULTS)).toEqual({ ok: true, value: { frontEndUrl: 'https://x' } });
  });

  test('references inside text are written as text, in nested mappings and lists', () => {
    expect(resolveTemplate({ a: ['${order.orderId}-${order.expireAt}', 5, null], b: { c: '${order.lines.1.orderLineId}' } }, RESULTS)).toEqual({
      ok: true,
      value: { a: ['CS1-1700000000000', 5, null], b: { c: 'CS1-000002' } },
    });
  });

  test.for([
    { name: 'a step that has not run', value: '${later.instanceId}', problem: '${later.instanceId}: step later has not run' },
    { name: 'a value the step did not produce', value: 'x ${create.businessId}', problem: '${create.businessId}: step create has no such value' },
  ])('reports $name instead of guessing', ({ value, problem }) => {
    expect(resolveTemplate({ field: value }, RESULTS)).toEqual({ ok: false, reference: value.slice(value.indexOf('$')), problem });
  });
});
