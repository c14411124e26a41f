import { describe, expect, test } from 'vitest';
import { checkContentType } from '../../../../mock-server/core/checks/http-content-type.js';
import { checkHttpStatus } from '../../../../mock-server/core/checks/http-status.js';

describe('http.status', () => {
  test('passes on 200', () => {
    expect(checkHttpStatus(200)).toEqual({ id: 'http.status', ok: true, expected: '200', received: '200' });
  });

  test.for([
    [201, 'HTTP 200'],
    [302, 'does not follow redirects'],
    [401, 'demanded authentication'],
    [404, 'No route'],
    [405, 'V2 and kit calls are POST'],
    [415, 'application/json'],
    [500, 'resultCode'],
  ] as const)('fails on %i with a specific hint', ([status, hint]) => {
    const r = checkHttpStatus(status);
    expect(r.ok).toBe(false);
    expect(r.received).toBe(String(status));
    expect(r.hint).toContain(hint);
  });
});

describe('http.content-type', () => {
  test.for(['application/json', 'application/json;charset=UTF-8', 'Application/JSON; charset=utf-8'])('accepts %s', (value) => {
    expect(checkContentType({ 'content-type': value }).ok).toBe(true);
  });

  test.for([
    ['text/plain', '"text/plain"'],
    ['text/html;charset=UTF-8', '"text/html;charset=UTF-8"'],
    ['application/jsonp', '"application/jsonp"'],
  ])('rejects %s', ([value, received]) => {
    expect(checkContentType({ 'content-type': value as string })).toMatchObject({ ok: false, received });
  });

  test('rejects a missing header and says to send one', () => {
    expect(checkContentType({})).toMatchObject({ ok: false, received: '(missing)' });
    expect(checkContentType({}).hint).toContain('Send a Content-Type header');
  });
});
