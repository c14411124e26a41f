import { describe, expect, test } from 'vitest';
import { createEmulator, type Emulator } from '../../../mock-server/emulator.js';
import { SELLER_CONFIG } from './support.js';

/*
 * The fake OneAccess's clients over real HTTP: configured in oauth.clients, registered and removed
 * through /_koomock/oauth/clients, and the browser's login session cookie that the SSO step uses.
 */

const CALLBACK = 'https://seller.example.com/sso/callback';

const it = test.extend('emulator', async ({}, { onCleanup }) => {
  const emulator = await createEmulator({
    config: { ...SELLER_CONFIG, oauth: { clients: [{ clientId: 'configured', clientSecret: 'configured-secret', user: { userId: 'u-1', userName: 'ann' } }] } },
  });
  onCleanup(() => emulator.close());
  return emulator;
});

const authorize = (emulator: Emulator, clientId: string, cookie?: string) =>
  fetch(`${emulator.url}/api/v1/oauth2/authorize?response_type=code&client_id=${clientId}&redirect_uri=${encodeURIComponent(CALLBACK)}&state=s1`, {
    redirect: 'manual',
    ...(cookie === undefined ? {} : { headers: { cookie } }),
  });

const codeOf = (res: Response): string => new URL(res.headers.get('location') ?? 'http://x/').searchParams.get('code') ?? '';

const token = (emulator: Emulator, form: Record<string, string>) =>
  fetch(`${emulator.url}/api/v1/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });

const admin = (emulator: Emulator, method: string, path: string, body?: unknown) =>
  fetch(`${emulator.url}/_koomock/oauth/clients${path}`, { method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) });

describe('OAuth clients of the fake OneAccess', () => {
  it('a client from oauth.clients signs in as its user; the code is single use', async ({ emulator }) => {
    const code = codeOf(await authorize(emulator, 'configured'));
    const form = { grant_type: 'authorization_code', code, client_id: 'configured', client_secret: 'configured-secret', redirect_uri: CALLBACK };
    const first = await token(emulator, form);
    expect(first.status).toBe(200);
    const tokens = (await first.json()) as { access_token: string; expires_in: number };
    expect(tokens.expires_in).toBe(7200);
    const user = await fetch(`${emulator.url}/api/v1/oauth2/userinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(await user.json()).toMatchObject({ id: 'u-1', userId: 'u-1', userName: 'ann', name: null });
    const again = await token(emulator, form);
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ error: 'invalid_grant', error_description: 'Invalid authorization code' });
  });

  it('the admin API registers a client (secret never listed), and removes it', async ({ emulator }) => {
    expect((await authorize(emulator, 'added')).status).toBe(400);
    const put = await admin(emulator, 'PUT', '/added', { clientSecret: 'added-secret', redirectUris: [CALLBACK] });
    expect(put.status).toBe(200);
    expect((await authorize(emulator, 'added')).status).toBe(302);
    const list = await (await admin(emulator, 'GET', '')).json();
    expect(list).toEqual({ clients: [expect.objectContaining({ clientId: 'configured' }), { clientId: 'added', redirectUris: [CALLBACK], user: null }] });
    expect(JSON.stringify(list)).not.toContain('secret');
    expect((await admin(emulator, 'DELETE', '/added')).status).toBe(200);
    expect((await authorize(emulator, 'added')).status).toBe(400);
    expect((await admin(emulator, 'DELETE', '/added')).status).toBe(404);
  });

  it('refuses a client without a usable secret, saying what is expected', async ({ emulator }) => {
    const res = await admin(emulator, 'PUT', '/bad', { clientSecret: ' padded ' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('INPUT_INVALID');
    expect(body.error.message).toContain('clientSecret must be the plain secret');
    const user = await admin(emulator, 'PUT', '/bad', { clientSecret: 'ok-secret', user: { userName: 'no-id' } });
    expect(((await user.json()) as { error: { message: string } }).error.message).toContain('user.userId');
  });

  it('authorize signs in as the user of the login-session cookie; logout clears it', async ({ emulator }) => {
    const buyer = { id: 'b-7', userId: 'b-7', userName: 'buyer7', tenant: 't-1', projectName: 'T1' };
    const cookie = `koomock_sso_user=${Buffer.from(JSON.stringify(buyer)).toString('base64url')}`;
    const code = codeOf(await authorize(emulator, 'configured', cookie));
    const tokens = (await (await token(emulator, { grant_type: 'authorization_code', code, client_id: 'configured', client_secret: 'configured-secret' })).json()) as { access_token: string };
    const user = await fetch(`${emulator.url}/api/v1/oauth2/userinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(await user.json()).toMatchObject({ userId: 'b-7', userName: 'buyer7', tenant: 't-1' });
    const out = await fetch(`${emulator.url}/api/v1/logout?redirect_url=${encodeURIComponent('https://seller.example.com/')}`, { redirect: 'manual' });
    expect(out.status).toBe(302);
    expect(out.headers.get('location')).toBe('https://seller.example.com/');
    expect(out.headers.get('set-cookie')).toMatch(/^koomock_sso_user=; .*Max-Age=0/);
  });

  it('a reset goes back to the configured clients', async ({ emulator }) => {
    await admin(emulator, 'PUT', '/added', { clientSecret: 'added-secret' });
    emulator.reset();
    expect((await authorize(emulator, 'added')).status).toBe(400);
    expect((await authorize(emulator, 'configured')).status).toBe(302);
  });
});
