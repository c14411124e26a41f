/**
 * The admin API, used the same way a test would: JSON over fetch from the console's own origin, the
 * admin token (when the emulator has one) kept in sessionStorage only, for this tab.
 */
const ROOT = new URL('../', window.location.href).pathname.replace(/\/$/, ''); // /_koomock
const TOKEN_KEY = 'koomock.adminToken';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const getToken = (): string | null => sessionStorage.getItem(TOKEN_KEY);
export const setToken = (token: string): void => sessionStorage.setItem(TOKEN_KEY, token);
export const forgetToken = (): void => sessionStorage.removeItem(TOKEN_KEY);

/** Called when the API answers 401: the console then asks for the token. */
let onUnauthorized: () => void = () => {};
export const whenUnauthorized = (f: () => void): void => {
  onUnauthorized = f;
};

function headers(json: boolean): Record<string, string> {
  const h: Record<string, string> = { accept: 'application/json' };
  if (json) h['content-type'] = 'application/json';
  const token = getToken();
  if (token !== null) h['authorization'] = `Bearer ${token}`;
  return h;
}

export async function api<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const post = method !== 'GET';
  const res = await fetch(`${ROOT}${path}`, { method, headers: headers(post), credentials: 'same-origin', ...(post ? { body: JSON.stringify(body ?? {}) } : {}) });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!res.ok) {
    const e = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
    if (res.status === 401) onUnauthorized();
    throw new ApiError(res.status, e?.code ?? 'HTTP', e?.message ?? `HTTP ${res.status}`);
  }
  return parsed as T;
}

/**
 * The server-sent event stream, read with fetch so the token can go in a header (EventSource
 * cannot send one). Reconnects after a drop until `stop()`.
 */
export function subscribe(afterId: () => number | undefined, on: (event: string, data: unknown) => void): () => void {
  let stopped = false;
  let controller: AbortController | undefined;
  async function loop(): Promise<void> {
    while (!stopped) {
      controller = new AbortController();
      try {
        const after = afterId();
        const res = await fetch(`${ROOT}/events${after === undefined ? '' : `?afterId=${after}`}`, { headers: headers(false), signal: controller.signal });
        if (res.status === 401) {
          onUnauthorized();
          return;
        }
        if (!res.ok || res.body === null) throw new Error(`HTTP ${res.status}`);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event !== undefined && data !== undefined) on(event, JSON.parse(data));
          }
        }
      } catch {
        // dropped: retry below
      }
      if (!stopped) await new Promise((r) => setTimeout(r, 1000));
    }
  }
  void loop();
  return () => {
    stopped = true;
    controller?.abort();
  };
}
