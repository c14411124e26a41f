/**
 * Admin endpoints that make the marketplace call the seller, and the ones a run on another machine
 * (`koomock run --emulator-url`) writes through:
 *
 * - `POST /_koomock/send` `{activity, fields?, set?, sign?, order?, instance?, retry?, debug?, sellerUrl?}`:
 *   one signed call to the seller's production interface, judged like a scenario step.
 * - `POST /_koomock/exchanges/{id}/replay`: re-sends a journaled outbound call with a fresh signature
 *   (and a fresh businessId): the manual restart of a production interface message.
 * - `POST /_koomock/exchanges/{id}/sign`: the same call built and signed now, not sent (copy as curl).
 * - `GET /_koomock/runner/info`, `PUT /_koomock/runner/orders/{orderId}`,
 *   `PUT /_koomock/runner/instances/{instanceId}`, `POST /_koomock/runner/exchanges`.
 */
import { type Request, Router } from 'express';
import type { AttackName } from '../../core/checks/attack-names.js';
import { REPLAY_BREAKS, replayBreakAttack, replayBreaksFor } from '../../core/security/replay-breaks.js';
import { isKoomockError } from '../../core/errors.js';
import { ACTIVITY_NAMES } from '../../core/scenario/load/activities.js';
import type { SingleCallInput } from '../../core/scenario/load/single-call.js';
import type { KoomockConfig } from '../../config/types.js';
import type { JournaledCall } from '../../app/journal-sink.js';
import { parseSellerUrl } from '../../app/preflight.js';
import { signNow } from '../../app/sign-now.js';
import { forbidden, invalid, notFound } from './admin/errors.js';
import { parseWholeNumber, readJsonObject } from './admin/input.js';
import { parseRunnerExchange, parseRunnerInstance, parseRunnerOrder } from './admin/runner-input.js';
import type { EmulatorRuntime } from '../../app/emulator-runtime.js';
import { isObject } from '../../core/is-object.js';

const SEND_FIELDS = new Set(['activity', 'fields', 'set', 'sign', 'order', 'instance', 'retry', 'debug', 'sellerUrl']);

function optional<T>(body: Record<string, unknown>, name: string, test: (v: unknown) => v is T, expected: string): T | undefined {
  const v = body[name];
  if (v === undefined) return undefined;
  if (!test(v)) throw invalid(`${name} must be ${expected}, received ${JSON.stringify(v)?.slice(0, 80)}`);
  return v;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v !== '';
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isSignMap = (v: unknown): v is Record<string, string | null> => isObject(v) && Object.values(v).every((x) => x === null || typeof x === 'string');

/** The body of `POST /send` as a single call, and the seller URL it goes to. */
export function parseSendBody(body: Record<string, unknown>): { input: SingleCallInput; sellerUrl?: string } {
  const unknown = Object.keys(body).filter((k) => !SEND_FIELDS.has(k));
  if (unknown.length > 0) throw invalid(`unknown field ${unknown.join(', ')}: send takes ${[...SEND_FIELDS].join(', ')}`);
  const activity = body['activity'];
  if (typeof activity !== 'string' || !ACTIVITY_NAMES.includes(activity)) {
    throw invalid(`activity must be one of ${ACTIVITY_NAMES.join(', ')}, received ${JSON.stringify(activity ?? null)}`);
  }
  const fields = optional(body, 'fields', isObject, 'an object of builder fields, e.g. {"orderId":"MOCKPERIODYEARNEW"}');
  const set = optional(body, 'set', isObject, 'an object of body overrides (dotted paths, null deletes)');
  const sign = optional(body, 'sign', isSignMap, 'an object of signature parameters (a string replaces, null omits)');
  const order = optional(body, 'order', isString, 'an orderId');
  const instance = optional(body, 'instance', isString, 'an instanceId');
  const retry = optional(body, 'retry', isBoolean, 'true or false');
  const debug = optional(body, 'debug', isBoolean, 'true or false');
  const sellerUrl = optional(body, 'sellerUrl', isString, "the seller's production interface address");
  if (sellerUrl !== undefined) parseSellerUrl(sellerUrl, 'sellerUrl');
  return {
    input: {
      activity,
      ...(fields === undefined ? {} : { fields }),
      ...(set === undefined ? {} : { overrides: set }),
      ...(sign === undefined ? {} : { signOverrides: sign }),
      ...(order === undefined ? {} : { order }),
      ...(instance === undefined ? {} : { instance }),
      ...(retry === undefined ? {} : { retry }),
      ...(debug === undefined ? {} : { debug }),
    },
    ...(sellerUrl === undefined ? {} : { sellerUrl }),
  };
}

/** The same address, ignoring a trailing slash and the case of scheme and host. */
const sameUrl = (a: string, b: string | undefined): boolean => {
  if (b === undefined) return false;
  try {
    const norm = (u: string) => new URL(u).href.replace(/\/+$/, '');
    return norm(a) === norm(b);
  } catch {
    return false;
  }
};

const withSellerUrl = (config: KoomockConfig, url: string | undefined): KoomockConfig =>
  url === undefined ? config : { ...config, seller: { ...config.seller, productionUrl: url } };

async function send(runtime: EmulatorRuntime, req: Request, input: SingleCallInput, sellerUrl: string | undefined) {
  // Loaded on first use: the scenario engine and undici would otherwise cost every `koomock serve` start.
  const { sendFromEmulator } = await import('../../app/single-call.js');
  try {
    const run = await sendFromEmulator(runtime, input, { url: `${req.protocol}://${req.get('host') ?? ''}`, config: withSellerUrl(runtime.config, sellerUrl) });
    const scenario = run.report.scenarios[0];
    return {
      status: scenario?.status ?? 'failed',
      result: run.result ?? null,
      exchangeIds: scenario?.steps.flatMap((s) => s.attempts.flatMap((a) => (a.exchangeId === undefined ? [] : [a.exchangeId]))) ?? [],
      report: run.report,
    };
  } catch (e) {
    // The call could not be built (a missing field, a key not configured): the caller's input.
    if (isKoomockError(e)) throw invalid(e.message);
    throw e;
  }
}

/** The body of a replay: `{}` for a fresh signature, `{"break": "tamper" | "stale" | "wrong-key" | "replay"}`. */
function parseBreak(body: Record<string, unknown>): string | undefined {
  const extra = Object.keys(body).filter((k) => k !== 'break');
  if (extra.length > 0) throw invalid(`unknown field ${extra.join(', ')}: a replay takes only break`);
  const name = body['break'];
  if (name === undefined || name === null) return undefined;
  if (typeof name !== 'string' || !Object.hasOwn(REPLAY_BREAKS, name)) {
    throw invalid(`break must be one of ${Object.keys(REPLAY_BREAKS).join(', ')} (or absent for a fresh valid signature), received ${JSON.stringify(name)}`);
  }
  return name;
}

/** The attack a break sends for this call's family (a kit call's `stale` is `kit-timestamp-stale`). */
function breakAttack(how: string | undefined, call: JournaledCall, generation: 'v1' | 'v2'): AttackName | undefined {
  if (how === undefined) return undefined;
  const attack = replayBreakAttack(how, call.activity, call.generation ?? generation);
  if (attack === undefined) throw invalid(`break ${how} is not defined for ${call.activity}: use one of ${replayBreaksFor(call.activity, call.generation ?? generation).join(', ')}`);
  return attack;
}

/** The call a journaled outbound exchange was built from. */
function journaledCall(runtime: EmulatorRuntime, idText: string): JournaledCall {
  const id = parseWholeNumber('the exchange id', idText, 1, Number.MAX_SAFE_INTEGER);
  const exchange = runtime.store.getExchange(id);
  if (exchange === undefined) throw notFound(`exchange ${id} does not exist: list the journal with GET /_koomock/exchanges?direction=outbound`);
  const call = exchange.request['call'];
  if (exchange.direction !== 'outbound' || !isObject(call) || typeof call['activity'] !== 'string' || typeof call['url'] !== 'string') {
    throw invalid(`exchange ${id} is not a call koomock made to the seller: only outbound produce exchanges can be replayed`);
  }
  return call as unknown as JournaledCall;
}

/**
 * @example router.use(createAdminSendRouter(runtime));
 */
export function createAdminSendRouter(runtime: EmulatorRuntime, options: { readonly tokenSet?: boolean } = {}): Router {
  const router = Router({ caseSensitive: true });
  const { store } = runtime;
  // Without an admin token anyone who reaches the port could make koomock sign with the seller's
  // keys: calls then go only to the configured seller, never to an address named in the request.
  const allowUrl = (url: string | undefined, what: string): void => {
    if (url === undefined || options.tokenSet === true || sameUrl(url, runtime.config.seller.productionUrl)) return;
    throw forbidden(
      `${what} ${JSON.stringify(url.slice(0, 200))} is not the configured seller (seller.productionUrl): koomock signs calls to another address only when the admin API has a token (server.adminToken, --admin-token)`,
    );
  };

  router.post('/send', async (req, res) => {
    const { input, sellerUrl } = parseSendBody(readJsonObject(req));
    allowUrl(sellerUrl, 'sellerUrl');
    res.json(await send(runtime, req, input, sellerUrl));
  });

  router.post('/exchanges/:id/replay', async (req, res) => {
    const id = String(req.params['id']);
    const how = parseBreak(readJsonObject(req));
    const call = journaledCall(runtime, id);
    const attack = breakAttack(how, call, runtime.config.profile.generation);
    allowUrl(call.url, 'the journaled call went to');
    const input: SingleCallInput = {
      activity: call.activity,
      ...(call.fields === undefined ? {} : { fields: call.fields }),
      ...(call.overrides === undefined ? {} : { overrides: call.overrides }),
      ...(call.signOverrides === undefined ? {} : { signOverrides: call.signOverrides }),
      ...(call.debugFlag === undefined ? {} : { debug: call.debugFlag }),
      ...(call.generation === undefined ? {} : { generation: call.generation }),
      stepId: `replay-${id}`,
      ...(attack === undefined ? {} : { attack }),
    };
    res.json({ replayOf: Number(id), ...(await send(runtime, req, input, call.url)) });
  });

  router.post('/exchanges/:id/sign', (req, res) => {
    const call = journaledCall(runtime, String(req.params['id']));
    allowUrl(call.url, 'the journaled call went to');
    try {
      res.json(signNow(call, runtime.config, runtime.context.clock, runtime.context.random));
    } catch (e) {
      if (isKoomockError(e)) throw invalid(e.message);
      throw e;
    }
  });

  router.get('/runner/info', (_req, res) => {
    res.json({ sellerId: runtime.seller.id, catalog: runtime.config.catalog });
  });
  router.put('/runner/orders/:orderId', async (req, res) => {
    store.putOrder(parseRunnerOrder(readJsonObject(req), String(req.params['orderId'])));
    await store.durable();
    res.json({ stored: req.params['orderId'] });
  });
  router.put('/runner/instances/:instanceId', (req, res) => {
    store.putInstance(parseRunnerInstance(readJsonObject(req), String(req.params['instanceId'])));
    res.json({ stored: req.params['instanceId'] });
  });
  router.post('/runner/exchanges', (req, res) => {
    res.status(201).json({ id: store.appendExchange(parseRunnerExchange(readJsonObject(req))) });
  });
  return router;
}
