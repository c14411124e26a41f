import { randomBytes } from 'node:crypto';
import type { AppInfo } from './instances.js';
import { findExtendParam, type OrderInfo, type OrderLine } from './order.js';

/**
 * The demo "product": provisioning an instance means minting login details. A real seller creates
 * a tenant, a database, DNS, ... here, and that is why slow provisioning must run in the
 * background behind a 000004 answer.
 * @example
 *   createAppInfo('inst-1', 'https://saas.example.com').frontEndUrl; // 'https://saas.example.com/app/inst-1'
 */
export function createAppInfo(instanceId: string, appBaseUrl: string): AppInfo {
  const id = encodeURIComponent(instanceId);
  return {
    frontEndUrl: `${appBaseUrl}/app/${id}`,
    adminUrl: `${appBaseUrl}/admin/${id}`,
    userName: `admin_${randomBytes(4).toString('hex')}`,
    // Upper, lower, digit and symbol, so it passes typical password policies.
    password: `Aa1!${randomBytes(12).toString('base64url')}`,
    memo: '欢迎使用 Welcome: sign in with the account above and change the password.',
  };
}

/** How to provision one order line. */
export interface ProvisioningPlan {
  /** Answer 000004 at once and finish in the background. */
  readonly async: boolean;
  readonly provisionDelayMs: number;
  /** Hold the first answer this long (lets a test watch the marketplace give up and re-send). */
  readonly responseDelayMs: number;
}

const MAX_DELAY_MS = 10 * 60_000;

function readDelay(value: string | undefined, fallback: number): number {
  if (value === undefined || !/^\d{1,9}$/.test(value)) return fallback;
  return Math.min(Number(value), MAX_DELAY_MS);
}

/**
 * Test hooks for koomock: the order's extendParams may carry
 * `koomock.provisioning=async`, `koomock.provisionDelayMs=<ms>` and `koomock.responseDelayMs=<ms>`.
 * A real seller decides sync vs async from its own provisioning time instead.
 * @example
 *   readProvisioningPlan(order, line, 200); // { async: false, provisionDelayMs: 200, responseDelayMs: 0 }
 */
export function readProvisioningPlan(order: OrderInfo, line: OrderLine, defaultProvisionDelayMs: number): ProvisioningPlan {
  return {
    async: findExtendParam(order, line, 'koomock.provisioning') === 'async',
    provisionDelayMs: readDelay(findExtendParam(order, line, 'koomock.provisionDelayMs'), defaultProvisionDelayMs),
    responseDelayMs: readDelay(findExtendParam(order, line, 'koomock.responseDelayMs'), 0),
  };
}
