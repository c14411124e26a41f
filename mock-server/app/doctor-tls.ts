/**
 * What KooGallery requires of a production interface's TLS (produce-api.md: HTTPS, a certificate
 * issued by a CA for a domain name, TLS 1.2 or newer), looked at with one handshake.
 */
import { isIP } from 'node:net';
import { connect } from 'node:tls';

export interface TlsFacts {
  readonly protocol?: string;
  /** Whether the chain verifies against Node's CA store for the host name. */
  readonly authorized: boolean;
  readonly authorizationError?: string;
  readonly error?: string;
}

/**
 * @example await inspectTls(new URL('https://saas.example.com/produce')) // { protocol: 'TLSv1.3', authorized: true }
 */
export function inspectTls(url: URL, timeoutMs = 10_000): Promise<TlsFacts> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port === '' ? 443 : url.port);
  return new Promise((resolve) => {
    const socket = connect({ host, port, rejectUnauthorized: false, ...(isIP(host) === 0 ? { servername: host } : {}) });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ authorized: false, error: `no TLS handshake within ${timeoutMs} ms` });
    }, timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const protocol = socket.getProtocol() ?? undefined;
      const error = socket.authorizationError;
      socket.end();
      resolve({ ...(protocol === undefined ? {} : { protocol }), authorized: socket.authorized, ...(error === undefined ? {} : { authorizationError: String(error) }) });
    });
    socket.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ authorized: false, error: e.code ?? e.message });
    });
  });
}

/** TLS versions the platform accepts. */
export const isModernTls = (protocol: string | undefined): boolean => protocol === 'TLSv1.2' || protocol === 'TLSv1.3';
