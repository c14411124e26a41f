/**
 * The `sso` step (docs/oauth.md): koomock plays the buyer's browser through the seller's single
 * sign-on. It opens `seller.loginUrl`, follows the seller's redirect to koomock's authorize endpoint
 * signed in as the order's buyer, brings the code back to the seller's callback, and reads from the
 * journal whether the seller exchanged the code and called userinfo. Then a second browser replays
 * the spent code, and the first logs out.
 */
import { checkCodeExchanged, checkCodeReuse, checkSession, checkUserinfo, OAUTH_AUTHORIZE, OAUTH_LOGIN_REDIRECT } from '../../checks/oauth-sso.js';
import type { Order } from '../../market/order.js';
import { SSO_USER_COOKIE, toGrantTag } from '../../openapi/oauth-common.js';
import type { CheckResult } from '../../result.js';
import type { OrderStepResult, SendStepResult, SsoStep } from '../load/model.js';
import type { ReportedCheck, StepReport } from './report.js';
import { type Browser, type BrowserAnswer, createBrowser, describeAnswer } from './sso-browser.js';
import { findCodeExchange, findUserinfo, flowSeen, wasRetried } from './sso-journal.js';
import { runLogout } from './sso-logout.js';
import { stepError, type ScenarioState } from './state.js';

const AUTHORIZE_PATH = '/api/v1/oauth2/authorize';

/** Where koomock is and what the seller must use: read once per step. */
interface SsoContext {
  readonly loginUrl: string;
  readonly koomockOrigins: ReadonlySet<string>;
  readonly clientId: string;
}

/** A redirect the seller made to koomock's authorize endpoint, read back. */
interface AuthorizeRequest {
  readonly url: string;
  readonly redirectUri: URL;
  readonly state?: string;
}

/** The authorize request in the seller's answer to its login URL, or why it is not one. */
function readAuthorize(answer: BrowserAnswer, ctx: SsoContext): AuthorizeRequest | string {
  const where = answer.location;
  if (where === undefined) return describeAnswer(answer);
  if (!ctx.koomockOrigins.has(where.origin) || where.pathname !== AUTHORIZE_PATH) return `${describeAnswer(answer)}, not koomock's authorize endpoint`;
  const q = where.searchParams;
  if (q.get('response_type') !== 'code') return `response_type is ${JSON.stringify(q.get('response_type') ?? '')}, not "code"`;
  if (q.get('client_id') !== ctx.clientId) return `client_id is ${JSON.stringify(q.get('client_id') ?? '')}, not the synced ${ctx.clientId}`;
  const redirect = q.get('redirect_uri');
  let redirectUri: URL | undefined;
  try {
    redirectUri = redirect === null ? undefined : new URL(redirect);
  } catch {
    redirectUri = undefined;
  }
  if (redirectUri === undefined) return 'redirect_uri is missing or not an absolute URL';
  const state = q.get('state');
  return { url: where.href, redirectUri, ...(state === null ? {} : { state }) };
}

/** Whether a callback answer starts a session: a page, or a redirect that is not back to signing in. */
function toCallbackAnswer(answer: BrowserAnswer, ctx: SsoContext, like?: BrowserAnswer): { session: boolean; answer: string } {
  const shown = describeAnswer(answer);
  const { result, location } = answer;
  if (result.kind !== 'response') return { session: false, answer: shown };
  if (result.status >= 200 && result.status < 300) return { session: like === undefined || like.location === undefined, answer: shown };
  if (location === undefined) return { session: false, answer: shown };
  const login = new URL(ctx.loginUrl);
  const backToLogin = ctx.koomockOrigins.has(location.origin) || (location.origin === login.origin && location.pathname === login.pathname);
  if (backToLogin) return { session: false, answer: shown };
  // A replay is judged against the login: only the same landing place counts as a session there.
  const same = like?.location === undefined ? like === undefined : like.location.origin === location.origin && like.location.pathname === location.pathname;
  return { session: same, answer: shown };
}

/** The buyer of the order as userinfo answers it (open-api.md §6.3), in the tenant koomock synced. */
function toBuyerUser(order: Order | undefined, tenant: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const buyer = order?.orderInfo.buyerInfo;
  const userId = buyer?.userId ?? buyer?.customerId ?? 'koomock-buyer';
  return {
    id: userId,
    userName: buyer?.userName ?? buyer?.customerName ?? 'koomock-buyer',
    name: buyer?.customerRealName ?? null,
    email: buyer?.email ?? null,
    mobile: buyer?.mobilePhone ?? null,
    role: null,
    organizationName: null,
    userId,
    organizationCode: null,
    projectName: typeof tenant['name'] === 'string' ? tenant['name'] : '',
    tenant: typeof tenant['tenantId'] === 'string' ? tenant['tenantId'] : '',
  };
}

const withTenant = (loginUrl: string, tenantId: string): string => {
  const url = new URL(loginUrl);
  if (tenantId !== '') url.searchParams.set('tenant', tenantId);
  return url.href;
};

/** The callback URL the authorize endpoint would send the browser to with this code. */
function toCallbackUrl(request: AuthorizeRequest, code: string, state: string | undefined): string {
  const url = new URL(request.redirectUri.href);
  url.searchParams.set('code', code);
  if (state !== undefined) url.searchParams.set('state', state);
  return url.href;
}

/** koomock's error_description from an authorize answer that was not a redirect, if it has one. */
function authorizeError(answer: BrowserAnswer): string {
  if (answer.result.kind !== 'response') return describeAnswer(answer);
  try {
    const body = JSON.parse(Buffer.from(answer.result.body).toString('utf8')) as { error?: unknown; error_description?: unknown };
    return `koomock answered ${describeAnswer(answer)} with ${String(body.error)}: ${String(body.error_description)}`.slice(0, 400);
  } catch {
    return describeAnswer(answer);
  }
}

interface Login {
  readonly checks: CheckResult[];
  /** Set when the seller's callback answered with a session after a good exchange. */
  readonly done?: { readonly code: string; readonly callback: BrowserAnswer };
}

async function login(browser: Browser, ctx: SsoContext, state: ScenarioState, userCookie: string): Promise<Login> {
  const openApi = state.deps.openApi;
  if (openApi === undefined) return { checks: [] };
  const mark = await openApi.mark();
  const first = await browser.get(ctx.loginUrl);
  const request = readAuthorize(first, ctx);
  const redirectExpected = `a redirect from ${ctx.loginUrl} to koomock's ${AUTHORIZE_PATH} with response_type=code, client_id=${ctx.clientId} and redirect_uri`;
  if (typeof request === 'string') return { checks: [{ id: OAUTH_LOGIN_REDIRECT, ok: false, expected: redirectExpected, received: request, hint: 'Send the browser to {domainName}/api/v1/oauth2/authorize?response_type=code&client_id=<clientId of applicationSync>&redirect_uri=<your callback, URL-encoded>&scope=get_user_info&state=<random>, with domainName from tenantSync.' }] };
  const checks: CheckResult[] = [{ id: OAUTH_LOGIN_REDIRECT, ok: true, expected: redirectExpected, received: describeAnswer(first) }];
  const authorized = await browser.get(request.url, userCookie);
  const back = authorized.location;
  const code = back?.searchParams.get('code') ?? undefined;
  const authorizeExpected = `a redirect to ${request.redirectUri.origin}${request.redirectUri.pathname} with a code`;
  if (back === undefined || code === undefined) {
    checks.push({ id: OAUTH_AUTHORIZE, ok: false, expected: authorizeExpected, received: authorizeError(authorized), hint: 'koomock refused the authorize request the seller built: fix what its error_description names.' });
    return { checks };
  }
  checks.push({ id: OAUTH_AUTHORIZE, ok: true, expected: authorizeExpected, received: describeAnswer(authorized) });
  const callback = await browser.get(back.href);
  const tag = toGrantTag('code', code);
  const exchanges = await openApi.readAfter(mark, (seen) => flowSeen(seen, tag));
  const exchange = findCodeExchange(exchanges, tag);
  checks.push(checkCodeExchanged(exchange));
  // Without an exchange there is no token to call userinfo with: that failure says it all.
  if (exchange.kind === 'exchanged') checks.push(checkUserinfo(findUserinfo(exchanges, exchange.accessTag)));
  const answer = toCallbackAnswer(callback, ctx);
  checks.push(checkSession(answer));
  return answer.session && exchange.kind === 'exchanged' ? { checks, done: { code, callback } } : { checks };
}

/** A second browser starts its own login and brings the spent code to the callback with its own state. */
async function replayCode(ctx: SsoContext, state: ScenarioState, spent: { code: string; callback: BrowserAnswer }): Promise<CheckResult> {
  const { openApi } = state.deps;
  const browser = createBrowser(state.deps.transport, state.profile.callTimeoutMs);
  const mark = (await openApi?.mark()) ?? 0;
  const request = readAuthorize(await browser.get(ctx.loginUrl), ctx);
  if (typeof request === 'string') return checkCodeReuse({ session: false, answer: request }, false);
  const replay = await browser.get(toCallbackUrl(request, spent.code, request.state));
  const exchanges = (await openApi?.readAfter(mark)) ?? [];
  return checkCodeReuse(toCallbackAnswer(replay, ctx, spent.callback), wasRetried(exchanges, toGrantTag('code', spent.code)));
}

const stepResult = (step: SsoStep, checks: readonly CheckResult[], status?: StepReport['status']): { report: StepReport; checks: ReportedCheck[] } => ({
  report: { id: step.id, title: step.title, status: status ?? (checks.every((c) => c.ok) ? 'passed' : 'failed'), attempts: [] },
  checks: checks.map((c) => ({ ...c, step: step.id })),
});

/**
 * @example
 *   const { report, checks } = await runSsoStep(step, state); // checks: oauth.login-redirect, oauth.authorize, oauth.code-exchanged, …
 */
export async function runSsoStep(step: SsoStep, state: ScenarioState): Promise<{ report: StepReport; checks: ReportedCheck[] }> {
  const { deps, scenario } = state;
  if (deps.openApi === undefined) throw stepError(scenario, step, "this run has no OAuth endpoints to sign in at", 'run the scenario with koomock run, which serves them');
  if (deps.sso === undefined) throw stepError(scenario, step, 'no seller.loginUrl is configured', "set seller.loginUrl to the seller's single sign-on entry");
  const order = state.results[step.order] as OrderStepResult | undefined;
  const tenant = (state.results[step.tenant] as SendStepResult | undefined)?.request;
  const app = (state.results[step.application] as SendStepResult | undefined)?.request;
  // An earlier step did not run or failed: its own checks already say why.
  if (order === undefined || tenant === undefined || typeof app?.['clientId'] !== 'string') return stepResult(step, [], 'skipped');
  const hosts = await deps.openApi.hosts();
  const ctx: SsoContext = {
    loginUrl: withTenant(deps.sso.loginUrl, typeof tenant['tenantId'] === 'string' ? tenant['tenantId'] : ''),
    koomockOrigins: new Set(Object.values(hosts).map((u) => new URL(u).origin)),
    clientId: app['clientId'],
  };
  const userCookie = `${SSO_USER_COOKIE}=${Buffer.from(JSON.stringify(toBuyerUser(state.orders.get(order.orderId), tenant))).toString('base64url')}`;
  const browser = createBrowser(deps.transport, state.profile.callTimeoutMs);
  const signedIn = await login(browser, ctx, state, userCookie);
  const checks = [...signedIn.checks];
  if (signedIn.done !== undefined && step.reuse) checks.push(await replayCode(ctx, state, signedIn.done));
  if (signedIn.done !== undefined && step.logout && deps.sso.logoutUrl !== undefined) checks.push(await runLogout(browser, deps.sso.logoutUrl, ctx.koomockOrigins, userCookie));
  return stepResult(step, checks);
}
