import { configError, type KoomockError } from '../core/errors.js';
import type { Layer, MergedLayers } from './layers.js';
import type { PathSegment } from '../core/schemas/located-yaml.js';
import { isSecretPath, redactSecrets } from './secrets.js';

/** One thing wrong with the merged configuration, located by key path. */
export interface ConfigProblem {
  readonly path: readonly PathSegment[];
  readonly kind: 'unknown-key' | 'invalid' | 'missing';
  /** What the value must look like, in words. */
  readonly expected: string;
  /** The given value as shown in messages (secrets hidden); absent for missing values and unknown keys. */
  readonly received?: string;
  /** What to do, e.g. "did you mean `3h`?". */
  readonly hint?: string;
}

/** A key name worth echoing: a plain name. Anything else may be a pasted line (`sk: <secret>`). */
const PLAIN_KEY = /^[A-Za-z_$][\w$-]{0,63}$/;

/** A key name as shown in messages: plain names as written, anything else only by its length. */
const showKey = (key: string): string => (PLAIN_KEY.test(key) ? key : `<a key of ${[...key].length} characters>`);

/**
 * A key path as users write it: `profile.callTimeoutMs`, `catalog[2].chargingMode`. A key that is
 * not a plain name (spaces, colons, quotes: a pasted `sk: value` line) is named only by its length,
 * since it may hold a secret.
 * @example
 *   toKeyPath(['catalog', 2, 'chargingMode']); // 'catalog[2].chargingMode'
 */
export const toKeyPath = (path: readonly PathSegment[]): string =>
  path.length === 0
    ? '(top level)'
    : path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? showKey(s) : `.${showKey(s)}`)).join('');

/**
 * A given value for a message: short, quoted, and never a secret. Values are echoed only at
 * non-secret keys that hold a single value (`echo`); where a mapping was expected, a stray text
 * may be anything pasted in the wrong place, so only its kind is named.
 */
export function renderValue(value: unknown, keyPath: string, echo = true): string {
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') return 'a mapping';
  const secret = isSecretPath(keyPath);
  if (secret || !echo) {
    const kind = typeof value === 'string' ? `a text of ${[...value].length} characters` : `a ${typeof value}`;
    return secret ? `${kind} (hidden: it is a secret)` : kind;
  }
  if (typeof value === 'string') {
    const chars = [...value];
    return JSON.stringify(chars.length > 60 ? `${chars.slice(0, 57).join('')}...` : value);
  }
  return String(value);
}

/** Where a layer's value is written, e.g. `koomock.config.yaml, line 12`, `KOOMOCK_PORT`, `--port`. */
export function describeWhere(layer: Layer, path: readonly PathSegment[], at: 'key' | 'value'): { where: string; line?: number } {
  const s = layer.source;
  switch (s.kind) {
    case 'file': {
      // A missing key has no line of its own: point at the nearest enclosing value that has one.
      let line = layer.locate?.(path, at)?.line;
      for (let n = path.length - 1; line === undefined && n >= 0 && layer.locate !== undefined; n -= 1) line = layer.locate(path.slice(0, n))?.line;
      return line === undefined ? { where: s.file } : { where: `${s.file}, line ${line}`, line };
    }
    case 'env':
      return { where: `variable ${s.variable}` };
    case 'flag':
      return { where: `flag ${s.flag}` };
    case 'object':
      return { where: s.label };
    default:
      return { where: 'defaults' };
  }
}

function problemText(p: ConfigProblem): string {
  if (p.kind === 'unknown-key') return `unknown key${p.hint === undefined ? '' : `; ${p.hint}`}`;
  const got = p.kind === 'missing' ? 'nothing' : (p.received ?? 'nothing');
  return `expected ${p.expected}, got ${got}${p.hint === undefined ? '' : `; ${p.hint}`}`;
}

/**
 * One CONFIG_INVALID error listing every problem with its key path, its source (file and line,
 * variable or flag), what was expected and what was given. Known secrets are scrubbed from the
 * message and the details as a last line of defence.
 */
export function toConfigError(problems: readonly ConfigProblem[], merged: MergedLayers, secrets: Iterable<string>): KoomockError {
  const secretList = [...secrets];
  const clean = (s: string): string => redactSecrets(s, secretList);
  const rows = problems.map((p) => {
    const keyPath = toKeyPath(p.path);
    const { where, line } = describeWhere(merged.layerAt(p.path), p.path, p.kind === 'unknown-key' ? 'key' : 'value');
    return {
      keyPath: clean(keyPath),
      source: clean(where),
      ...(line === undefined ? {} : { line }),
      kind: p.kind,
      expected: clean(p.expected),
      ...(p.received === undefined ? {} : { received: clean(p.received) }),
      ...(p.hint === undefined ? {} : { hint: clean(p.hint) }),
      message: clean(`${keyPath} (${where}): ${problemText(p)}`),
    };
  });
  // File problems in line order first, as the reader walks the file; then variables and flags.
  rows.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
  const count = rows.length === 1 ? '1 problem' : `${rows.length} problems`;
  const message = [
    `invalid configuration (${count}):`,
    ...rows.map((r) => `  - ${r.message}`),
    'Fix the value where it is set and run again; docs/config.md describes every key, and `koomock init` writes a commented example.',
  ].join('\n');
  return configError(message, { problems: rows });
}
