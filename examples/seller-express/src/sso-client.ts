/**
 * The seller's side of the tenant's OneAccess OAuth endpoints (open-api.md §6): exchange a code,
 * refresh a token, read the user. `{domainName}` comes from tenantSync; client credentials from
 * applicationSync (the decrypted clientSecret).
 */

export interface OAuthTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Epoch ms the access token stops working (expires_in, 7200 s). */
  readonly expiresAt: number;
}

export interface OAuthCredentials {
  readonly domainName: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Answer of a token or userinfo call: the JSON, or why there is none. */
type Answer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly detail: string };

const TIMEOUT_MS = 10_000;

const endpoint = (domainName: string, path: string): string => `${domainName.replace(/\/+$/, '')}${path}`;

async function readJson(res: Response): Promise<Record<string, unknown> | undefined> {
  const text = await res.text();
  if (text.length > 64 * 1024) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function tokenCall(creds: OAuthCredentials, fields: Record<string, string>, now: number): Promise<Answer<OAuthTokens>> {
  const form = new URLSearchParams({ ...fields, client_id: creds.clientId, client_secret: creds.clientSecret });
  try {
    const res = await fetch(endpoint(creds.domainName, '/api/v1/oauth2/token'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = await readJson(res);
    // Only an HTTP 200 with an access token is a grant; anything else (400 invalid_grant for a spent code) is a refusal.
    const access = body?.['access_token'];
    if (res.status !== 200 || typeof access !== 'string' || access === '') {
      return { ok: false, detail: `token endpoint answered HTTP ${res.status} ${String(body?.['error'] ?? '')}`.trim() };
    }
    const refresh = body?.['refresh_token'];
    const expiresIn = Number(body?.['expires_in'] ?? 0);
    return { ok: true, value: { accessToken: access, refreshToken: typeof refresh === 'string' ? refresh : '', expiresAt: now + (expiresIn > 0 ? expiresIn : 7200) * 1000 } };
  } catch (error) {
    return { ok: false, detail: `token endpoint unreachable: ${error instanceof Error ? error.name : 'error'}` };
  }
}

/** grant_type=authorization_code: the code from the callback, once. */
export const exchangeCode = (creds: OAuthCredentials, code: string, redirectUri: string, now: number): Promise<Answer<OAuthTokens>> =>
  tokenCall(creds, { grant_type: 'authorization_code', code, redirect_uri: redirectUri }, now);

/** grant_type=refresh_token: the answer carries a new refresh token; keep it (the old one is spent). */
export const refreshTokens = (creds: OAuthCredentials, refreshToken: string, now: number): Promise<Answer<OAuthTokens>> =>
  tokenCall(creds, { grant_type: 'refresh_token', refresh_token: refreshToken }, now);

/** GET userinfo with the access token: who signed in (userId, userName, tenant, ...). */
export async function readUserinfo(domainName: string, accessToken: string): Promise<Answer<Record<string, unknown>>> {
  try {
    const res = await fetch(endpoint(domainName, '/api/v1/oauth2/userinfo'), {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = await readJson(res);
    if (res.status !== 200 || body === undefined || typeof body['userId'] !== 'string') return { ok: false, detail: `userinfo answered HTTP ${res.status}` };
    return { ok: true, value: body };
  } catch (error) {
    return { ok: false, detail: `userinfo unreachable: ${error instanceof Error ? error.name : 'error'}` };
  }
}
