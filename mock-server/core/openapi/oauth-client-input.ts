/**
 * An OAuth client as a user gives it (config `oauth.clients`, the admin API's
 * `PUT /_koomock/oauth/clients/{clientId}`): the user needs only `userId` and `userName`, the other
 * userinfo fields (open-api.md §6.3) are filled in.
 */
import { isObject } from '../is-object.js';
import { DEFAULT_OAUTH_USER, type OAuthClient, type OAuthUserInfo } from './oauth-clients.js';

export type OAuthUserInput = Partial<OAuthUserInfo> & Pick<OAuthUserInfo, 'userId' | 'userName'>;

export interface OAuthClientInput {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUris?: readonly string[];
  readonly user?: OAuthUserInput;
}

/** The full userinfo answer of a user given by its ids: `id` = `userId`, missing names null. */
export const toOAuthUser = (u: OAuthUserInput): OAuthUserInfo => ({
  id: u.id ?? u.userId,
  userName: u.userName,
  name: u.name ?? null,
  email: u.email ?? null,
  mobile: u.mobile ?? null,
  role: u.role ?? null,
  organizationName: u.organizationName ?? null,
  userId: u.userId,
  organizationCode: u.organizationCode ?? null,
  projectName: u.projectName ?? DEFAULT_OAUTH_USER.projectName,
  tenant: u.tenant ?? DEFAULT_OAUTH_USER.tenant,
});

/**
 * @example toOAuthClient({ clientId: 'c', clientSecret: 's', user: { userId: 'u1', userName: 'ann' } }).user?.id // 'u1'
 */
export const toOAuthClient = (c: OAuthClientInput): OAuthClient => ({
  clientId: c.clientId,
  clientSecret: c.clientSecret,
  ...(c.redirectUris === undefined ? {} : { redirectUris: [...c.redirectUris] }),
  ...(c.user === undefined ? {} : { user: toOAuthUser(c.user) }),
});

const SECRET = /^[^\s]([^\r\n]*[^\s])?$/;
const USER_TEXT_FIELDS = ['id', 'name', 'email', 'mobile', 'role', 'organizationName', 'organizationCode', 'projectName', 'tenant'] as const;

const isHttpUrl = (v: unknown): boolean => {
  if (typeof v !== 'string' || v.length > 2048) return false;
  try {
    const url = new URL(v);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hash === '';
  } catch {
    return false;
  }
};

function parseUser(value: unknown): OAuthUserInput | string {
  if (!isObject(value)) return 'user must be an object with userId and userName (the userinfo fields, docs/oauth.md)';
  const unknown = Object.keys(value).filter((k) => k !== 'userId' && k !== 'userName' && !(USER_TEXT_FIELDS as readonly string[]).includes(k));
  if (unknown.length > 0) return `user has unknown field ${unknown.join(', ')}: the userinfo fields are userId, userName, ${USER_TEXT_FIELDS.join(', ')}`;
  for (const name of ['userId', 'userName'] as const) {
    const v = value[name];
    if (typeof v !== 'string' || v === '' || v.length > 128) return `user.${name} must be a text of 1 to 128 characters, received ${JSON.stringify(v ?? null)}`;
  }
  for (const name of USER_TEXT_FIELDS) {
    const v = value[name];
    if (v !== undefined && v !== null && (typeof v !== 'string' || v.length > 256)) return `user.${name} must be a text of at most 256 characters or null`;
  }
  return value as unknown as OAuthUserInput;
}

/**
 * The client of an admin call, or what is wrong with it (the secret is never repeated).
 * @example parseOAuthClientInput('c1', { clientSecret: 's' }) // { clientId: 'c1', clientSecret: 's' }
 */
export function parseOAuthClientInput(clientId: string, body: Readonly<Record<string, unknown>>): OAuthClientInput | string {
  if (!/^\S{1,128}$/.test(clientId)) return 'the clientId in the path must be 1 to 128 characters without spaces';
  const unknown = Object.keys(body).filter((k) => !['clientSecret', 'redirectUris', 'user'].includes(k));
  if (unknown.length > 0) return `unknown field ${unknown.join(', ')}: a client has clientSecret, redirectUris and user`;
  const { clientSecret, redirectUris, user } = body;
  if (typeof clientSecret !== 'string' || clientSecret.length > 256 || !SECRET.test(clientSecret)) {
    return 'clientSecret must be the plain secret: a single-line text of 1 to 256 characters without leading or trailing spaces';
  }
  if (redirectUris !== undefined && !(Array.isArray(redirectUris) && redirectUris.length <= 32 && redirectUris.every(isHttpUrl))) {
    return 'redirectUris must be a list of at most 32 absolute http(s) URLs without a #fragment (leave it out to allow any)';
  }
  const parsedUser = user === undefined ? undefined : parseUser(user);
  if (typeof parsedUser === 'string') return parsedUser;
  return {
    clientId,
    clientSecret,
    ...(redirectUris === undefined ? {} : { redirectUris: redirectUris as string[] }),
    ...(parsedUser === undefined ? {} : { user: parsedUser }),
  };
}
