/**
 * What the HTTP front of the emulator is told at start, and where its admin API lives; shared by
 * the node:http front (app.ts) and the express app it loads for admin requests (admin-app.ts).
 */
import type { RunsSetup } from './admin/router.js';

export interface AppOptions {
  /** The address the server listens on; the admin API answers only requests addressed to it. */
  readonly listenHost: string;
  /** `server.adminToken`. */
  readonly adminToken?: string;
  /** Epoch ms the server started (health). */
  readonly startedAt?: number;
  /** Folders of the user's scenario files for the console. */
  readonly scenarioDirs?: readonly string[];
  /**
   * This listener stands for one platform host name (a second port for `mkt.myhuaweicloud.cn`):
   * every request counts as addressed to it, and the admin API is not served here.
   */
  readonly platformHost?: string;
  /** The suite over HTTP (`/_koomock/runs`). */
  readonly runs?: RunsSetup;
}

export const ADMIN_PREFIX = '/_koomock';

/** True for a request target under the admin prefix (`/_koomock`, `/_koomock/…`, `/_koomock?…`). */
export const isAdminPath = (target: string): boolean => target === ADMIN_PREFIX || target.startsWith(`${ADMIN_PREFIX}/`) || target.startsWith(`${ADMIN_PREFIX}?`);
