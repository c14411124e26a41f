import { describe, expect, test } from 'vitest';
import { checkContentType } from '../../../../mock-server/core/checks/http-content-type.js';
import { checkHttpRedirect } from '../../../../mock-server/core/checks/http-redirect.js';
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

describe('http.status with the answer body', () => {
  test('quotes the start of an error body, cut short and escaped', () => {
    const r = checkHttpStatus(502, `\u001b<html>${'x'.repeat(500)}`);
    expect(r.received).toMatch(/^502, body "\\u001b<html>x+… \(\+\d+ chars\)"$/);
  });

  test('leaves an empty body out', () => {
    expect(checkHttpStatus(500, '  ').received).toBe('500');
  });
});

describe('http.redirect', () => {
  const url = 'http://seller.example/produce?signature=S';
  test.for([
    ['HTTP to HTTPS', 301, 'https://seller.example/produce', 'HTTP to HTTPS'],
    ['a trailing slash', 308, '/produce/', 'trailing slash'],
    ['a login page', 302, 'https://sso.example/login?service=x', 'login'],
    ['itself', 307, 'http://seller.example/produce', 'redirects to itself'],
    ['somewhere else', 302, 'https://other.example/api', 'does not follow redirects'],
    ['an unparsable Location', 302, 'http://[::1', 'does not follow redirects'],
  ] as const)('fails for a redirect to %s, reporting the Location and why', ([, status, location, hint]) => {
    const r = checkHttpRedirect({ status, location, url });
    expect(r).toMatchObject({ id: 'http.redirect', ok: false, received: `HTTP ${status} to Location "${location}"` });
    expect(r.hint).toContain(hint);
  });

  test('fails for a 3xx without a Location', () => {
    expect(checkHttpRedirect({ status: 302, location: undefined, url }).received).toBe('HTTP 302 without a Location header');
  });

  test('passes for anything but a 3xx', () => {
    expect(checkHttpRedirect({ status: 200, location: undefined, url }).ok).toBe(true);
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
