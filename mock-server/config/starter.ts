import { stringify } from 'yaml';
import { DEFAULT_PROFILE, type FidelityProfile } from '../core/profile.js';
import { DEFAULT_CATALOG, DEFAULT_SELLER, DEFAULT_SERVER, toDefaultInput } from './defaults.js';
import { formatDuration } from '../core/duration.js';

/** Editors with the YAML language server validate and complete the file against the shipped schema. */
const SCHEMA_PATH = './node_modules/koomock/schemas/config.schema.json';

// Plain where YAML reads it back unchanged, quoted otherwise; `on`/`off` quoted too, since
// YAML 1.1 tools (older editors, PyYAML) would read them as booleans.
const scalar = (v: string | number | boolean): string =>
  typeof v === 'string' && /^(on|off|yes|no|y|n)$/i.test(v) ? JSON.stringify(v) : stringify(v).trimEnd();

const indent = (text: string, spaces: number): string =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => `${' '.repeat(spaces)}${l}`)
    .join('\n');

const p = DEFAULT_PROFILE;
const d = (ms: number): string => formatDuration(ms);
const option = (name: keyof FidelityProfile, value: string | number | boolean, comment: string): string =>
  `  ${`${name}: ${scalar(value)}`.padEnd(30)}# ${comment}`;

const retryWindows = Object.entries(p.retryWindowMs)
  .map(([activity, ms]) => `    ${activity}: ${d(ms)}`)
  .join('\n');

export interface StarterOptions {
  /** `koomock init --kit`: the demo kit public key file, relative to the config file. */
  readonly kitPublicKeyFile?: string;
}

/**
 * The commented starter `koomock.config.yaml` that `koomock init` writes. Values come from the
 * defaults, so the file loads to exactly the default configuration.
 */
export function toStarterYaml(options: StarterOptions = {}): string {
  const k = DEFAULT_SELLER.keys;
  return `# koomock configuration, written by \`koomock init\` (koomock 配置文件).
# Every key is optional. Precedence: built-in defaults <- this file <- KOOMOCK_* environment
# variables <- command-line flags. docs/config.md describes every key (每个配置项的说明).
# yaml-language-server: $schema=${SCHEMA_PATH}

server:
  # Address and port the emulator listens on (监听地址和端口); port 0 picks a free port.
  host: ${scalar(DEFAULT_SERVER.host)}
  port: ${DEFAULT_SERVER.port}
  # SQLite file for orders, instances and call logs, relative to this file; \`memory\` keeps nothing (数据库).
  db: ${scalar(DEFAULT_SERVER.db)}
  # Bearer token the admin API (/_koomock) requires (管理接口令牌); prefer KOOMOCK_ADMIN_TOKEN.
  # adminToken: replace-with-a-long-random-token
  # Serve the web console (Web 控制台).
  console: ${DEFAULT_SERVER.console}
  # Extra host names the fake Open APIs answer for (Open API 域名), e.g. for failover tests.
  hostNames:
${DEFAULT_SERVER.hostNames.map((h) => `    - ${scalar(h)}`).join('\n')}

seller:
  # Your seller account as the emulator knows it (服务商).
  name: ${scalar(DEFAULT_SELLER.name)}
  # Huawei Cloud account id, 32 hex (账号ID): the {partner_id} in Open API paths.
  accountId: ${scalar(DEFAULT_SELLER.accountId)}
  # Access key id and secret access key your code signs Open API calls with (AK/SK 访问密钥).
  # These are public test values; put real ones in KOOMOCK_AK / KOOMOCK_SK, not in this file.
  ak: ${scalar(DEFAULT_SELLER.ak)}
  sk: ${scalar(DEFAULT_SELLER.sk)}
  # Your production interface address (生产接口地址): basic calls are POSTed to it as is,
  # kit calls to <this address>/produceAPI/v2/<operation>.
  productionUrl: ${scalar(DEFAULT_SELLER.productionUrl)}
  # One key per interface category (密钥管理); KooGallery requires different keys per category.
  keys:
    # basic interface key (基础接口): newInstance, queryInstance, refreshInstance, ...
    basic: ${scalar(k.basic)}
    # joint-operation kit key (联营SaaS同步接口): tenantSync, applicationSync, authSync, ...
    kit: ${scalar(k.kit)}
    # general interface key (通用接口): orderNotify
    general: ${scalar(k.general)}
    # license interface key (License授权码交付接口)
    license: ${scalar(k.license)}
    # usage push key (按需使用量推送密钥); when left out it is the basic key (docs/fidelity.md#d26).
    # usage: replace-with-your-usage-key
    # V1 seller key (V1 接口密钥): authToken, Body-Sign and AES of V1 calls
    v1: ${scalar(k.v1)}
  # RSA public key, >= 3072 bits, that encrypts the kit clientSecret (联营 clientSecret 加密公钥, docs/joint-operation.md):
  # a PEM file relative to this file, or the PEM text itself in kitPublicKey.
  ${options.kitPublicKeyFile === undefined ? '# kitPublicKeyFile: keys/kit-public.pem' : `kitPublicKeyFile: ${scalar(options.kitPublicKeyFile)}`}

# Your products (商品目录): one entry per productId. PERIOD products list their period types;
# an on-demand SKU with several billing items has one entry per item, sharing the skuCode.
catalog:
${indent(stringify(DEFAULT_CATALOG, { lineWidth: 0, aliasDuplicateObjects: false }), 2)}

# Fidelity profile (仿真配置): how the emulator settles points the public documentation leaves
# open (docs/fidelity.md). Durations take milliseconds or a unit: 20s, 3m, 3h.
profile:
${option('generation', p.generation, 'interface generation: v2 | v1 (docs/fidelity.md#d1)')}
${option('timestampUnit', p.timestampUnit, 'unit of the timestamp URL parameter: ms | seconds (docs/fidelity.md#d3)')}
${option('nonce', p.nonce, 'nonce shape: alnum32 | hex64 (docs/fidelity.md#d4)')}
${option('signatureCase', p.signatureCase, 'hex case of the signature: upper | lower (docs/fidelity.md#d5)')}
${option('testFlag', p.testFlag, 'testFlag: omit | zero (always "0"/"1") (docs/fidelity.md#d6)')}
${option('callTimeoutMs', d(p.callTimeoutMs), 'call timeout (调用超时) (docs/fidelity.md#d7)')}
${option('expireTimeDigits', p.expireTimeDigits, 'digits of refreshInstance.expireTime: 14 | 17 (docs/fidelity.md#d8)')}
${option('pollIntervalMs', d(p.pollIntervalMs), 'queryInstance polling interval (virtual time) (docs/fidelity.md#d10)')}
${option('pollWindowMs', d(p.pollWindowMs), 'polling window (virtual time) (docs/fidelity.md#d10)')}
${option('bodySign', p.bodySign, 'V2 response Body-Sign: present (optional, a wrong one warns) | strict (required) (docs/fidelity.md#answer-rules-and-timing)')}
${option('definitiveCodes', p.definitiveCodes, 'newInstance 000100-000107: retry (like any failure) | final (the order fails at once) (docs/fidelity.md#answer-rules-and-timing)')}
  # retry window per activity (重试时长), virtual time; 0s = no automatic retry (docs/fidelity.md#d12).
  retryWindowMs:
${retryWindows}
${option('retryIntervalMs', d(p.retryIntervalMs), 'retry interval (重试间隔), virtual time (docs/fidelity.md#d13)')}
${option('oaepHash', p.oaepHash, 'RSA-OAEP variant of the kit clientSecret: sha256 | sha256-mgf1-sha1 | sha1 (docs/joint-operation.md)')}
${option('v1EncryptType', p.v1EncryptType, 'V1 mobilePhone/email AES: aes256 (encryptType 1) | aes128 (encryptType 2) (docs/v1.md)')}
${option('apigAuth', p.apigAuth, 'APIG AK/SK verification of Open API calls: on | off (docs/fidelity.md#d20)')}
${option('usageSignature', p.usageSignature, 'usage push signature: raw | canonical (docs/fidelity.md#d26)')}
${option('rateLimitPerSecond', p.rateLimitPerSecond, 'Open API requests per second per seller (0 = no limit) (docs/fidelity.md#d30)')}
${option('debug', p.debug, 'error bodies include the canonical request the emulator built (docs/fidelity.md#d21)')}
${option('transportGiveUpAfter', p.transportGiveUpAfter, 'stop retrying after this many identical transport failures in a row (0 = never)')}
${option('apigLockout', p.apigLockout, 'APIG locks an AK for 5 min after 5 failed signatures: on | off')}
${option('trialPaidFrom', p.trialPaidFrom, 'a converted trial is paid from: conversion | trial-end (docs/fidelity.md#d32)')}
`;
}

/** The starter for `koomock init --file koomock.config.json` (JSON has no comments; see docs/config.md). */
export function toStarterJson(options: StarterOptions = {}): string {
  const input = toDefaultInput();
  const defaults = options.kitPublicKeyFile === undefined ? input : { ...input, seller: { ...input.seller, kitPublicKeyFile: options.kitPublicKeyFile } };
  const profile = {
    ...DEFAULT_PROFILE,
    callTimeoutMs: d(p.callTimeoutMs),
    pollIntervalMs: d(p.pollIntervalMs),
    pollWindowMs: d(p.pollWindowMs),
    retryIntervalMs: d(p.retryIntervalMs),
    retryWindowMs: Object.fromEntries(Object.entries(p.retryWindowMs).map(([a, ms]) => [a, d(ms)])),
  };
  return `${JSON.stringify({ $schema: SCHEMA_PATH, ...defaults, profile }, null, 2)}\n`;
}
