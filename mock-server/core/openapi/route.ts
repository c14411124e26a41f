import type { ApiRequest, ApiResponse } from '../http-types.js';

/** Path parameters captured by `{name}` segments of a route path. */
export type PathParams = Readonly<Record<string, string>>;

/** How a route authenticates its caller before its handler runs. */
export type RouteAuth = 'apig' | 'none';

/**
 * One operation of the fake Open APIs. The same table builds the express app and the msw handlers,
 * so the server and in-process tests cannot disagree.
 */
export interface Route<Ctx> {
  /** Stable operation id, e.g. `order.query`; used by the journal and fault injection. */
  readonly id: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path template with `{name}` segments, e.g. `/api/mkp-openapi-public/global/v1/market-event/{event_id}/file`. */
  readonly path: string;
  readonly auth: RouteAuth;
  readonly handle: (req: ApiRequest, params: PathParams, ctx: Ctx) => ApiResponse | Promise<ApiResponse>;
}

interface CompiledRoute<Ctx> {
  readonly route: Route<Ctx>;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

export interface RouteMatch<Ctx> {
  readonly route: Route<Ctx>;
  readonly params: PathParams;
}

/** What a lookup found: a route, a path served under another method, or nothing. */
export type RouteLookup<Ctx> =
  | { readonly kind: 'found'; readonly match: RouteMatch<Ctx> }
  | { readonly kind: 'method-not-allowed'; readonly allowed: readonly string[] }
  | { readonly kind: 'not-found' };

const compile = <Ctx>(route: Route<Ctx>): CompiledRoute<Ctx> => {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((seg) => {
      const m = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(seg);
      if (m?.[1] === undefined) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1]);
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}/?$`), names };
};

/**
 * A router over a route table.
 * @example
 *   const router = createRouter(routes);
 *   const found = router.lookup('GET', '/api/mkp-openapi-public/global/v1/order/query');
 */
export function createRouter<Ctx>(routes: readonly Route<Ctx>[]) {
  const compiled = routes.map(compile);
  return {
    routes,
    lookup(method: string, path: string): RouteLookup<Ctx> {
      const allowed: string[] = [];
      for (const c of compiled) {
        const m = c.pattern.exec(path);
        if (m === null) continue;
        if (c.route.method !== method.toUpperCase()) {
          allowed.push(c.route.method);
          continue;
        }
        const params: Record<string, string> = {};
        c.names.forEach((name, i) => {
          const raw = m[i + 1] ?? '';
          try {
            params[name] = decodeURIComponent(raw);
          } catch {
            params[name] = raw;
          }
        });
        return { kind: 'found', match: { route: c.route, params } };
      }
      return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
    },
  };
}

export type Router<Ctx> = ReturnType<typeof createRouter<Ctx>>;
