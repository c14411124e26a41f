/**
 * Extra ports that stand for the platform's other host names, so a seller's failover can be tested
 * without DNS: `mkt.myhuaweicloud.cn` on its own loopback port, say. Each listener tags its
 * requests with its host name; a host-down fault resets its new connections at once (RST), before
 * a byte is read, which is what a seller's HTTP client meets when a host is unreachable.
 */
import type { Socket } from 'node:net';
import { usageError } from '../../core/errors.js';
import { createApp } from './app.js';
import type { EmulatorRuntime } from '../../app/emulator-runtime.js';
import { listen, type RunningServer } from './server.js';

export interface HostListenersOptions {
  /** The address to listen on (the emulator's, e.g. 127.0.0.1). */
  readonly host: string;
  /** Host name -> port (0: a free one); names must be among `server.hostNames`. */
  readonly hostPorts: Readonly<Record<string, number>>;
}

export interface HostListeners {
  /** Host name -> base URL of its listener. */
  readonly urls: Readonly<Record<string, string>>;
  close(graceMs?: number): Promise<void>;
}

/** Journals a refused connection: there is no request, so no operation, but the seller tried this host. */
function recordRefusal(runtime: EmulatorRuntime, hostName: string, note: string): void {
  try {
    runtime.store.appendExchange({
      direction: 'inbound',
      operation: 'connection',
      request: { host: hostName },
      response: { reset: true },
      startedAt: runtime.context.clock.now(),
      durationMs: 0,
      verdicts: [{ id: 'fault.injected', ok: true, severity: 'warn', received: note }],
    });
  } catch {
    // The journal must never keep a fault from acting.
  }
}

function refuseWhenDown(runtime: EmulatorRuntime, hostName: string, socket: Socket): void {
  const note = runtime.faults.refuseConnection(hostName);
  if (note === undefined) return;
  recordRefusal(runtime, hostName, note);
  socket.resetAndDestroy();
}

/**
 * Starts one listener per named host and records their URLs in `runtime.hosts`.
 * @example
 *   const extra = await startHostListeners(runtime, { host: '127.0.0.1', hostPorts: { 'mkt.myhuaweicloud.cn': 0 } });
 *   extra.urls['mkt.myhuaweicloud.cn']; // 'http://127.0.0.1:54321'
 */
export async function startHostListeners(runtime: EmulatorRuntime, options: HostListenersOptions): Promise<HostListeners> {
  const known = runtime.config.server.hostNames.map((h) => h.toLowerCase());
  const entries = Object.entries(options.hostPorts).map(([name, port]) => [name.toLowerCase(), port] as const);
  for (const [name] of entries) {
    if (!known.includes(name)) {
      throw usageError(`koomock cannot serve ${name} on its own port: it is not one of server.hostNames (${known.join(', ') || 'none'}); add it there first`, { host: name });
    }
  }
  const running: RunningServer[] = [];
  const urls: Record<string, string> = {};
  const close = async (graceMs?: number): Promise<void> => {
    await Promise.all(running.map((r) => r.close(graceMs)));
  };
  try {
    for (const [name, port] of entries) {
      const app = createApp(runtime, { listenHost: options.host, platformHost: name });
      const server = await listen(app, { host: options.host, port });
      server.server.on('connection', (socket: Socket) => refuseWhenDown(runtime, name, socket));
      running.push(server);
      urls[name] = server.url;
      runtime.hosts.set(name, server.url);
    }
  } catch (e) {
    await close();
    throw e;
  }
  return { urls, close };
}
