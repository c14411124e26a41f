import { EVERY_ATTACK_NAME as ATTACK_NAMES, securityCheckId } from './attack-names.js';
import { ATTACK_TEXTS } from './attack-texts.js';
import { BODY_JSON } from './body-json.js';
import { BODY_OBJECT } from './body-object.js';
import { BODY_SIZE } from './body-size.js';
import { HTTP_CONTENT_TYPE } from './http-content-type.js';
import { HTTP_PROTOCOL } from './http-protocol.js';
import { HTTP_REDIRECT } from './http-redirect.js';
import { HTTP_STATUS } from './http-status.js';
import { INSTANCE_DISTINCT } from './instance-distinct.js';
import { INSTANCE_IDEMPOTENT } from './instance-idempotent.js';
import { INSTANCE_RELEASED } from './instance-released.js';
import { ORDER_OUTCOME } from './order-outcome.js';
import { OPENAPI_SIGNATURE } from './openapi-signature.js';
import { ORDER_QUERIED } from './order-queried.js';
import { MARKET_TIMEOUT } from './market-timeout.js';
import { POLL_APPINFO } from './poll-appinfo.js';
import { RESPONSE_APPINFO } from './response-appinfo.js';
import { RESPONSE_INSTANCES } from './response-instances.js';
import { RESPONSE_MEMO } from './response-memo.js';
import { RESPONSE_BODY_SIGN } from './response-body-sign.js';
import { RESPONSE_SCHEMA } from './response-schema.js';
import { RESULT_CODE } from './result-code.js';
import { TRANSPORT_REACHABLE } from './transport-reachable.js';
import { TRANSPORT_RESET } from './transport-reset.js';
import { TRANSPORT_TIMEOUT } from './transport-timeout.js';
import { USAGE_PUSHED } from './usage-pushed.js';
import { OAUTH_CHECKS } from './oauth-sso.js';
import { AGENT_CHECKS } from '../agent/checks.js';

/** Every `security.*` check id with what it verifies. */
const SECURITY_CHECKS: Readonly<Record<string, string>> = Object.fromEntries(ATTACK_NAMES.map((a) => [securityCheckId(a), ATTACK_TEXTS[a].title]));

/** Every check id koomock's produce side reports, with what it verifies (docs/checks.md has the long form). */
export const CHECKS: Readonly<Record<string, string>> = {
  [TRANSPORT_REACHABLE]: 'the production address accepts the connection',
  [TRANSPORT_TIMEOUT]: 'the whole answer arrives within the call timeout',
  [TRANSPORT_RESET]: 'the connection stays open until the whole answer has arrived',
  [HTTP_PROTOCOL]: 'the answer is well-formed HTTP/1.1',
  [HTTP_REDIRECT]: 'the answer is not a redirect (3xx is not followed)',
  [HTTP_STATUS]: 'the answer is HTTP 200',
  [HTTP_CONTENT_TYPE]: 'the answer is application/json',
  [BODY_SIZE]: 'the body is at most 1 MiB',
  [BODY_JSON]: 'the body is UTF-8 JSON',
  [BODY_OBJECT]: 'the JSON is an object',
  [RESPONSE_SCHEMA]: "the body matches the activity's response schema",
  [RESULT_CODE]: 'resultCode is 000000 (newInstance: or 000004; changeInstanceCheck: any code refuses the change)',
  [RESPONSE_BODY_SIGN]: 'the Body-Sign header is valid (V1: required; V2: optional, a wrong one warns)',
  [RESPONSE_APPINFO]: 'V1 appInfo userName/password decrypt with the V1 key',
  [RESPONSE_MEMO]: 'appInfo.memo writes non-ASCII characters as \\uXXXX escapes',
  [INSTANCE_IDEMPOTENT]: 'a re-sent newInstance returns the first instanceId',
  [INSTANCE_DISTINCT]: 'different order lines / on-demand products get different instances',
  [INSTANCE_RELEASED]: 'queryInstance does not return a released or unknown instance',
  [ORDER_QUERIED]: 'the seller fetched the order through the order query',
  [ORDER_OUTCOME]: 'the order ended in the expected state',
  [RESPONSE_INSTANCES]: 'queryInstance lists every queried instance in info[]',
  [POLL_APPINFO]: 'the instance polled after 000004 comes with appInfo (a warning when not)',
  [MARKET_TIMEOUT]: 'koomock dropped this answer on purpose: a marketplace-side timeout, then a retry',
  [USAGE_PUSHED]: 'the seller pushed usage for its on-demand instance and the marketplace accepted it',
  [OPENAPI_SIGNATURE]: "the seller's Open API calls during the step passed signature verification",
  'run.deadline': "the scenario ran before the run's deadline (--deadline)",
  ...SECURITY_CHECKS,
  ...OAUTH_CHECKS,
  ...AGENT_CHECKS,
};

export const CHECK_IDS: readonly string[] = Object.keys(CHECKS);
