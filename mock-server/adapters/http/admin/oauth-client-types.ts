/** Answers of `/_koomock/oauth/clients` (docs/admin-api.md), shared by the router and the typed client. */
import type { OAuthClient } from '../../../core/openapi/oauth-clients.js';

/** A client as listed: everything but the secret. */
export interface OAuthClientView {
  readonly clientId: string;
  readonly redirectUris: readonly string[] | null;
  readonly user: OAuthClient['user'] | null;
}

export interface OAuthClientList {
  readonly clients: readonly OAuthClientView[];
}
