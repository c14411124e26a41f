/**
 * The route table of the fake Open APIs: one entry per operation. Express and msw register these
 * paths; every request still goes through `createOpenApi(ctx).handle()` (auth, journal, faults).
 */
import { fileUploadRoute } from './file-upload.js';
import { oauthAuthorizeRoute } from './oauth-authorize.js';
import { oauthLogoutRoute } from './oauth-logout.js';
import { oauthTokenRoute } from './oauth-token.js';
import { oauthUserinfoRoute } from './oauth-userinfo.js';
import { orderQueryRoute } from './order-query.js';
import type { OpenApiRoute } from './request-context.js';
import { usagePushRoute } from './usage-push.js';
import { usagePushLegacyRoute } from './usage-push-legacy.js';
import { usagePushOldRoute } from './usage-push-old.js';

export const OPEN_API_ROUTES: readonly OpenApiRoute[] = Object.freeze([
  orderQueryRoute,
  usagePushRoute,
  usagePushOldRoute,
  usagePushLegacyRoute,
  fileUploadRoute,
  oauthAuthorizeRoute,
  oauthTokenRoute,
  oauthUserinfoRoute,
  oauthLogoutRoute,
]);
