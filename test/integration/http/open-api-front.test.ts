/**
 * The node:http front: Open API bodies read as raw bytes with APIG's limit on a kept-alive
 * connection, and the requests it hands to the admin app (the console redirect of `/`) answered as
 * express routes them.
 */
import { connect } from 'node:net';
import { describe, expect } from 'vitest';
import { it, USAGE_PUSH } from './support.js';

/** Sends raw HTTP/1.1 on one connection and resolves with everything the server wrote once `until` matches it. */
function exchange(port: number, write: (socket: ReturnType<typeof connect>) => void, until: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = connect(port, '127.0.0.1', () => write(socket));
    const limit = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no full answer within 10 s: ${JSON.stringify(text.slice(0, 300))}`));
    }, 10_000);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (until.test(text)) {
        clearTimeout(limit);
        socket.destroy();
        resolve(text);
      }
    });
    socket.on('error', reject);
  });
}

const portOf = (url: string): number => Number(new URL(url).port);

describe('the Open API front', () => {
  it('a chunked body that grows past 12 MB is read off, answered 413 APIG.0201, and the connection serves the next request', async ({ emulator }) => {
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const text = await exchange(
      portOf(emulator.url),
      (socket) => {
        socket.write(`POST ${USAGE_PUSH} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`);
        for (let i = 0; i < 13; i++) socket.write(`${chunk.byteLength.toString(16)}\r\n${chunk.toString('latin1')}\r\n`);
        socket.write('0\r\n\r\n');
        socket.write('GET /_koomock/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      },
      /HTTP\/1\.1 200[\s\S]*\r\n\r\n\{[\s\S]*\}$/,
    );
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text).toContain('"error_code":"APIG.0201"');
    expect(text).toMatch(/\r\n\r\nHTTP\/1\.1 200 |\}HTTP\/1\.1 200 /);
  });

  it('a body cut short by a Content-Length never reaches the pipeline, and the server keeps answering', async ({ emulator }) => {
    await new Promise<void>((resolve) => {
      const socket = connect(portOf(emulator.url), '127.0.0.1', () => {
        socket.end(`POST ${USAGE_PUSH} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{"usage_records":`);
      });
      socket.on('error', () => resolve());
      socket.on('close', () => resolve());
      socket.resume();
    });
    expect((await fetch(`${emulator.url}/_koomock/health`)).status).toBe(200);
    expect(emulator.store.listExchanges({ limit: -1 }).filter((e) => e.operation !== 'connection' && e.request.path === USAGE_PUSH)).toEqual([]);
  });

  it.for(['/', '//', '/?from=bookmark'])('a browser opening %s on the admin address is sent to the console', async (target, { emulator }) => {
    const text = await exchange(
      portOf(emulator.url),
      (socket) => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nConnection: close\r\n\r\n`),
      /<\/body>$/,
    );
    expect(text).toMatch(/^HTTP\/1\.1 302 /);
    expect(text).toMatch(/\r\nLocation: \/_koomock\/console\/\r\n/i);
  });

  it.for(['///', '/index.html'])('%s with Accept: text/html is an Open API request (APIG answers it)', async (target, { emulator }) => {
    const res = await fetch(`${emulator.url}${target}`, { redirect: 'manual', headers: { accept: 'text/html' } });
    expect(res.status).not.toBe(302);
    expect(await res.json()).toHaveProperty('error_code');
  });
});
