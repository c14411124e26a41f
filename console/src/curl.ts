/** A journaled outbound call as a curl command line, with the signature exactly as sent. */
const quote = (s: string): string => `'${s.replaceAll("'", "'\\''")}'`;

const SKIPPED = new Set(['content-length', 'host', 'connection']);

export function toCurl(request: Record<string, unknown>): string {
  const method = typeof request['method'] === 'string' ? request['method'] : 'POST';
  const url = typeof request['url'] === 'string' ? request['url'] : '';
  const headers = (request['headers'] ?? {}) as Record<string, string>;
  const parts = ['curl', '-sS', '-X', method, quote(url)];
  for (const [k, v] of Object.entries(headers)) if (!SKIPPED.has(k.toLowerCase())) parts.push('-H', quote(`${k}: ${v}`));
  if (typeof request['body'] === 'string') parts.push('--data-raw', quote(request['body']));
  return parts.join(' ');
}
