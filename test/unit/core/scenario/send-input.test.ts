import { describe, expect, test } from 'vitest';
import { bodyAssignments, exampleOf, missingFields, parseSetText, splitAssignments } from '../../../../mock-server/core/scenario/load/send-input.js';

describe('parseSetText', () => {
  test.for([
    { text: 'status=FREEZE', expected: ['status', 'FREEZE'] },
    { text: 'flag=1', expected: ['flag', '1'] },
    { text: 'productInfo={"productId":"P","linearValue":5}', expected: ['productInfo', { productId: 'P', linearValue: 5 }] },
    { text: 'userList=[{"userName":"u"}]', expected: ['userList', [{ userName: 'u' }]] },
    { text: 'name={not json', expected: ['name', '{not json'] },
    { text: 'extra:=5', expected: ['extra', 5] },
    { text: '!testFlag', expected: ['testFlag', null] },
  ])('$text', ({ text, expected }) => {
    expect(parseSetText(text)).toEqual(expected);
  });

  test('refuses what is not an assignment', () => {
    expect(() => parseSetText('oops')).toThrow(expect.objectContaining({ code: 'INPUT_INVALID' }));
  });
});

describe('bodyAssignments', () => {
  test('drops the command\'s own activity and keeps everything else', () => {
    expect(bodyAssignments('newInstance', { activity: 'newInstance', orderId: 'CS1', extra: 1 })).toEqual([
      ['orderId', 'CS1'],
      ['extra', 1],
    ]);
  });

  test.for([{ body: [] }, { body: 'x' }, { body: { activity: 'queryInstance' } }])('refuses $body', ({ body }) => {
    expect(() => bodyAssignments('newInstance', body)).toThrow(expect.objectContaining({ code: 'INPUT_INVALID' }));
  });
});

describe('splitAssignments', () => {
  test('dotted paths into a builder object go to the builder fields, merged', () => {
    const split = splitAssignments('changeInstanceCheck', [
      ['productInfo.productId', 'P'],
      ['productInfo.skuCode', 'S'],
      ['extra.deep', 'x'],
    ]);
    expect(split).toEqual({ fields: { productInfo: { productId: 'P', skuCode: 'S' } }, overrides: { 'extra.deep': 'x' } });
  });

  test('an index path builds a list', () => {
    expect(splitAssignments('authSync', [['userList.0.userName', 'u']]).fields).toEqual({ userList: [{ userName: 'u' }] });
  });

  test('an integer field given as text is checked against its allowed values as a number', () => {
    expect(splitAssignments('tenantSync', [['flag', '1']])).toEqual({ fields: { flag: '1' }, overrides: {} });
    expect(splitAssignments('tenantSync', [['flag', '7']])).toEqual({ fields: { flag: 0 }, overrides: { flag: '7' } });
  });
});

describe('missingFields', () => {
  test('names every required field, and the missing members of a given object', () => {
    expect(missingFields('singleOrgSync', {})).toEqual(['instanceId', 'tenantId', 'orgCode', 'orgName', 'flag']);
    expect(missingFields('changeInstanceCheck', { instanceId: 'i', productInfo: { productId: 'P' } })).toEqual(['productInfo.skuCode', 'productInfo.productName']);
    expect(missingFields('tenantSync', { instanceId: 'i', tenantId: 't', tenantCode: 'c', name: 'n', domainName: 'd', flag: 1 })).toEqual([]);
  });

  test('a raw override counts as given', () => {
    expect(missingFields('updateInstanceStatus', { instanceId: 'i' }, { status: 'BOGUS' })).toEqual([]);
  });

  test('examples speak in allowed values and shapes', () => {
    expect(exampleOf('updateInstanceStatus', 'status')).toBe('FREEZE|UNFREEZE');
    expect(exampleOf('allOrgSync', 'orgInfoList')).toBe('\'[{"orgCode":…,"orgName":…}]\'');
    expect(exampleOf('changeInstanceCheck', 'productInfo.linearValue')).toBe('<integer>');
  });
});
