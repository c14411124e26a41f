import type { FieldSpec } from './field-spec.js';
import type { KitOperation } from './types.js';

const str = (name: string, required = true): FieldSpec => ({ name, required, kind: 'string' });
const flag = (values: readonly number[], required = true): FieldSpec => ({ name: 'flag', required, kind: 'int', values });

/** authSync `User` members in the documented order (open-api.md §4.4). */
export const KIT_USER_ORDER: readonly FieldSpec[] = [
  str('userName'),
  str('name'),
  str('orgCode'),
  str('position', false),
  str('employeeCode', false),
  { name: 'employeeType', required: false, kind: 'int', values: [1, 2, 3, 4] },
  str('role'),
  str('enable'),
  str('mobile', false),
  str('email', false),
  str('workPlace', false),
  str('entryDate', false),
];

/** allOrgSync `orgInfoList` members in the documented order (open-api.md §4.5). */
export const KIT_ORG_ORDER: readonly FieldSpec[] = [str('orgCode'), str('orgName'), str('parentCode', false)];

/**
 * The fields a caller supplies per kit operation (open-api.md §4). `testFlag` (integer, docs/fidelity.md#d6) and
 * `timeStamp` (East-8 digits of the wall clock) are added by the builder; authSync's
 * `currentSyncTime` defaults to that `timeStamp`. `clientSecret` is given in plain text; the builder
 * encrypts it with the seller's public key (docs/joint-operation.md#the-oaep-variant).
 */
export const KIT_FIELDS: Readonly<Record<KitOperation, readonly FieldSpec[]>> = {
  tenantSync: [str('instanceId'), { name: 'orderId', required: true, kind: 'string', default: '' }, str('tenantId'), str('tenantCode'), str('name'), str('domainName'), flag([0, 1, 2])],
  applicationSync: [str('instanceId'), str('tenantId'), str('appId'), str('clientId'), str('clientSecret'), flag([0, 1, 2])],
  authSync: [
    str('instanceId'),
    str('tenantId'),
    str('appId'),
    { name: 'userList', required: true, kind: 'objectList', members: KIT_USER_ORDER },
    { name: 'currentSyncTime', required: false, kind: 'time' },
    flag([0, 1, 2, 3]),
  ],
  singleOrgSync: [str('instanceId'), str('tenantId'), str('orgCode'), str('orgName'), str('parentCode', false), flag([0, 1, 2])],
  allOrgSync: [
    str('instanceId'),
    str('tenantId'),
    { name: 'orgInfoList', required: true, kind: 'objectList', members: KIT_ORG_ORDER },
    flag([0, 1, 2], false),
  ],
};
