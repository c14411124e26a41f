/**
 * Which platform host a request counts as: the host name it was addressed to when that is one of
 * `server.hostNames`, else the primary one (the main port stands for it, whatever the Host header
 * says, e.g. `127.0.0.1:7070`).
 */

/**
 * @example
 *   toPlatformHost('127.0.0.1', ['mkt.myhuaweicloud.com', 'mkt.myhuaweicloud.cn']) // 'mkt.myhuaweicloud.com'
 *   toPlatformHost('MKT.myhuaweicloud.cn', ['mkt.myhuaweicloud.com', 'mkt.myhuaweicloud.cn']) // 'mkt.myhuaweicloud.cn'
 */
export function toPlatformHost(host: string | undefined, hostNames: readonly string[]): string | undefined {
  const name = host?.toLowerCase();
  const names = hostNames.map((h) => h.toLowerCase());
  if (names.length === 0 || (name !== undefined && names.includes(name))) return name;
  return names[0];
}
