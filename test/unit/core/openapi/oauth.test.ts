import { describe, expect, test } from 'vitest';
import type { ApiResponse } from '../../../../mock-server/core/http-types.js';
import { CLIENT, createHarness, expectSchema, type Harness, lastExchange, OAUTH_ERROR, toRequest } from './harness.js';

const REDIRECT = 'https://seller.example.com/callback';
const TOKEN_SCHEMA = 'openapi/oauth-token.response.schema.json';
const USERINFO_SCHEMA = 'openapi/oauth-userinfo.response.schema.json';
const UNAUTHORIZED = { error: 'unauthorized', error_description: 'Full authentication is required to access this resource' };

const authorizeQuery = (overrides: Record<string, string> = {}) =>
  new URLSearchParams({ response_type: 'code', client_id: CLIENT.clientId, redirect_uri: REDIRECT, scope: 'get_user_info', state: 'st-1', ...overrides }).toString();

const authorize = (h: Harness, overrides: Record<string, string> = {}) => h.send(toRequest({ path: '/api/v1/oauth2/authorize', query: authorizeQuery(overrides) }));

const codeOf = (res: ApiResponse): string => new URL(res.headers.location ?? '').searchParams.get('code') ?? '';

const token = (h: Harness, form: Record<string, string>, headers: Record<string, string> = {}) =>
  h.send(
    toRequest({
      method: 'POST',
      path: '/api/v1/oauth2/token',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    }),
  );

const withSecret = (form: Record<string, string>) => ({ client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret, ...form });

const userinfo = (h: Harness, accessToken?: string) =>
  h.send(toRequest({ path: '/api/v1/oauth2/userinfo', headers: accessToken === undefined ? {} : { Authorization: `Bearer ${accessToken}` } }));

/** authorize + code exchange: the token answer body. */
async function signIn(h: Harness): Promise<{ access_token: string; refresh_token: string }> {
  const code = codeOf(await authorize(h));
  return (await token(h, withSecret({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }))).body as { access_token: string; refresh_token: string };
}

describe('oauth.authorize', () => {
  test('redirects 302 to redirect_uri with a code and the state', async () => {
    const h = createHarness();
    const res = await authorize(h);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.location ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('st-1');
    expect(h.store.getGrant('code', codeOf(res))).toMatchObject({ clientId: CLIENT.clientId, scope: 'get_user_info' });
  });

  test.for([
    ['an unknown client_id', { client_id: 'nobody' }, 'invalid_client'],
    ['a redirect_uri not registered for the client', { redirect_uri: 'https://evil.example.com/cb' }, 'invalid_request'],
    ['response_type token', { response_type: 'token' }, 'unsupported_response_type'],
  ] as const)('answers 400 for %s', async ([, overrides, error]) => {
    const h = createHarness();
    const res = await authorize(h, overrides);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error });
    expectSchema(res, OAUTH_ERROR);
  });
});

describe('oauth.token (docs/fidelity.md#d29)', () => {
  test('exchanges a code for a Bearer token of 7200 s and a refresh token', async () => {
    const h = createHarness();
    const code = codeOf(await authorize(h));
    const res = await token(h, withSecret({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 7200, scope: 'get_user_info' });
    expectSchema(res, TOKEN_SCHEMA);
  });

  test('accepts client authentication with HTTP Basic', async () => {
    const h = createHarness();
    const code = codeOf(await authorize(h));
    const basic = Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64');
    const res = await token(h, { grant_type: 'authorization_code', code }, { Authorization: `Basic ${basic}` });
    expect(res.status).toBe(200);
  });

  test('answers invalid_grant "Invalid authorization code" to a code used twice', async () => {
    const h = createHarness();
    const code = codeOf(await authorize(h));
    await token(h, withSecret({ grant_type: 'authorization_code', code }));
    const res = await token(h, withSecret({ grant_type: 'authorization_code', code }));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'invalid_grant', error_description: 'Invalid authorization code' });
    expectSchema(res, OAUTH_ERROR);
  });

  test('answers invalid_grant to a code older than 5 minutes', async () => {
    const h = createHarness();
    const code = codeOf(await authorize(h));
    h.clock.advance(5 * 60_000 + 1);
    expect((await token(h, withSecret({ grant_type: 'authorization_code', code }))).body).toMatchObject({ error: 'invalid_grant' });
  });

  test.for([
    ['a wrong client_secret', { client_secret: 'wrong' }, 'invalid_client'],
    ['an unknown client_id', { client_id: 'nobody' }, 'invalid_client'],
    ['grant_type password', { grant_type: 'password' }, 'unsupported_grant_type'],
    ['a redirect_uri other than the authorize one', { redirect_uri: 'https://seller.example.com/other' }, 'invalid_grant'],
  ] as const)('answers 400 for %s', async ([, change, error]) => {
    const h = createHarness();
    const code = codeOf(await authorize(h));
    const res = await token(h, { ...withSecret({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }), ...change });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error });
    expectSchema(res, OAUTH_ERROR);
  });

  test('rotates the refresh token: the new one works, the old one is spent', async () => {
    const h = createHarness();
    const first = await signIn(h);
    const refreshed = await token(h, withSecret({ grant_type: 'refresh_token', refresh_token: first.refresh_token }));
    expect(refreshed.status).toBe(200);
    expectSchema(refreshed, TOKEN_SCHEMA);
    const second = refreshed.body as { refresh_token: string };
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await token(h, withSecret({ grant_type: 'refresh_token', refresh_token: first.refresh_token }))).body).toEqual({
      error: 'invalid_grant',
      error_description: 'Invalid refresh token',
    });
    expect((await token(h, withSecret({ grant_type: 'refresh_token', refresh_token: second.refresh_token }))).status).toBe(200);
  });

  test('answers invalid_grant to a refresh token older than 30 days', async () => {
    const h = createHarness();
    const { refresh_token } = await signIn(h);
    h.clock.advance(30 * 24 * 3600_000 + 1);
    expect((await token(h, withSecret({ grant_type: 'refresh_token', refresh_token }))).body).toMatchObject({ error: 'invalid_grant' });
  });

  test('keeps client_secret and tokens out of the journal', async () => {
    const h = createHarness();
    const { access_token } = await signIn(h);
    const text = JSON.stringify(lastExchange(h));
    expect(text).not.toContain(CLIENT.clientSecret);
    expect(text).not.toContain(access_token);
  });
});

describe('oauth.userinfo', () => {
  test('answers the user of a valid access token', async () => {
    const h = createHarness();
    const { access_token } = await signIn(h);
    const res = await userinfo(h, access_token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userName: 'zhangsan', tenant: expect.any(String) });
    expectSchema(res, USERINFO_SCHEMA);
  });

  test.for([
    ['no Authorization header', async (_h: Harness): Promise<string | undefined> => undefined],
    ['an unknown token', async (_h: Harness): Promise<string | undefined> => 'not-a-token'],
    [
      'a token older than 7200 s',
      async (h: Harness): Promise<string | undefined> => {
        const { access_token } = await signIn(h);
        h.clock.advance(7200_000);
        return access_token;
      },
    ],
  ] as const)('answers 401 unauthorized for %s', async ([, tokenFor]) => {
    const h = createHarness();
    const res = await userinfo(h, await tokenFor(h));
    expect(res.status).toBe(401);
    expect(res.body).toEqual(UNAUTHORIZED);
    expectSchema(res, OAUTH_ERROR);
  });
});

describe('oauth.logout', () => {
  test('redirects 302 to redirect_url', async () => {
    const h = createHarness();
    const res = await h.send(toRequest({ path: '/api/v1/logout', query: `redirect_url=${encodeURIComponent('https://seller.example.com/bye')}` }));
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('https://seller.example.com/bye');
  });

  test('answers 400 invalid_request without a redirect_url', async () => {
    const h = createHarness();
    const res = await h.send(toRequest({ path: '/api/v1/logout' }));
    expect(res.status).toBe(400);
    expectSchema(res, OAUTH_ERROR);
  });
});
