import { describe, expect, test } from 'vitest';
import { type Acceptance, chars, expectAccepts, expectRejects, loadSchemaArea, type Rejection, REMOVE, uncovered, violationsOf } from './schema-fixtures.js';

const OPERATIONS = ['tenantSync', 'applicationSync', 'authSync', 'singleOrgSync', 'allOrgSync'] as const;

const KIT = loadSchemaArea(['kit'], 'kit');
const { own: OWN, registry, examples: EXAMPLES } = KIT;

const request = (op: string): string => `kit/${op}.request.schema.json`;
const response = (op: string): string => `kit/${op}.response.schema.json`;

describe('kit schema files', () => {
  test('the folder holds one request and one response schema per kit operation', () => {
    expect(OWN.map((s) => s.path).sort()).toEqual(OPERATIONS.flatMap((op) => [request(op), response(op)]).sort());
  });

  test.for(OWN.map((s) => [s.path, s] as const))('%s declares draft 2020-12, has $id = its path and compiles', ([path, file]) => {
    expect(file.schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(file.schema.$id).toBe(path);
    expect(() => registry.validate(path, {})).not.toThrow();
  });

  test('every kit schema has at least one example fixture', () => {
    expect(uncovered(OWN, EXAMPLES)).toEqual([]);
  });
});

describe('kit example payloads', () => {
  test.for(EXAMPLES.map((e) => [`${e.origin} example ${e.name}`, e] as const))('the %s validates against its schema', ([, e]) => {
    expect(violationsOf(registry.validate(e.schema, e.payload))).toEqual([]);
  });
});

const REJECTIONS: readonly Rejection[] = [
  { name: 'tenantSync request with flag 3', example: 'tenantSync.request', schema: request('tenantSync'), at: '/flag', to: 3, pointer: '/flag', rule: 'enum' },
  { name: 'tenantSync request with testFlag as a string', example: 'tenantSync.request', schema: request('tenantSync'), at: '/testFlag', to: '0', pointer: '/testFlag', rule: 'enum' },
  { name: 'tenantSync request with a 14-digit timeStamp', example: 'tenantSync.request', schema: request('tenantSync'), at: '/timeStamp', to: '20220413093539', pointer: '/timeStamp', rule: 'pattern' },
  { name: 'tenantSync request with a domainName without scheme', example: 'tenantSync.request', schema: request('tenantSync'), at: '/domainName', to: 'example.tenantaccount.com', pointer: '/domainName', rule: 'pattern' },
  { name: 'tenantSync request without tenantCode', example: 'tenantSync.request', schema: request('tenantSync'), at: '/tenantCode', to: REMOVE, pointer: '/tenantCode', rule: 'required' },
  { name: 'tenantSync request with a field koomock does not send', example: 'tenantSync.request', schema: request('tenantSync'), at: '/activity', to: 'tenantSync', pointer: '', rule: 'additionalProperties' },
  { name: 'tenantSync response with resultCode as a number', example: 'tenantSync.response', schema: response('tenantSync'), at: '/resultCode', to: 0, pointer: '/resultCode', rule: 'type' },
  { name: 'applicationSync request with a clientSecret that is not Base64', example: 'applicationSync.request', schema: request('applicationSync'), at: '/clientSecret', to: 'plain secret', pointer: '/clientSecret', rule: 'pattern' },
  { name: 'applicationSync request without appId', example: 'applicationSync.request', schema: request('applicationSync'), at: '/appId', to: REMOVE, pointer: '/appId', rule: 'required' },
  { name: 'applicationSync response without resultCode', example: 'applicationSync.response', schema: response('applicationSync'), at: '/resultCode', to: REMOVE, pointer: '/resultCode', rule: 'required' },
  { name: 'authSync request with role "owner"', example: 'authSync.request', schema: request('authSync'), at: '/userList/0/role', to: 'owner', pointer: '/userList/0/role', rule: 'enum' },
  { name: 'authSync request with enable as a boolean', example: 'authSync.request', schema: request('authSync'), at: '/userList/1/enable', to: true, pointer: '/userList/1/enable', rule: 'enum' },
  { name: 'authSync request with employeeType 5', example: 'authSync.request', schema: request('authSync'), at: '/userList/0/employeeType', to: 5, pointer: '/userList/0/employeeType', rule: 'enum' },
  { name: 'authSync request with a 33-character mobile', example: 'authSync.request', schema: request('authSync'), at: '/userList/0/mobile', to: chars(33), pointer: '/userList/0/mobile', rule: 'maxLength' },
  { name: 'authSync request with a 65-character userName', example: 'authSync.request', schema: request('authSync'), at: '/userList/1/userName', to: chars(65), pointer: '/userList/1/userName', rule: 'maxLength' },
  { name: 'authSync request user without orgCode', example: 'authSync.request', schema: request('authSync'), at: '/userList/1/orgCode', to: REMOVE, pointer: '/userList/1/orgCode', rule: 'required' },
  { name: 'authSync request with flag 4', example: 'authSync.request', schema: request('authSync'), at: '/flag', to: 4, pointer: '/flag', rule: 'enum' },
  { name: 'authSync response with a 256-character resultMsg', example: 'authSync.response', schema: response('authSync'), at: '/resultMsg', to: chars(256), pointer: '/resultMsg', rule: 'maxLength' },
  { name: 'singleOrgSync request with a 129-character orgName', example: 'singleOrgSync.request', schema: request('singleOrgSync'), at: '/orgName', to: chars(129), pointer: '/orgName', rule: 'maxLength' },
  { name: 'singleOrgSync request with flag 3', example: 'singleOrgSync.request', schema: request('singleOrgSync'), at: '/flag', to: 3, pointer: '/flag', rule: 'enum' },
  { name: 'singleOrgSync response with a 5-digit resultCode', example: 'singleOrgSync.response', schema: response('singleOrgSync'), at: '/resultCode', to: '00000', pointer: '/resultCode', rule: 'pattern' },
  { name: 'allOrgSync request with testFlag "2"', example: 'allOrgSync.request', schema: request('allOrgSync'), at: '/testFlag', to: '2', pointer: '/testFlag', rule: 'enum' },
  { name: 'allOrgSync request department without orgCode', example: 'allOrgSync.request', schema: request('allOrgSync'), at: '/orgInfoList/1/orgCode', to: REMOVE, pointer: '/orgInfoList/1/orgCode', rule: 'required' },
  { name: 'allOrgSync request with v1 orgInfo instead of orgInfoList', example: 'allOrgSync.request', schema: request('allOrgSync'), at: '/orgInfoList', to: REMOVE, pointer: '/orgInfoList', rule: 'required' },
  { name: 'allOrgSync response with resultCode as a number', example: 'allOrgSync.response', schema: response('allOrgSync'), at: '/resultCode', to: 0, pointer: '/resultCode', rule: 'type' },
];

describe('kit schemas reject a message with one broken field', () => {
  test.for(REJECTIONS.map((r) => [r.name, r] as const))('rejects a %s', ([, row]) => {
    expectRejects(KIT, row);
  });

  test('every kit schema has at least one rejection row', () => {
    expect(uncovered(OWN, REJECTIONS)).toEqual([]);
  });
});

describe('kit schemas accept what the docs allow', () => {
  const rows: readonly Acceptance[] = [
    { name: 'a tenantSync request with empty instanceId and orderId (debug call)', example: 'tenantSync.request-debug', at: '/flag', to: 0 },
    { name: 'an allOrgSync request with testFlag "1" and a flag (the doc example shape)', example: 'allOrgSync.request-doc-shape', at: '/testFlag', to: '0' },
    { name: 'an allOrgSync request with testFlag 1', example: 'allOrgSync.request', at: '/testFlag', to: 1 },
    { name: 'a singleOrgSync request for a top-level department (no parentCode)', example: 'singleOrgSync.request', at: '/parentCode', to: REMOVE },
    { name: 'an authSync revoke (flag 3)', example: 'authSync.request', at: '/flag', to: 3 },
    { name: 'a kit answer with a field the platform ignores', example: 'tenantSync.response', at: '/requestId', to: 'abc' },
  ];
  test.for(rows.map((r) => [r.name, r] as const))('accepts %s', ([, row]) => {
    expectAccepts(KIT, row);
  });
});
