import { describe, expect, test } from 'vitest';
import {
  APIG_ERRORS,
  type ApigErrorName,
  CBC_ERRORS,
  type CbcCode,
  MKT_ERRORS,
  type MktCode,
  toApigErrorBody,
  toErrorBody,
  toHttpStatus,
  toResultBody,
} from '../../../../mock-server/core/openapi/error-codes.js';
import { fixture, registry, violationsOf } from '../../schemas/openapi-fixtures.js';

const ERROR = 'common/envelopes/error-envelope.schema.json';
const RESULT = 'common/envelopes/result-envelope.schema.json';
const APIG = 'common/envelopes/apig-error.schema.json';
const OQ_RES = 'openapi/order-query.response.schema.json';

const mktCodes = Object.keys(MKT_ERRORS) as MktCode[];
const cbcCodes = Object.keys(CBC_ERRORS) as CbcCode[];
const apigNames = Object.keys(APIG_ERRORS) as ApigErrorName[];

describe('error code table', () => {
  test.for([...Object.entries(MKT_ERRORS), ...Object.entries(CBC_ERRORS)])('%s is keyed by its own code', ([key, entry]) => {
    expect(entry.code).toBe(key);
  });

  test.for([
    ['MKT.0000', 200],
    ['MKT.0101', 400],
    ['MKT.0102', 400],
    ['MKT.0150', 401],
    ['MKT.0250', 406],
    ['MKT.9003', 500],
    ['CBC.0000', 200],
    ['CBC.0150', 403],
  ] as const)('%s answers HTTP %i', ([code, status]) => {
    expect(toHttpStatus(code)).toBe(status);
  });

  test.for([...mktCodes, ...cbcCodes])('toErrorBody(%s) fits the error envelope, with and without extra_info', (code) => {
    expect(violationsOf(registry.validate(ERROR, toErrorBody(code)))).toEqual([]);
    expect(violationsOf(registry.validate(ERROR, toErrorBody(code, { extraInfo: 'why' })))).toEqual([]);
  });

  test.for(mktCodes)('toResultBody(%s) fits the result envelope', (code) => {
    expect(violationsOf(registry.validate(RESULT, toResultBody(code)))).toEqual([]);
  });

  test.for(mktCodes.filter((c) => c !== 'MKT.0000'))('toResultBody(%s) is a valid order query error answer', (code) => {
    expect(violationsOf(registry.validate(OQ_RES, toResultBody(code)))).toEqual([]);
  });

  test.for(apigNames)('toApigErrorBody(%s) fits the APIG error body', (name) => {
    const body = toApigErrorBody(name, '0123456789abcdef0123456789abcdef', 'canonicalRequest:GET|/x/||');
    expect(violationsOf(registry.validate(APIG, body))).toEqual([]);
  });

  test('toErrorBody uses the table message unless an API words it differently', () => {
    expect(toErrorBody('MKT.0000')).toEqual({ error_code: 'MKT.0000', error_msg: 'Success' });
    expect(toErrorBody('MKT.0000', { message: 'success' })).toEqual({ error_code: 'MKT.0000', error_msg: 'success' });
    expect(toErrorBody('MKT.9001', { extraInfo: 'instance_id x' })).toEqual({
      error_code: 'MKT.9001',
      error_msg: 'Instance ID not found',
      extra_info: 'instance_id x',
    });
  });

  test('toResultBody answers docs/fidelity.md#d23 and docs/fidelity.md#d24 exactly', () => {
    expect(toResultBody('MKT.0101')).toEqual({ resultCode: 'MKT.0101', resultMsg: 'Invalid parameter' });
    expect(toResultBody('MKT.0150')).toEqual({ resultCode: 'MKT.0150', resultMsg: 'Illegal operation' });
  });

  test('toApigErrorBody answers docs/fidelity.md#d21 exactly and appends a debug detail after a comma', () => {
    const id = '7d2f9a1c0b3e4d5f8a6b9c0d1e2f3a4b';
    expect(toApigErrorBody('aksk', id)).toEqual(fixture('apig-error-aksk'));
    expect(toApigErrorBody('aksk', id, 'canonicalRequest:GET|/|').error_msg).toBe(
      'Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest:GET|/|',
    );
  });
});
