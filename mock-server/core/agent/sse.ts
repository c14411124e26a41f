/**
 * A bounded reader of a Server-Sent Events body (the `text/event-stream` answers of a streaming
 * Agents backend). It never throws: the body is untrusted seller output, already capped by the
 * transport; at most `MAX_SSE_EVENTS` events are kept and each event's data is at most one line
 * block as the SSE rules join it.
 */

/** Most events kept from one answer; later ones are counted but not kept. */
export const MAX_SSE_EVENTS = 10_000;

export interface SseEvent {
  /** The `event:` field, if any. */
  readonly event?: string;
  /** The `data:` lines joined with "\n" (SSE rules). */
  readonly data: string;
}

export interface SseRead {
  readonly events: readonly SseEvent[];
  /** Events seen in all (more than `events.length` when the cap was hit). */
  readonly total: number;
  /** Lines that are not `field: value`, a comment or blank (e.g. a JSON body sent without `data:`). */
  readonly strayLines: number;
}

/**
 * Splits an event stream into events: blank lines end an event, `:` lines are comments, `data:`
 * lines accumulate. An event without data is not kept (SSE rules dispatch none).
 * @example
 *   readSse('data: {"a":1}\n\ndata: [DONE]\n\n').events; // [{ data: '{"a":1}' }, { data: '[DONE]' }]
 */
export function readSse(text: string): SseRead {
  const events: SseEvent[] = [];
  let total = 0;
  let strayLines = 0;
  let data: string[] = [];
  let event: string | undefined;
  const dispatch = (): void => {
    if (data.length > 0) {
      total += 1;
      if (events.length < MAX_SSE_EVENTS) events.push({ ...(event === undefined ? {} : { event }), data: data.join('\n') });
    }
    data = [];
    event = undefined;
  };
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line === '') {
      dispatch();
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field !== 'id' && field !== 'retry') strayLines += 1;
  }
  // A stream that ends without a blank line still delivers its last event.
  dispatch();
  return { events, total, strayLines };
}
