/**
 * The OpenAPI 3.1 documents of schemas/openapi/*.openapi.json, built from the JSON Schemas of
 * schemas/ by reference (`$ref` to the schema files themselves, never a copy): the seller's
 * production interface (what a seller implements), the fake Open APIs, and the admin API.
 * `npm run openapi` writes them; a test checks the written ones are up to date.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPEN_API_ROUTES } from '../mock-server/core/openapi/routes.js';

const SCHEMAS = join(import.meta.dirname, '..', 'schemas');
export const OUT_DIR = join(SCHEMAS, 'openapi');

type Doc = Record<string, unknown>;
const ref = (path: string): Doc => ({ $ref: path });
const VERSION = (JSON.parse(readFileSync(join(SCHEMAS, '..', 'package.json'), 'utf8')) as { version: string }).version;
const messages = (dir: string, kind: 'request' | 'response'): string[] =>
  readdirSync(join(SCHEMAS, dir)).filter((f) => f.endsWith(`.${kind}.schema.json`)).sort().map((f) => f.replace(`.${kind}.schema.json`, ''));
const json = (schema: Doc): Doc => ({ 'application/json': { schema } });
const RESULT_CODES = ref('../common/result-code.schema.json#/$defs/resultCode');

function sellerInterface(): Doc {
  const v2 = messages('produce/v2', 'request');
  const v1 = messages('produce/v1', 'request');
  const kit = messages('kit', 'request');
  const query = (name: string, description: string): Doc => ({ name, in: 'query', required: true, description, schema: { type: 'string' } });
  const header = (name: string, description: string): Doc => ({ name, in: 'header', required: true, description, schema: { type: 'string' } });
  const paths: Doc = {
    '/produce': {
      post: {
        operationId: 'produceV2',
        security: [],
        summary: 'V2 basic interfaces (基础接口) and orderNotify (通用接口): one URL, the body’s activity says which',
        description: `Activities: ${v2.join(', ')}. Signed with the key of the category (basic; orderNotify: general) over the exact body bytes (docs/signing.md). Answer within 20 s with a JSON object whose resultCode is a six-digit string.`,
        parameters: [
          query('signature', 'HMAC-SHA256 hex of the body, keyed with the category key and the timestamp and nonce (docs/signing.md)'),
          query('timestamp', 'milliseconds since the epoch; reject calls older than 60 s'),
          query('nonce', 'random, at least 32 characters; reject a nonce seen within the window'),
        ],
        requestBody: { required: true, content: json({ oneOf: v2.map((m) => ref(`../produce/v2/${m}.request.schema.json`)), discriminator: { propertyName: 'activity' } }) },
        responses: { '200': { description: 'the seller’s answer (resultCode 000000 success, 000001 signature failure, …)', content: json({ oneOf: v2.map((m) => ref(`../produce/v2/${m}.response.schema.json`)) }) } },
      },
      get: {
        operationId: 'produceV1',
        security: [],
        summary: 'V1 interfaces: query parameters with timeStamp and authToken',
        description: `Activities: ${v1.join(', ')}. authToken is the HMAC of the parameters with the V1 key (docs/signing.md).`,
        parameters: [{ name: 'params', in: 'query', required: true, style: 'form', explode: true, schema: { oneOf: v1.map((m) => ref(`../produce/v1/${m}.request.schema.json`)) } }],
        responses: { '200': { description: 'the seller’s answer', content: json({ oneOf: v1.map((m) => ref(`../produce/v1/${m}.response.schema.json`)) }) } },
      },
    },
  };
  for (const op of kit) {
    paths[`/produce/produceAPI/v2/${op}`] = {
      post: {
        operationId: `kit${op[0]?.toUpperCase() ?? ''}${op.slice(1)}`,
        security: [],
        summary: `joint-operation kit (联营SaaS同步接口) ${op}`,
        parameters: [header('x-sign', 'HMAC-SHA256 hex with the kit key over the body, x-timestamp and x-nonce'), header('x-timestamp', 'milliseconds since the epoch'), header('x-nonce', 'random')],
        requestBody: { required: true, content: json(ref(`../kit/${op}.request.schema.json`)) },
        responses: { '200': { description: 'the seller’s answer', content: json(ref(`../kit/${op}.response.schema.json`)) } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'KooGallery production interface (生产接口): what a seller implements', version: VERSION, description: 'The calls KooGallery makes to a SaaS seller, as koomock plays them. Every resultCode is a six-digit string (docs/checks.md).', license: { name: 'MIT', identifier: 'MIT' } },
    servers: [{ url: 'https://saas.example.com', description: 'your production interface address (生产接口地址) is {server}/produce' }],
    paths,
    components: { schemas: { resultCode: RESULT_CODES } },
  };
}

function fakeOpenApis(): Doc {
  const paths: Doc = {};
  for (const route of OPEN_API_ROUTES) {
    const name = route.id.replace('.', '-');
    const has = (kind: string) => readdirSync(join(SCHEMAS, 'openapi')).includes(`${name}.${kind}.schema.json`);
    const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const request = has('request') ? ref(`./${name}.request.schema.json`) : undefined;
    const operation: Doc = {
      operationId: name.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase()),
      summary: `${route.id} (${route.auth === 'apig' ? 'APIG AK/SK signature' : 'OAuth'})`,
      security: route.auth === 'apig' ? [{ apig: [] }] : [],
      ...(route.method === 'GET' && request !== undefined
        ? { parameters: [...params, { name: 'query', in: 'query', style: 'form', explode: true, schema: request }] }
        : { ...(params.length > 0 ? { parameters: params } : {}), ...(request === undefined ? {} : { requestBody: { required: true, content: json(request) } }) }),
      responses: { '200': { description: 'the platform’s answer', ...(has('response') ? { content: json(ref(`./${name}.response.schema.json`)) } : {}) }, '4XX': { description: 'an error envelope', content: json(ref('../common/envelopes/error-envelope.schema.json')) } },
    };
    paths[route.path] = { ...((paths[route.path] as Doc | undefined) ?? {}), [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'KooGallery Open APIs as koomock serves them', version: VERSION, description: 'Order query, usage push, file upload and OAuth, with the platform’s signing and error codes (docs/signing.md).', license: { name: 'MIT', identifier: 'MIT' } },
    servers: [{ url: 'http://127.0.0.1:7070' }, { url: 'https://mkt.myhuaweicloud.com' }],
    paths,
    components: { securitySchemes: { apig: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=…, Signature=… with X-Sdk-Date (docs/signing.md)' } } },
  };
}

function adminApi(): Doc {
  const error = { description: 'an admin error {"error": {"code", "message"}}', content: json({ type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } } }) };
  const report = ref('../report.schema.json');
  const runState = {
    type: 'object', required: ['id', 'status', 'sellerUrl', 'startedAt', 'progress'],
    properties: {
      id: { type: 'string' }, status: { enum: ['running', 'finished', 'error'] }, sellerUrl: { type: 'string' }, startedAt: { type: 'string', format: 'date-time' },
      progress: { type: 'object', properties: { scenariosDone: { type: 'integer' }, scenariosTotal: { type: 'integer' } } },
      passed: { type: 'boolean' }, report, error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } },
    },
  };
  const ok = (description: string, schema: Doc = { type: 'object' }) => ({ description, content: json(schema) });
  const op = (operationId: string, summary: string, extra: Doc = {}) => ({ operationId, summary, security: [{ bearer: [] }], responses: { '200': ok(summary), '4XX': error }, ...extra });
  return {
    openapi: '3.1.0',
    info: { title: 'koomock admin API (/_koomock)', version: VERSION, description: 'docs/admin-api.md: JSON in, JSON out; a bearer token when server.adminToken is set or koomock listens beyond loopback.', license: { name: 'MIT', identifier: 'MIT' } },
    servers: [{ url: 'http://127.0.0.1:7070/_koomock' }],
    paths: {
      '/health': { get: { operationId: 'health', summary: 'liveness (no token)', security: [], responses: { '200': ok('status ok', { type: 'object', required: ['status'], properties: { status: { const: 'ok' }, uptimeMs: { type: 'integer' } } }) } } },
      '/orders': { get: op('listOrders', 'list orders'), post: op('createOrder', 'create an order from a catalog product', { requestBody: { required: true, content: json({ type: 'object' }) } }) },
      '/orders/{orderId}': { get: op('getOrder', 'one order', { parameters: [{ name: 'orderId', in: 'path', required: true, schema: { type: 'string' } }] }) },
      '/instances': { get: op('listInstances', 'instances the seller created') },
      '/usage': { get: op('listUsage', 'usage records the seller pushed') },
      '/files': { get: op('listFiles', 'files the seller uploaded') },
      '/exchanges': { get: op('listExchanges', 'the journal of calls') },
      '/reset': { post: op('reset', 'start over', { requestBody: { content: json({ type: 'object', properties: { scope: { enum: ['state', 'all'] } } }) } }) },
      '/clock': { get: op('getClock', 'read virtual time') },
      '/clock/advance': { post: op('advanceClock', 'move virtual time forward', { requestBody: { required: true, content: json({ type: 'object' }) } }) },
      '/runs': {
        post: {
          operationId: 'startRun', summary: 'run the conformance suite against a seller', security: [{ bearer: [] }],
          requestBody: { required: true, content: json({ type: 'object', additionalProperties: false, properties: { sellerUrl: { type: 'string', format: 'uri' }, scenarios: { type: 'array', items: { type: 'string' } }, groups: { type: 'array', items: { type: 'string' } }, profile: { type: 'object' }, waitForSellerMs: { type: 'integer', minimum: 0, maximum: 600000 }, sellerPushesUsage: { type: 'boolean' } } }) },
          responses: { '202': ok('the run started', runState), '4XX': error },
        },
      },
      '/runs/{id}': {
        get: {
          operationId: 'getRun', summary: 'a run’s progress and report', security: [{ bearer: [] }],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, { name: 'format', in: 'query', schema: { enum: ['json', 'junit', 'html'] } }],
          responses: { '200': { description: 'the state (JSON), or the JUnit or HTML report', content: { 'application/json': { schema: runState }, 'application/xml': { schema: { type: 'string' } }, 'text/html': { schema: { type: 'string' } } } }, '4XX': error },
        },
      },
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}

/** File name -> document. */
export const OPENAPI_DOCUMENTS: Readonly<Record<string, () => Doc>> = {
  'seller-interface.openapi.json': sellerInterface,
  'open-apis.openapi.json': fakeOpenApis,
  'admin.openapi.json': adminApi,
};

export const toText = (doc: Doc): string => `${JSON.stringify(doc, null, 2)}\n`;
