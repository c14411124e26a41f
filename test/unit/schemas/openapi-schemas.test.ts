import { describe, expect, test } from 'vitest';
import { APIG_ERRORS } from '../../../mock-server/core/openapi/error-codes.js';
import {
  chars,
  DEFS_ONLY,
  type Edit,
  fixture,
  fixtures,
  registry,
  removeAt,
  renameAt,
  repeatFirstAt,
  schemaFiles,
  setAt,
  violationsOf,
} from './openapi-fixtures.js';

// --- schema files -----------------------------------------------------------------------------------------------

describe('Open API schema files', () => {
  test('the folders hold every operation schema and the four envelopes', () => {
    expect(schemaFiles.map((f) => f.path).sort()).toEqual([
      'common/envelopes/apig-error.schema.json',
      'common/envelopes/error-envelope.schema.json',
      'common/envelopes/oauth-error.schema.json',
      'common/envelopes/result-envelope.schema.json',
      'openapi/common-defs.schema.json',
      'openapi/file-upload.request.schema.json',
      'openapi/file-upload.response.schema.json',
      'openapi/oauth-token.request.schema.json',
      'openapi/oauth-token.response.schema.json',
      'openapi/oauth-userinfo.request.schema.json',
      'openapi/oauth-userinfo.response.schema.json',
      'openapi/order-query.request.schema.json',
      'openapi/order-query.response.schema.json',
      'openapi/usage-push-legacy.request.schema.json',
      'openapi/usage-push-legacy.response.schema.json',
      'openapi/usage-push-old.request.schema.json',
      'openapi/usage-push-old.response.schema.json',
      'openapi/usage-push.request-headers.schema.json',
      'openapi/usage-push.request.schema.json',
      'openapi/usage-push.response.schema.json',
    ]);
  });

  test.for(schemaFiles.map((f) => [f.path, f] as const))('%s declares draft 2020-12 and $id = its path', ([path, f]) => {
    expect(f.schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(f.schema.$id).toBe(path);
  });

  test.for(schemaFiles.map((f) => f.path))('%s compiles in strict mode', (path) => {
    // Ajv compiles lazily; the first validate throws on unknown keywords or unresolved $refs.
    expect(() => registry.validate(path, null)).not.toThrow();
  });

  test.for(schemaFiles.map((f) => f.path).filter((p) => !DEFS_ONLY.has(p)))('%s has at least one example fixture', (path) => {
    expect([...fixtures.values()].some((f) => f.schemas.includes(path))).toBe(true);
  });
});

// --- examples ---------------------------------------------------------------------------------------------------

describe('every example payload validates', () => {
  const rows = [...fixtures].flatMap(([name, f]) => f.schemas.map((schema) => [name, schema] as const));

  test.for(rows)('%s against %s', ([name, schema]) => {
    expect(violationsOf(registry.validate(schema, fixture(name)))).toEqual([]);
  });

  test.for([...fixtures].filter(([, f]) => f.origin === 'completed').map(([name, f]) => [name, f] as const))(
    '%s says what it filled in',
    ([, f]) => {
      expect(f.note ?? '').not.toBe('');
    },
  );
});

interface Row {
  readonly schema: string;
  readonly from: string;
  readonly edit: Edit;
}

interface NegativeRow extends Row {
  /** Every violation expected, as [JSON pointer, rule]; one unless the mistake is two (a rename in a closed object). */
  readonly expected: readonly (readonly [string, string])[];
}

const OQ_REQ = 'openapi/order-query.request.schema.json';
const OQ_RES = 'openapi/order-query.response.schema.json';
const UP_REQ = 'openapi/usage-push.request.schema.json';
const UP_HDR = 'openapi/usage-push.request-headers.schema.json';
const UP_RES = 'openapi/usage-push.response.schema.json';
const OLD_REQ = 'openapi/usage-push-old.request.schema.json';
const LEG_REQ = 'openapi/usage-push-legacy.request.schema.json';
const FU_REQ = 'openapi/file-upload.request.schema.json';
const TOK_REQ = 'openapi/oauth-token.request.schema.json';
const TOK_RES = 'openapi/oauth-token.response.schema.json';
const UI_REQ = 'openapi/oauth-userinfo.request.schema.json';
const UI_RES = 'openapi/oauth-userinfo.response.schema.json';
const RESULT = 'common/envelopes/result-envelope.schema.json';
const ERROR = 'common/envelopes/error-envelope.schema.json';
const APIG = 'common/envelopes/apig-error.schema.json';
const OAUTH_ERR = 'common/envelopes/oauth-error.schema.json';

const ORDER = 'order-query-response-mockperiodyearnew';
const LINE = '/orderInfo/orderLine/0';
const REC = '/usage_records/0';

describe('a message broken in one place is rejected at that place', () => {
  const rows: [string, NegativeRow][] = [
    // order query request
    ['order query without orderId', { schema: OQ_REQ, from: 'order-query-request-doc', edit: removeAt('/orderId'), expected: [['/orderId', 'required']] }],
    ['orderId of 65 characters', { schema: OQ_REQ, from: 'order-query-request-doc', edit: setAt('/orderId', chars(65)), expected: [['/orderId', 'maxLength']] }],
    ['empty orderLineId', { schema: OQ_REQ, from: 'order-query-request-doc', edit: setAt('/orderLineId', ''), expected: [['/orderLineId', 'minLength']] }],
    // order query response
    ['orderType BUY', { schema: OQ_RES, from: ORDER, edit: setAt('/orderInfo/orderType', 'BUY'), expected: [['/orderInfo/orderType', 'enum']] }],
    ['customerId in upper-case hex', { schema: OQ_RES, from: ORDER, edit: setAt('/orderInfo/buyerInfo/customerId', '459BBBEC25D24749B2EB83BE37B602A8'), expected: [['/orderInfo/buyerInfo/customerId', 'pattern']] }],
    ['customerId of 31 hex digits', { schema: OQ_RES, from: ORDER, edit: setAt('/orderInfo/buyerInfo/customerId', '459bbbec25d24749b2eb83be37b602a'), expected: [['/orderInfo/buyerInfo/customerId', 'pattern']] }],
    ['createTime with milliseconds (17 digits)', { schema: OQ_RES, from: ORDER, edit: setAt('/orderInfo/createTime', '20241121090846123'), expected: [['/orderInfo/createTime', 'pattern']] }],
    ['createTime in month 13', { schema: OQ_RES, from: ORDER, edit: setAt('/orderInfo/createTime', '20241321090846'), expected: [['/orderInfo/createTime', 'pattern']] }],
    ['chargingMode MONTHLY', { schema: OQ_RES, from: ORDER, edit: setAt(`${LINE}/chargingMode`, 'MONTHLY'), expected: [[`${LINE}/chargingMode`, 'enum']] }],
    ['periodNumber as a string', { schema: OQ_RES, from: ORDER, edit: setAt(`${LINE}/periodNumber`, '1'), expected: [[`${LINE}/periodNumber`, 'type']] }],
    ['periodType YEAR', { schema: OQ_RES, from: ORDER, edit: setAt(`${LINE}/periodType`, 'YEAR'), expected: [[`${LINE}/periodType`, 'enum']] }],
    ['currency as a number', { schema: OQ_RES, from: ORDER, edit: setAt(`${LINE}/currency`, 100), expected: [[`${LINE}/currency`, 'type']] }],
    ['linearValue as a string', { schema: OQ_RES, from: ORDER, edit: setAt(`${LINE}/productInfo/0/linearValue`, '50'), expected: [[`${LINE}/productInfo/0/linearValue`, 'type']] }],
    ['PERIOD line without expireTime', { schema: OQ_RES, from: ORDER, edit: removeAt(`${LINE}/expireTime`), expected: [[`${LINE}/expireTime`, 'required']] }],
    ['line without productInfo', { schema: OQ_RES, from: ORDER, edit: removeAt(`${LINE}/productInfo`), expected: [[`${LINE}/productInfo`, 'required']] }],
    ['extendParams value as a number', { schema: OQ_RES, from: ORDER, edit: setAt(`${LINE}/extendParams/1/value`, 127), expected: [[`${LINE}/extendParams/1/value`, 'type']] }],
    ['no order lines', { schema: OQ_RES, from: ORDER, edit: setAt('/orderInfo/orderLine', []), expected: [['/orderInfo/orderLine', 'minItems']] }],
    ['createdTime instead of createTime', { schema: OQ_RES, from: ORDER, edit: renameAt('/orderInfo/createTime', 'createdTime'), expected: [['/orderInfo/createTime', 'required'], ['/orderInfo', 'additionalProperties']] }],
    ['an unknown field in orderInfo', { schema: OQ_RES, from: ORDER, edit: setAt('/orderInfo/orderLineItems', []), expected: [['/orderInfo', 'additionalProperties']] }],
    ['buyerInfo without the email key', { schema: OQ_RES, from: ORDER, edit: removeAt('/orderInfo/buyerInfo/email'), expected: [['/orderInfo/buyerInfo/email', 'required']] }],
    ['customerType as a string', { schema: OQ_RES, from: ORDER, edit: setAt('/orderInfo/buyerInfo/customerType', '0'), expected: [['/orderInfo/buyerInfo/customerType', 'type']] }],
    ['success without orderInfo', { schema: OQ_RES, from: ORDER, edit: removeAt('/orderInfo'), expected: [['/orderInfo', 'required']] }],
    ['an error code with orderInfo', { schema: OQ_RES, from: ORDER, edit: setAt('/resultCode', 'MKT.0101'), expected: [['/orderInfo', 'false schema']] }],
    ['resultCode without the MKT prefix', { schema: OQ_RES, from: 'order-query-response-unknown-order', edit: setAt('/resultCode', '0101'), expected: [['/resultCode', 'pattern']] }],
    ['resultMsg of 1025 characters', { schema: OQ_RES, from: 'order-query-response-unknown-order', edit: setAt('/resultMsg', chars(1025)), expected: [['/resultMsg', 'maxLength']] }],
    // usage push (new API) body
    ['1001 usage records', { schema: UP_REQ, from: 'usage-push-request-vector', edit: repeatFirstAt('/usage_records', 1001), expected: [['/usage_records', 'maxItems']] }],
    ['no usage records', { schema: UP_REQ, from: 'usage-push-request-vector', edit: setAt('/usage_records', []), expected: [['/usage_records', 'minItems']] }],
    ['usage_value "0"', { schema: UP_REQ, from: 'usage-push-request-vector', edit: setAt(`${REC}/usage_value`, '0'), expected: [[`${REC}/usage_value`, 'pattern']] }],
    ['usage_value "0.0000"', { schema: UP_REQ, from: 'usage-push-request-vector', edit: setAt(`${REC}/usage_value`, '0.0000'), expected: [[`${REC}/usage_value`, 'pattern']] }],
    ['usage_value with 5 decimals', { schema: UP_REQ, from: 'usage-push-request-vector', edit: setAt(`${REC}/usage_value`, '1.23456'), expected: [[`${REC}/usage_value`, 'pattern']] }],
    ['negative usage_value', { schema: UP_REQ, from: 'usage-push-request-vector', edit: setAt(`${REC}/usage_value`, '-1'), expected: [[`${REC}/usage_value`, 'pattern']] }],
    ['usage_value in exponent notation', { schema: UP_REQ, from: 'usage-push-request-vector', edit: setAt(`${REC}/usage_value`, '1e3'), expected: [[`${REC}/usage_value`, 'pattern']] }],
    ['usage_value as a number', { schema: UP_REQ, from: 'usage-push-request-vector', edit: setAt(`${REC}/usage_value`, 99), expected: [[`${REC}/usage_value`, 'type']] }],
    ['usage_value of 21 characters', { schema: UP_REQ, from: 'usage-push-request-vector', edit: setAt(`${REC}/usage_value`, `${'9'.repeat(16)}.1234`), expected: [[`${REC}/usage_value`, 'maxLength']] }],
    ['begin_time in ISO 8601 extended format', { schema: UP_REQ, from: 'usage-push-request-vector', edit: setAt(`${REC}/begin_time`, '2024-11-21T08:00:00Z'), expected: [[`${REC}/begin_time`, 'pattern']] }],
    ['end_time without the Z', { schema: UP_REQ, from: 'usage-push-request-vector', edit: setAt(`${REC}/end_time`, '20241121T090000'), expected: [[`${REC}/end_time`, 'pattern']] }],
    ['record_time as epoch millis', { schema: UP_REQ, from: 'usage-push-request-vector', edit: setAt(`${REC}/record_time`, '1732180500000'), expected: [[`${REC}/record_time`, 'pattern']] }],
    ['metering_sn of 65 characters', { schema: UP_REQ, from: 'usage-push-request-vector', edit: setAt(`${REC}/metering_sn`, chars(65)), expected: [[`${REC}/metering_sn`, 'maxLength']] }],
    ['no metering_sn', { schema: UP_REQ, from: 'usage-push-request-vector', edit: removeAt(`${REC}/metering_sn`), expected: [[`${REC}/metering_sn`, 'required']] }],
    ['instance_id of 65 characters', { schema: UP_REQ, from: 'usage-push-request-vector', edit: setAt(`${REC}/instance_id`, chars(65)), expected: [[`${REC}/instance_id`, 'maxLength']] }],
    ['relate_pkg_instance of 65 characters', { schema: UP_REQ, from: 'usage-push-request-vector', edit: setAt(`${REC}/relate_pkg_instance`, chars(65)), expected: [[`${REC}/relate_pkg_instance`, 'maxLength']] }],
    ['camelCase instanceId in the new API', { schema: UP_REQ, from: 'usage-push-request-vector', edit: renameAt(`${REC}/instance_id`, 'instanceId'), expected: [[`${REC}/instance_id`, 'required']] }],
    // usage push signature headers
    ['no signature header', { schema: UP_HDR, from: 'usage-push-request-headers-vector', edit: removeAt('/signature'), expected: [['/signature', 'required']] }],
    ['signature of 1001 characters', { schema: UP_HDR, from: 'usage-push-request-headers-vector', edit: setAt('/signature', chars(1001)), expected: [['/signature', 'maxLength']] }],
    ['ts in seconds with a fraction', { schema: UP_HDR, from: 'usage-push-request-headers-vector', edit: setAt('/ts', '1732180500.000'), expected: [['/ts', 'pattern']] }],
    ['ts of 21 digits', { schema: UP_HDR, from: 'usage-push-request-headers-vector', edit: setAt('/ts', '1'.repeat(21)), expected: [['/ts', 'pattern']] }],
    ['nonce of 65 characters', { schema: UP_HDR, from: 'usage-push-request-headers-vector', edit: setAt('/nonce', chars(65)), expected: [['/nonce', 'maxLength']] }],
    ['empty nonce', { schema: UP_HDR, from: 'usage-push-request-headers-vector', edit: setAt('/nonce', ''), expected: [['/nonce', 'minLength']] }],
    // error_code/error_msg envelope
    ['error_code without the dot', { schema: UP_RES, from: 'usage-push-response-success', edit: setAt('/error_code', 'MKT0000'), expected: [['/error_code', 'pattern']] }],
    ['error_code of the produce API', { schema: ERROR, from: 'usage-push-response-success', edit: setAt('/error_code', '000000'), expected: [['/error_code', 'pattern']] }],
    ['no error_msg', { schema: UP_RES, from: 'usage-push-response-success', edit: removeAt('/error_msg'), expected: [['/error_msg', 'required']] }],
    ['resultCode naming in the error envelope', { schema: ERROR, from: 'usage-push-response-success', edit: renameAt('/error_code', 'resultCode'), expected: [['/error_code', 'required'], ['', 'additionalProperties']] }],
    ['extra_info as a number', { schema: ERROR, from: 'usage-push-response-too-many-records', edit: setAt('/extra_info', 1001), expected: [['/extra_info', 'type']] }],
    ['error_msg of 1025 characters', { schema: 'openapi/file-upload.response.schema.json', from: 'file-upload-response-success', edit: setAt('/error_msg', chars(1025)), expected: [['/error_msg', 'maxLength']] }],
    // usage push (old API)
    ['old API: negative number usage_value', { schema: OLD_REQ, from: 'usage-push-old-request-doc', edit: setAt(`${REC}/usage_value`, -1), expected: [[`${REC}/usage_value`, 'exclusiveMinimum']] }],
    ['old API: usage_value with 5 decimals', { schema: OLD_REQ, from: 'usage-push-old-request-doc', edit: setAt(`${REC}/usage_value`, '1.23456'), expected: [[`${REC}/usage_value`, 'pattern']] }],
    ['old API: usage_value over Double(12,4)', { schema: OLD_REQ, from: 'usage-push-old-request-doc', edit: setAt(`${REC}/usage_value`, 123456789), expected: [[`${REC}/usage_value`, 'maximum']] }],
    ['old API: usage_value as a boolean', { schema: OLD_REQ, from: 'usage-push-old-request-doc', edit: setAt(`${REC}/usage_value`, true), expected: [[`${REC}/usage_value`, 'type']] }],
    ['old API: 101 records', { schema: OLD_REQ, from: 'usage-push-old-request-doc', edit: repeatFirstAt('/usage_records', 101), expected: [['/usage_records', 'maxItems']] }],
    ['old API: product_id of 65 characters', { schema: OLD_REQ, from: 'usage-push-old-request-doc', edit: setAt(`${REC}/product_id`, chars(65)), expected: [[`${REC}/product_id`, 'maxLength']] }],
    ['old API: no begin_time', { schema: OLD_REQ, from: 'usage-push-old-request-doc', edit: removeAt('/usage_records/1/begin_time'), expected: [['/usage_records/1/begin_time', 'required']] }],
    // legacy partner API
    ['legacy: snake_case usage_records', { schema: LEG_REQ, from: 'usage-push-legacy-request-sample', edit: renameAt('/usageRecords', 'usage_records'), expected: [['/usageRecords', 'required']] }],
    ['legacy: empty usageEntity', { schema: LEG_REQ, from: 'usage-push-legacy-request-sample', edit: setAt('/usageRecords/0/usageEntity', {}), expected: [['/usageRecords/0/usageEntity', 'minProperties']] }],
    ['legacy: usageEntity amount "0"', { schema: LEG_REQ, from: 'usage-push-legacy-request-sample', edit: setAt('/usageRecords/0/usageEntity/times', '0'), expected: [['/usageRecords/0/usageEntity/times', 'pattern']] }],
    ['legacy: usageEntity dimension name with a space', { schema: LEG_REQ, from: 'usage-push-legacy-request-sample', edit: renameAt('/usageRecords/0/usageEntity/times', 'call times'), expected: [['/usageRecords/0/usageEntity', 'pattern'], ['/usageRecords/0/usageEntity', 'propertyNames']] }],
    ['legacy: recordTime without T and Z', { schema: LEG_REQ, from: 'usage-push-legacy-request-sample', edit: setAt('/usageRecords/0/recordTime', '20190101000000'), expected: [['/usageRecords/0/recordTime', 'pattern']] }],
    ['legacy: 101 records', { schema: LEG_REQ, from: 'usage-push-legacy-request-sample', edit: repeatFirstAt('/usageRecords', 101), expected: [['/usageRecords', 'maxItems']] }],
    // file upload
    ['type IMAGE', { schema: FU_REQ, from: 'file-upload-request-isv-update-file-req', edit: setAt('/type', 'IMAGE'), expected: [['/type', 'enum']] }],
    ['lower-case type file', { schema: FU_REQ, from: 'file-upload-request-isv-update-file-req', edit: setAt('/type', 'file'), expected: [['/type', 'enum']] }],
    ['FILE without sha256', { schema: FU_REQ, from: 'file-upload-request-isv-update-file-req', edit: removeAt('/sha256'), expected: [['/sha256', 'required']] }],
    ['FILE without file_name (the doc\'s JSON part as printed)', { schema: FU_REQ, from: 'file-upload-request-isv-update-file-req', edit: removeAt('/file_name'), expected: [['/file_name', 'required']] }],
    ['sha256 in upper-case hex', { schema: FU_REQ, from: 'file-upload-request-isv-update-file-req', edit: setAt('/sha256', 'F6E0A1E2AC41945A9AA7FF8A8AAA0CEBC12A3BCC981A929AD5CF810A090E11AE'), expected: [['/sha256', 'pattern']] }],
    ['sha256 in base64', { schema: FU_REQ, from: 'file-upload-request-isv-update-file-req', edit: setAt('/sha256', '9uCh4qxBlFqap/+KiqoM68EqO8yYGpKa1c+BCgkOEa4='), expected: [['/sha256', 'pattern']] }],
    ['file_name of 1025 characters', { schema: FU_REQ, from: 'file-upload-request-isv-update-file-req', edit: setAt('/file_name', chars(1025)), expected: [['/file_name', 'maxLength']] }],
    ['CHARACTERS without characters', { schema: FU_REQ, from: 'file-upload-request-characters', edit: removeAt('/characters'), expected: [['/characters', 'required']] }],
    ['CHARACTERS with empty characters', { schema: FU_REQ, from: 'file-upload-request-characters', edit: setAt('/characters', ''), expected: [['/characters', 'minLength']] }],
    ['characters of 1025 characters', { schema: FU_REQ, from: 'file-upload-request-characters', edit: setAt('/characters', chars(1025)), expected: [['/characters', 'maxLength']] }],
    ['no type', { schema: FU_REQ, from: 'file-upload-request-characters', edit: removeAt('/type'), expected: [['/type', 'required']] }],
    // OAuth token
    ['grant_type password', { schema: TOK_REQ, from: 'oauth-token-request-authorization-code', edit: setAt('/grant_type', 'password'), expected: [['/grant_type', 'enum']] }],
    ['authorization_code grant without code', { schema: TOK_REQ, from: 'oauth-token-request-authorization-code', edit: removeAt('/code'), expected: [['/code', 'required']] }],
    ['refresh grant without refresh_token', { schema: TOK_REQ, from: 'oauth-token-request-refresh', edit: removeAt('/refresh_token'), expected: [['/refresh_token', 'required']] }],
    ['redirect_uri that is not a URI', { schema: TOK_REQ, from: 'oauth-token-request-authorization-code', edit: setAt('/redirect_uri', 'example.com/callback'), expected: [['/redirect_uri', 'format']] }],
    ['empty client_secret', { schema: TOK_REQ, from: 'oauth-token-request-refresh', edit: setAt('/client_secret', ''), expected: [['/client_secret', 'minLength']] }],
    ['token_type bearer in lower case', { schema: TOK_RES, from: 'oauth-token-response-doc', edit: setAt('/token_type', 'bearer'), expected: [['/token_type', 'const']] }],
    ['expires_in as a string', { schema: TOK_RES, from: 'oauth-token-response-doc', edit: setAt('/expires_in', '7200'), expected: [['/expires_in', 'type']] }],
    ['token response without refresh_token', { schema: TOK_RES, from: 'oauth-token-response-doc', edit: removeAt('/refresh_token'), expected: [['/refresh_token', 'required']] }],
    ['token response with an id_token', { schema: TOK_RES, from: 'oauth-token-response-doc', edit: setAt('/id_token', 'x'), expected: [['', 'additionalProperties']] }],
    // OAuth userinfo
    ['userinfo with a Basic authorization', { schema: UI_REQ, from: 'oauth-userinfo-request-headers', edit: setAt('/authorization', 'Basic ZXhhbXBsZTpleGFtcGxl'), expected: [['/authorization', 'pattern']] }],
    ['userinfo with a bare token', { schema: UI_REQ, from: 'oauth-userinfo-request-headers', edit: setAt('/authorization', '2YotnFZFEjr1zCsicMWpAA'), expected: [['/authorization', 'pattern']] }],
    ['userinfo without authorization', { schema: UI_REQ, from: 'oauth-userinfo-request-headers', edit: removeAt('/authorization'), expected: [['/authorization', 'required']] }],
    ['userinfo response without tenant', { schema: UI_RES, from: 'oauth-userinfo-response-doc', edit: removeAt('/tenant'), expected: [['/tenant', 'required']] }],
    ['userinfo email as a number', { schema: UI_RES, from: 'oauth-userinfo-response-doc', edit: setAt('/email', 1), expected: [['/email', 'type']] }],
    ['userinfo with user_name instead of userName', { schema: UI_RES, from: 'oauth-userinfo-response-doc', edit: renameAt('/userName', 'user_name'), expected: [['/userName', 'required'], ['', 'additionalProperties']] }],
    // OAuth error
    ['OAuth error code that does not exist', { schema: OAUTH_ERR, from: 'oauth-error-invalid-grant', edit: setAt('/error', 'bad_code'), expected: [['/error', 'enum']] }],
    ['OAuth error without error_description', { schema: OAUTH_ERR, from: 'oauth-error-unauthorized', edit: removeAt('/error_description'), expected: [['/error_description', 'required']] }],
    // APIG error
    ['APIGW prefix', { schema: APIG, from: 'apig-error-aksk', edit: setAt('/error_code', 'APIGW.0301'), expected: [['/error_code', 'pattern']] }],
    ['request_id in upper-case hex', { schema: APIG, from: 'apig-error-aksk', edit: setAt('/request_id', '7D2F9A1C0B3E4D5F8A6B9C0D1E2F3A4B'), expected: [['/request_id', 'pattern']] }],
    ['request_id as a UUID', { schema: APIG, from: 'apig-error-aksk', edit: setAt('/request_id', '7d2f9a1c-0b3e-4d5f-8a6b-9c0d1e2f3a4b'), expected: [['/request_id', 'pattern']] }],
    ['APIG error without request_id', { schema: APIG, from: 'apig-error-aksk', edit: removeAt('/request_id'), expected: [['/request_id', 'required']] }],
    // result envelope
    ['result envelope with an extra field', { schema: RESULT, from: 'order-query-response-unknown-order', edit: setAt('/orderInfo', {}), expected: [['', 'additionalProperties']] }],
    ['result envelope with a CBC code', { schema: RESULT, from: 'order-query-response-unknown-order', edit: setAt('/resultCode', 'CBC.0101'), expected: [['/resultCode', 'pattern']] }],
  ];

  test.for(rows)('rejects %s', ([, row]) => {
    const payload = row.edit(fixture(row.from));
    expect(violationsOf(registry.validate(row.schema, payload))).toEqual(row.expected);
  });
});

describe('boundary values that stay valid', () => {
  const rows: [string, Row][] = [
    ['exactly 1000 usage records', { schema: UP_REQ, from: 'usage-push-request-vector', edit: repeatFirstAt('/usage_records', 1000) }],
    ['usage_value 0.0001', { schema: UP_REQ, from: 'usage-push-request-vector', edit: setAt(`${REC}/usage_value`, '0.0001') }],
    ['usage_value 1.5000', { schema: UP_REQ, from: 'usage-push-request-vector', edit: setAt(`${REC}/usage_value`, '1.5000') }],
    ['usage_value of 20 characters', { schema: UP_REQ, from: 'usage-push-request-vector', edit: setAt(`${REC}/usage_value`, `${'9'.repeat(15)}.1234`) }],
    ['metering_sn of 64 characters', { schema: UP_REQ, from: 'usage-push-request-vector', edit: setAt(`${REC}/metering_sn`, chars(64)) }],
    ['relate_pkg_instance present', { schema: UP_REQ, from: 'usage-push-request-vector', edit: setAt(`${REC}/relate_pkg_instance`, 'pkg-7f141bf1') }],
    ['ts of 20 digits', { schema: UP_HDR, from: 'usage-push-request-headers-vector', edit: setAt('/ts', '1'.repeat(20)) }],
    ['old API: usage_value as a number', { schema: OLD_REQ, from: 'usage-push-old-request-doc', edit: setAt(`${REC}/usage_value`, 99.5) }],
    ['old API: with product_id', { schema: OLD_REQ, from: 'usage-push-old-request-doc', edit: setAt(`${REC}/product_id`, 'OFFI846204237451911168') }],
    ['legacy: usageEntity amount as a number', { schema: LEG_REQ, from: 'usage-push-legacy-request-sample', edit: setAt('/usageRecords/0/usageEntity/times', 3524) }],
    ['ON_DEMAND line without period fields', {
      schema: OQ_RES,
      from: ORDER,
      edit: (p) => [`${LINE}/periodType`, `${LINE}/periodNumber`, `${LINE}/expireTime`].reduce((acc, ptr) => removeAt(ptr)(acc), setAt(`${LINE}/chargingMode`, 'ON_DEMAND')(p)),
    }],
    ['order without buyerInfo', { schema: OQ_RES, from: ORDER, edit: removeAt('/orderInfo/buyerInfo') }],
    ['buyerInfo email as a string', { schema: OQ_RES, from: ORDER, edit: setAt('/orderInfo/buyerInfo/email', 'buyer@example.com') }],
    ['CHARACTERS with a file_name too', { schema: FU_REQ, from: 'file-upload-request-characters', edit: setAt('/file_name', 'note.txt') }],
    ['token request with a client in the form and no redirect_uri', { schema: TOK_REQ, from: 'oauth-token-request-authorization-code', edit: removeAt('/redirect_uri') }],
    ['lower-case bearer scheme', { schema: UI_REQ, from: 'oauth-userinfo-request-headers', edit: setAt('/authorization', 'bearer 2YotnFZFEjr1zCsicMWpAA') }],
    ['userinfo with a null email', { schema: UI_RES, from: 'oauth-userinfo-response-doc', edit: setAt('/email', null) }],
    ['APIG error with the debug canonical request', { schema: APIG, from: 'apig-error-aksk', edit: setAt('/error_msg', `${APIG_ERRORS.aksk.message}, canonicalRequest:GET|/api/x/||host:mkt.myhuaweicloud.com|`) }],
  ];

  test.for(rows)('accepts %s', ([, row]) => {
    expect(violationsOf(registry.validate(row.schema, row.edit(fixture(row.from))))).toEqual([]);
  });
});
