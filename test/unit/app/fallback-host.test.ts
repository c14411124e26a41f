import { describe, expect, test } from 'vitest';
import { parseFallbackPort, toFallbackHostPorts } from '../../../mock-server/app/fallback-host.js';
import { resolveConfig } from '../../../mock-server/config/load.js';

const config = (hostNames?: string[]) => resolveConfig(hostNames === undefined ? {} : { server: { hostNames } }, { cwd: process.cwd(), label: 'test' });

describe('--fallback-port', () => {
  test.for([
    ['7071', 7071],
    ['0', 0],
    [undefined, undefined],
  ] as const)('reads %s as %s', ([text, port]) => {
    expect(parseFallbackPort(text)).toBe(port);
  });

  test.for(['-1', '65536', 'abc', '70.5', ''])('refuses %j, saying what a port is', (text) => {
    expect(() => parseFallbackPort(text)).toThrow(/--fallback-port expects a port from 0 to 65535/);
  });

  test('serves the second of server.hostNames', () => {
    expect(toFallbackHostPorts(config(), 7071)).toEqual({ 'mkt.myhuaweicloud.cn': 7071 });
    expect(toFallbackHostPorts(config(), undefined)).toEqual({});
  });

  test('refuses when server.hostNames names no fallback host', () => {
    expect(() => toFallbackHostPorts(config(['mkt.myhuaweicloud.com']), 7071)).toThrow(/lists only mkt.myhuaweicloud.com: add the fallback host/);
  });
});
