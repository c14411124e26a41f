import { configError } from '../core/errors.js';
import { toNested, type Layer } from './layers.js';

/** Config values given as CLI flags (the camel-case names commander gives them). */
export interface ConfigFlags {
  readonly host?: string;
  readonly port?: string | number;
  readonly db?: string;
  /** `--memory`: keep state in memory only (same as `--db memory`). */
  readonly memory?: boolean;
  readonly adminToken?: string;
  /** `--console` / `--no-console`. */
  readonly console?: boolean;
  readonly sellerUrl?: string;
  readonly ak?: string;
  readonly sk?: string;
  readonly key?: string;
  readonly kitKey?: string;
  readonly generalKey?: string;
  readonly licenseKey?: string;
  readonly usageKey?: string;
  readonly v1Key?: string;
  /** `--profile name=value`, repeatable; `name` may be nested: `retryWindowMs.newInstance=1h`. */
  readonly profile?: readonly string[];
}

/** A flag that sets one config key. */
export interface ConfigFlag {
  readonly property: Exclude<keyof ConfigFlags, 'profile' | 'memory' | 'console'>;
  readonly flag: string;
  readonly argument: string;
  readonly path: readonly string[];
  readonly description: string;
}

export const CONFIG_FLAGS: readonly ConfigFlag[] = [
  { property: 'host', flag: '--host', argument: '<host>', path: ['server', 'host'], description: 'address to listen on' },
  { property: 'port', flag: '--port', argument: '<port>', path: ['server', 'port'], description: 'port to listen on (0: any free port)' },
  { property: 'db', flag: '--db', argument: '<path>', path: ['server', 'db'], description: 'SQLite file, or `memory`' },
  { property: 'adminToken', flag: '--admin-token', argument: '<token>', path: ['server', 'adminToken'], description: 'bearer token for the admin API' },
  { property: 'sellerUrl', flag: '--seller-url', argument: '<url>', path: ['seller', 'productionUrl'], description: "the seller's production interface address (生产接口地址)" },
  { property: 'ak', flag: '--ak', argument: '<ak>', path: ['seller', 'ak'], description: 'seller access key id for Open API signing' },
  { property: 'sk', flag: '--sk', argument: '<sk>', path: ['seller', 'sk'], description: 'seller secret access key (prefer KOOMOCK_SK)' },
  { property: 'key', flag: '--key', argument: '<key>', path: ['seller', 'keys', 'basic'], description: 'basic interface key (基础接口)' },
  { property: 'kitKey', flag: '--kit-key', argument: '<key>', path: ['seller', 'keys', 'kit'], description: 'kit key (联营SaaS同步接口)' },
  { property: 'generalKey', flag: '--general-key', argument: '<key>', path: ['seller', 'keys', 'general'], description: 'general interface key (通用接口)' },
  { property: 'licenseKey', flag: '--license-key', argument: '<key>', path: ['seller', 'keys', 'license'], description: 'license interface key (License授权码交付接口)' },
  { property: 'usageKey', flag: '--usage-key', argument: '<key>', path: ['seller', 'keys', 'usage'], description: 'usage push key (default: the basic key)' },
  { property: 'v1Key', flag: '--v1-key', argument: '<key>', path: ['seller', 'keys', 'v1'], description: 'V1 seller key' },
];

// Typed like the schema expects, so `--profile debug=true` is a boolean and `expireTimeDigits=17` a number.
const toProfileValue = (text: string): unknown => {
  if (/^\d{1,15}$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
};

function profileLayer(assignment: string, cwd: string): Layer {
  const eq = assignment.indexOf('=');
  const name = eq < 0 ? '' : assignment.slice(0, eq).trim();
  const segments = name.split('.');
  if (eq < 0 || segments.some((s) => s === '')) {
    throw configError(
      `--profile expects name=value (e.g. --profile callTimeoutMs=5s or --profile retryWindowMs.newInstance=1h), got ${JSON.stringify(assignment)}`,
      { flag: '--profile' },
    );
  }
  return {
    source: { kind: 'flag', flag: `--profile ${name}` },
    value: toNested(['profile', ...segments], toProfileValue(assignment.slice(eq + 1).trim())),
    baseDir: cwd,
  };
}

/**
 * One layer per flag given, later flags winning; `--memory` with `--db` is a contradiction, not a choice.
 * @example
 *   toFlagLayers({ port: '9090', profile: ['callTimeoutMs=5s'] }, '/repo').length; // 2
 */
export function toFlagLayers(flags: ConfigFlags, cwd: string): Layer[] {
  if (flags.memory === true && flags.db !== undefined) {
    throw configError('--memory and --db contradict each other: use --db <path> for a file, or --memory alone', { flag: '--memory' });
  }
  const layers: Layer[] = [];
  for (const f of CONFIG_FLAGS) {
    const raw = flags[f.property];
    if (raw === undefined) continue;
    const value = f.property === 'port' && typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : raw;
    layers.push({ source: { kind: 'flag', flag: f.flag }, value: toNested(f.path, value), baseDir: cwd });
  }
  if (flags.memory === true) {
    layers.push({ source: { kind: 'flag', flag: '--memory' }, value: toNested(['server', 'db'], 'memory'), baseDir: cwd });
  }
  if (flags.console !== undefined) {
    const flag = flags.console ? '--console' : '--no-console';
    layers.push({ source: { kind: 'flag', flag }, value: toNested(['server', 'console'], flags.console), baseDir: cwd });
  }
  for (const assignment of flags.profile ?? []) layers.push(profileLayer(assignment, cwd));
  return layers;
}
