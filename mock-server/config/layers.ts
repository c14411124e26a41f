import { isObject } from '../core/is-object.js';
import type { PathSegment, TextPosition as Position } from '../core/schemas/located-yaml.js';
import type { ValueSource } from './types.js';

/** One source of config values: the defaults, the file, one variable, or one flag. */
export interface Layer {
  readonly source: ValueSource;
  /** Config-file-shaped (possibly partial, possibly invalid) values. */
  readonly value: Readonly<Record<string, unknown>>;
  /** Relative paths in this layer (server.db, seller.kitPublicKeyFile) are resolved against this folder. */
  readonly baseDir: string;
  /** Where a value of this layer is written (files only). */
  readonly locate?: (path: readonly PathSegment[], at?: 'key' | 'value') => Position | undefined;
}

export interface MergedLayers {
  readonly value: Readonly<Record<string, unknown>>;
  /** The layer that supplied the value at `path` (or, for values below it, their nearest set ancestor). */
  layerAt(path: readonly PathSegment[]): Layer;
}

/** A partial config holding `value` at `path`, e.g. (['server', 'port'], 8080) -> { server: { port: 8080 } }. */
export function toNested(path: readonly string[], value: unknown): Record<string, unknown> {
  let out: unknown = value;
  for (let i = path.length - 1; i >= 0; i -= 1) out = { [path[i] as string]: out };
  return out as Record<string, unknown>;
}

// Own data property even for `__proto__`, so a hostile key cannot reach a prototype.
const put = (target: Record<string, unknown>, key: string, value: unknown): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
};

/**
 * Merges layers, later ones winning: objects merge key by key, lists and scalars replace. A layer
 * never merges into a non-object value below it, so an invalid file value stays visible to the
 * schema instead of being silently replaced.
 * @example
 *   mergeLayers([defaults, file, portVariable]).layerAt(['server', 'port']).source; // { kind: 'env', variable: 'KOOMOCK_PORT' }
 */
export function mergeLayers(layers: readonly Layer[]): MergedLayers {
  const first = layers[0];
  if (first === undefined) throw new Error('mergeLayers needs at least the defaults layer');
  const owners = new Map<string, Layer>();
  const keyOf = (path: readonly PathSegment[]): string => JSON.stringify(path);

  const merge = (base: unknown, overlay: unknown, path: PathSegment[], layer: Layer): unknown => {
    if (!isObject(base) || !isObject(overlay)) {
      if (isObject(overlay) && base !== undefined) return base;
      // What the replaced value held below this path no longer exists.
      const prefix = `${keyOf(path).slice(0, -1)},`;
      for (const k of owners.keys()) if (k.startsWith(prefix)) owners.delete(k);
      owners.set(keyOf(path), layer);
      return overlay;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(base)) put(out, k, v);
    for (const [k, v] of Object.entries(overlay)) {
      if (v === undefined) continue;
      put(out, k, merge(Object.hasOwn(base, k) ? base[k] : undefined, v, [...path, k], layer));
    }
    return out;
  };

  let value: unknown = {};
  owners.set(keyOf([]), first);
  for (const layer of layers) value = merge(value, layer.value, [], layer);
  return {
    value: value as Record<string, unknown>,
    layerAt(path) {
      for (let n = path.length; n >= 0; n -= 1) {
        const owner = owners.get(keyOf(path.slice(0, n)));
        if (owner !== undefined) return owner;
      }
      return first;
    },
  };
}
