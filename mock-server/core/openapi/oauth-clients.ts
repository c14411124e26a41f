/**
 * The OAuth clients the fake OneAccess knows (open-api.md §6, docs/fidelity.md#d29). In the real flow the marketplace
 * hands the seller `clientId`/`clientSecret` through applicationSync; koomock takes them from its
 * config or the admin API, which build a directory with `createOAuthClientDirectory`.
 */

/** The userinfo answer (open-api.md §6.3): who signs in through this client. */
export interface OAuthUserInfo {
  readonly id: string;
  readonly userName: string;
  readonly name: string | null;
  readonly email: string | null;
  readonly mobile: string | null;
  readonly role: string | null;
  readonly organizationName: string | null;
  readonly userId: string;
  readonly organizationCode: string | null;
  /** The tenant's name. */
  readonly projectName: string;
  /** The tenant id. */
  readonly tenant: string;
}

export interface OAuthClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Exact redirect URIs allowed; when empty or absent, any absolute http(s) URL is allowed. */
  readonly redirectUris?: readonly string[];
  /** The user every authorize call of this client signs in as (no login page in the emulator). */
  readonly user?: OAuthUserInfo;
}

export interface OAuthClientDirectory {
  byId(clientId: string): OAuthClient | undefined;
}

/**
 * The clients a running emulator knows, changed at run time: applicationSync registers the client it
 * sends, the admin API adds and removes clients, `reset` goes back to the configured ones.
 */
export interface OAuthClientRegistry extends OAuthClientDirectory {
  /** Adds the client or replaces the one with its clientId. */
  put(client: OAuthClient): void;
  /** True when a client was removed. */
  remove(clientId: string): boolean;
  /** Every client, in the order they were added. */
  list(): readonly OAuthClient[];
  /** Back to the clients it was created with. */
  reset(): void;
}

/** The user of clients that name none; values are invented, field names are the docs'. */
export const DEFAULT_OAUTH_USER: OAuthUserInfo = Object.freeze({
  id: '20220101000000123',
  userName: 'zhangsan',
  name: '张三',
  email: 'zhangsan@example.com',
  mobile: '13800000000',
  role: 'user',
  organizationName: '研发部',
  userId: '20220101000000123',
  organizationCode: 'RD001',
  projectName: 'koomocktenant',
  tenant: '68cbc86e0a1b4c2d9e3f5a7b8c9d0e1f',
});

/**
 * A directory over a fixed list of clients.
 * @example
 *   const oauthClients = createOAuthClientDirectory([{ clientId: 'app-1', clientSecret: 's3cret' }]);
 *   createOpenApi({ ...ctx, oauthClients });
 * @internal Exported for the tests.
 */
export function createOAuthClientDirectory(clients: readonly OAuthClient[]): OAuthClientDirectory {
  return { byId: (clientId) => clients.find((c) => c.clientId === clientId) };
}

/**
 * A registry starting from `initial` (the configured clients).
 * @example
 *   const oauthClients = createOAuthClientRegistry(config.oauth.clients);
 *   oauthClients.put({ clientId: 'kit-client-1', clientSecret: 'plain secret' });
 */
export function createOAuthClientRegistry(initial: readonly OAuthClient[]): OAuthClientRegistry {
  const clients = new Map<string, OAuthClient>();
  const reset = (): void => {
    clients.clear();
    for (const c of initial) clients.set(c.clientId, c);
  };
  reset();
  return {
    byId: (clientId) => clients.get(clientId),
    put: (client) => void clients.set(client.clientId, client),
    remove: (clientId) => clients.delete(clientId),
    list: () => [...clients.values()],
    reset,
  };
}
