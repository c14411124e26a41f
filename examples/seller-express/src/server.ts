import { readFileSync } from 'node:fs';
import { startSeller } from './app.js';

/**
 * Entry point: configuration from the environment, then listen.
 *   npx tsx examples/seller-express/src/server.ts
 * See README.md for every variable.
 */

const env = process.env;

function required(name: string): string {
  const value = env[name];
  if (value === undefined || value === '') {
    console.error(`Missing environment variable ${name} (缺少环境变量 ${name}). See examples/seller-express/README.md.`);
    process.exit(2);
  }
  return value;
}

function optionalNumber(name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`${name} must be a non-negative number, received "${value}" (${name} 必须是非负数).`);
    process.exit(2);
  }
  return n;
}

const keyFile = env['SELLER_KIT_PRIVATE_KEY_FILE'];
const maxLinearValue = optionalNumber('SELLER_MAX_LINEAR_VALUE');
const seller = await startSeller({
  keys: {
    basic: required('SELLER_KEY'),
    ...(env['SELLER_GENERAL_KEY'] ? { general: env['SELLER_GENERAL_KEY'] } : {}),
    ...(env['SELLER_KIT_KEY'] ? { kit: env['SELLER_KIT_KEY'] } : {}),
    ...(env['SELLER_USAGE_KEY'] ? { usage: env['SELLER_USAGE_KEY'] } : {}),
    ...(env['SELLER_V1_KEY'] ? { v1: env['SELLER_V1_KEY'] } : {}),
  },
  ak: required('SELLER_AK'),
  sk: required('SELLER_SK'),
  orderApiUrls: (env['ORDER_API_URLS'] ?? 'http://127.0.0.1:7070').split(',').map((u) => u.trim()).filter((u) => u.length > 0),
  port: optionalNumber('SELLER_PORT') ?? 8080,
  host: env['SELLER_HOST'] ?? '127.0.0.1',
  ...(env['SELLER_PRODUCE_PATH'] ? { producePath: env['SELLER_PRODUCE_PATH'] } : {}),
  ...(keyFile ? { kitPrivateKey: readFileSync(keyFile, 'utf8') } : {}),
  ...(maxLinearValue === undefined ? {} : { maxLinearValue }),
  log: (line) => console.log(`[seller] ${line}`),
});

console.log(`[seller] production interface (生产接口地址): POST ${seller.produceUrl}`);
console.log(`[seller] legacy V1 interface (V1 生产接口): GET ${seller.produceUrl}?activity=…&timeStamp=…&authToken=…`);
console.log(`[seller] kit interfaces (联营kit接口): POST ${seller.produceUrl}/produceAPI/v2/{tenantSync,applicationSync,authSync,singleOrgSync,allOrgSync}`);
console.log(`[seller] state: GET ${seller.url}/_seller/state`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void seller.close().then(() => process.exit(0));
  });
}
