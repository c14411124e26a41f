import { toNested, type Layer } from './layers.js';

/** A KOOMOCK_* variable that sets one config key. */
export interface ConfigVariable {
  readonly name: string;
  /** The config key it sets, e.g. ['server', 'port']. */
  readonly path: readonly string[];
  /** Integers arrive as text; they are converted so the schema sees a number. */
  readonly type: 'string' | 'integer';
}

/** The variable that names the config file (not a config key). */
export const CONFIG_FILE_VARIABLE = 'KOOMOCK_CONFIG';

export const CONFIG_VARIABLES: readonly ConfigVariable[] = [
  { name: 'KOOMOCK_HOST', path: ['server', 'host'], type: 'string' },
  { name: 'KOOMOCK_PORT', path: ['server', 'port'], type: 'integer' },
  { name: 'KOOMOCK_DB', path: ['server', 'db'], type: 'string' },
  { name: 'KOOMOCK_ADMIN_TOKEN', path: ['server', 'adminToken'], type: 'string' },
  { name: 'KOOMOCK_SELLER_URL', path: ['seller', 'productionUrl'], type: 'string' },
  { name: 'KOOMOCK_AK', path: ['seller', 'ak'], type: 'string' },
  { name: 'KOOMOCK_SK', path: ['seller', 'sk'], type: 'string' },
  { name: 'KOOMOCK_KEY', path: ['seller', 'keys', 'basic'], type: 'string' },
  { name: 'KOOMOCK_KIT_KEY', path: ['seller', 'keys', 'kit'], type: 'string' },
  { name: 'KOOMOCK_GENERAL_KEY', path: ['seller', 'keys', 'general'], type: 'string' },
  { name: 'KOOMOCK_LICENSE_KEY', path: ['seller', 'keys', 'license'], type: 'string' },
  { name: 'KOOMOCK_USAGE_KEY', path: ['seller', 'keys', 'usage'], type: 'string' },
  { name: 'KOOMOCK_V1_KEY', path: ['seller', 'keys', 'v1'], type: 'string' },
  { name: 'KOOMOCK_AGENT_URL', path: ['agent', 'url'], type: 'string' },
  { name: 'KOOMOCK_AGENT_AK', path: ['agent', 'ak'], type: 'string' },
  { name: 'KOOMOCK_AGENT_SK', path: ['agent', 'sk'], type: 'string' },
];

/**
 * One layer per KOOMOCK_* variable that is set (an empty variable counts as unset, as in most shells'
 * `VAR= cmd` idiom), so every value knows which variable it came from.
 * @example
 *   toEnvLayers({ KOOMOCK_PORT: '8080' }, '/repo')[0]?.value; // { server: { port: 8080 } }
 */
export function toEnvLayers(env: Readonly<Record<string, string | undefined>>, cwd: string): Layer[] {
  return CONFIG_VARIABLES.flatMap((v): Layer[] => {
    const raw = env[v.name];
    if (raw === undefined || raw === '') return [];
    // Not-quite-integers stay text, so the schema can say what was wrong with them.
    const value = v.type === 'integer' && /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : raw;
    return [{ source: { kind: 'env', variable: v.name }, value: toNested(v.path, value), baseDir: cwd }];
  });
}
