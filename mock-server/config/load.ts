import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { configError, isKoomockError } from '../core/errors.js';
import { getSchemaRegistry, SCHEMAS_DIR } from './schemas-fs.js';
import { buildConfig } from './build.js';
import { toDefaultInput } from './defaults.js';
import { CONFIG_FILE_VARIABLE, toEnvLayers } from './env.js';
import { toFlagLayers, type ConfigFlags } from './flags.js';
import { mergeLayers, toNested, type Layer } from './layers.js';
import { parseConfigText } from './parse-file.js';
import { toConfigError, type ConfigProblem } from './problems.js';
import { toSchemaProblems } from './schema-problems.js';
import type { Schema } from '../core/schemas/schema-walk.js';
import { isSecretPath } from './secrets.js';
import { checkSemantics } from './semantics.js';
import { CREDENTIAL_PATHS, type KoomockConfig, type LoadedConfig } from './types.js';

export const CONFIG_SCHEMA_ID = 'config.schema.json';

/** Looked for in the current folder, in this order, when no file is named. */
export const CONFIG_FILE_NAMES = ['koomock.config.yaml', 'koomock.config.yml', 'koomock.config.json'] as const;

// Far above any real config; stops a wrong --config (a log, a binary) before it is parsed.
const MAX_FILE_BYTES = 4 * 1024 * 1024;

let schemaRoot: Schema | undefined;
const configSchema = (): Schema =>
  (schemaRoot ??= JSON.parse(readFileSync(join(SCHEMAS_DIR, CONFIG_SCHEMA_ID), 'utf8')) as Schema);

export interface LoadConfigOptions {
  /** The file named by `--config`; wins over KOOMOCK_CONFIG and over looking in `cwd`. */
  readonly file?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly flags?: ConfigFlags;
  /** Flags of one command that set a config key (e.g. `koomock agent call --url`), over every other layer. */
  readonly commandFlags?: readonly { readonly flag: string; readonly path: readonly string[]; readonly value: unknown }[];
  /** Relative paths from variables and flags, and the file search, start here. */
  readonly cwd: string;
}

const display = (cwd: string, file: string): string => {
  const rel = relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
};

/**
 * The config file in `cwd`, if there is exactly one; two candidates are an error, since silently
 * preferring one would hide edits made to the other.
 */
export function findConfigFile(cwd: string): string | undefined {
  const found = CONFIG_FILE_NAMES.map((n) => join(cwd, n)).filter((p) => existsSync(p));
  if (found.length > 1) {
    throw configError(`found ${found.map((p) => display(cwd, p)).join(' and ')}: keep one, or name the one to use with --config`, { files: found });
  }
  return found[0];
}

function readConfigFile(path: string, cwd: string, namedBy: string | undefined): Layer {
  const name = display(cwd, path);
  const from = namedBy === undefined ? '' : ` (named by ${namedBy})`;
  const unreadable = (e: unknown) => {
    const code = e instanceof Error && 'code' in e ? String(e.code) : 'unknown error';
    return code === 'ENOENT'
      ? configError(`config file ${name}${from} does not exist: check the path, or run \`koomock init\` to write one`, { file: name })
      : configError(`cannot read config file ${name}${from}: ${code === 'EISDIR' ? 'it is a folder' : code}`, { file: name }, e);
  };
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) {
      throw configError(`${name}${from} is ${size} bytes; a config file is at most ${MAX_FILE_BYTES} bytes. Is it the right file?`, { file: name });
    }
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw isKoomockError(e) ? e : unreadable(e);
  }
  const parsed = parseConfigText(text, name, extname(path).toLowerCase() === '.json' ? 'json' : 'yaml');
  return {
    source: { kind: 'file', file: name },
    value: parsed.value as Record<string, unknown>,
    baseDir: resolve(path, '..'),
    locate: parsed.locate,
  };
}

/** Every secret any layer holds, so that no message can echo one even by accident. */
function secretsOf(layers: readonly Layer[]): string[] {
  return layers.flatMap((layer) =>
    CREDENTIAL_PATHS.filter(isSecretPath).flatMap((path) => {
      const v = path.split('.').reduce<unknown>((node, s) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[s] : undefined), layer.value);
      return typeof v === 'string' ? [v] : [];
    }),
  );
}

function resolveLayers(layers: readonly Layer[], file?: string): LoadedConfig {
  const merged = mergeLayers(layers);
  const secrets = secretsOf(layers);
  const fail = (problems: readonly ConfigProblem[]) => toConfigError(problems, merged, secrets);
  const schema = getSchemaRegistry().validate(CONFIG_SCHEMA_ID, merged.value);
  if (!schema.ok) throw fail(toSchemaProblems(configSchema(), merged.value, schema.violations));
  const semantic = checkSemantics(merged.value);
  if (semantic.length > 0) throw fail(semantic);
  const built = buildConfig(merged, (path) => readFileSync(path, 'utf8'));
  if (built.config === undefined || built.problems.length > 0) throw fail(built.problems);
  return { config: built.config, sources: built.sources, ...(file === undefined ? {} : { file }) };
}

const defaultsLayer = (cwd: string): Layer => ({ source: { kind: 'default' }, value: toDefaultInput() as Record<string, unknown>, baseDir: cwd });

/**
 * Loads the configuration: defaults <- file <- KOOMOCK_* variables <- flags, validated once against
 * schemas/config.schema.json. Any problem throws one CONFIG_INVALID error that lists them all, with
 * file and line, variable or flag, and no secret values.
 * @example
 *   const { config, sources } = loadConfig({ env: process.env, flags: { port: '9090' }, cwd: process.cwd() });
 *   config.server.port;          // 9090
 *   sources['seller.keys.basic']; // { kind: 'default' } unless set somewhere
 */
export function loadConfig(options: LoadConfigOptions): LoadedConfig {
  const { env, cwd } = options;
  const fromVariable = env[CONFIG_FILE_VARIABLE] === '' ? undefined : env[CONFIG_FILE_VARIABLE];
  const namedBy = options.file !== undefined ? '--config' : fromVariable !== undefined ? CONFIG_FILE_VARIABLE : undefined;
  const named = options.file ?? fromVariable;
  const path = named === undefined ? findConfigFile(cwd) : resolve(cwd, named);
  const fileLayer = path === undefined ? [] : [readConfigFile(path, cwd, namedBy)];
  const layers = [defaultsLayer(cwd), ...fileLayer, ...toEnvLayers(env, cwd), ...toFlagLayers(options.flags ?? {}, cwd), ...(options.commandFlags ?? []).map((f): Layer => ({ source: { kind: 'flag', flag: f.flag }, value: toNested(f.path, f.value), baseDir: cwd }))];
  return resolveLayers(layers, path);
}

/**
 * Resolves a config given as an object (e.g. `createEmulator({ config })`) over the defaults, with the
 * same validation and messages as a file; no variables or files are read.
 * @example
 *   resolveConfig({ server: { db: 'memory', port: 0 } }, { cwd: process.cwd() }).server.port; // 0
 */
export function resolveConfig(input: unknown, options: { readonly cwd: string; readonly label?: string }): KoomockConfig {
  const layer: Layer = { source: { kind: 'object', label: options.label ?? 'the config object' }, value: (input ?? {}) as Record<string, unknown>, baseDir: options.cwd };
  return resolveLayers([defaultsLayer(options.cwd), layer]).config;
}
