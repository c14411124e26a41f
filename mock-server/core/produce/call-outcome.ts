import type { CheckResult } from '../result.js';
import type { AttemptRecord } from './attempt.js';

/**
 * How a call ended: success; `refused`, a definitive answer that is not a failure of the call
 * (changeInstanceCheck refusing a change; newInstance 000100-000107 under `definitiveCodes: final`);
 * or what the marketplace does when its retries run out (docs/fidelity.md#d14, #answer-rules-and-timing).
 */
export type CallFinal = 'success' | 'refused' | 'order-failed' | 'production-interface-message';

/** newInstance/upgradeInstance gave up: the caller marks the order FAILED, unsubscribes it and records a refund. */
export interface OrderFailure {
  readonly kind: 'order-failed';
  readonly activity: string;
  readonly orderId?: string;
  readonly orderLineId?: string;
  readonly orderState: 'FAILED';
  readonly autoUnsubscribed: true;
  readonly refund: true;
  readonly reason: string;
  /** Virtual time of the decision. */
  readonly at: number;
}

/** Any other call gave up: listed under 生产接口消息 (production interface messages) for a manual restart. */
export interface ProductionInterfaceMessage {
  readonly kind: 'production-interface-message';
  readonly activity: string;
  readonly orderId?: string;
  readonly orderLineId?: string;
  readonly instanceId?: string;
  readonly reason: string;
  readonly attempts: number;
  readonly at: number;
}

export interface CallOutcome {
  readonly activity: string;
  /** Every attempt in order, including the queryInstance polls after a 000004. */
  readonly attempts: readonly AttemptRecord[];
  readonly final: CallFinal;
  readonly instanceId?: string;
  /** `appInfo` as the seller sent it (V1: still encrypted). */
  readonly appInfo?: Readonly<Record<string, unknown>>;
  /** Set when `final` is `order-failed`: data for the caller to apply to the order. */
  readonly orderFailure?: OrderFailure;
  /** Set when `final` is `production-interface-message`. */
  readonly interfaceMessage?: ProductionInterfaceMessage;
  /** Set when koomock stopped retrying early (identical transport failures): how the platform would have gone on. */
  readonly stoppedEarly?: string;
  /** Virtual time the call started and ended (for `order.queried`). */
  readonly startedAt: number;
  readonly endedAt: number;
}

/** The failing checks of an attempt in one line: `http.status: expected 200, received 500; …`. */
export function summariseFailure(checks: readonly CheckResult[]): string {
  const failed = checks.filter((c) => !c.ok && c.severity !== 'warn');
  if (failed.length === 0) return 'no check failed';
  return failed.map((c) => `${c.id}: expected ${c.expected ?? '?'}, received ${c.received ?? '?'}`).join('; ');
}
