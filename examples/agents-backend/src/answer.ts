/**
 * The backend's answers: a JSON object with the top-level `usage` the gateway bills from, or an
 * event stream whose last `data:` event carries it.
 */
import type { ServerResponse } from 'node:http';

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** A stand-in for the model: the answer text and what it cost in tokens. */
export function think(input: string): { text: string; usage: Usage } {
  const text = `你问的是：${input}。南京是江苏省的省会。`;
  const prompt = Array.from(input).length;
  const completion = Array.from(text).length;
  return { text, usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion } };
}

export function writeJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Streams the text in chunks, then one last event with `usage`, then `[DONE]`. */
export function writeSse(res: ServerResponse, text: string, usage: Usage | undefined): void {
  res.writeHead(200, { 'content-type': 'text/event-stream;charset=UTF-8', 'cache-control': 'no-cache' });
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i += 8) res.write(`data: ${JSON.stringify({ delta: chars.slice(i, i + 8).join('') })}\n\n`);
  res.write(`data: ${JSON.stringify(usage === undefined ? { delta: '' } : { delta: '', usage })}\n\n`);
  res.end('data: [DONE]\n\n');
}
