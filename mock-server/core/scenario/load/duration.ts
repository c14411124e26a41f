import { UNIT_MS } from '../../duration.js';

export { formatDuration, parseDuration, suggestDuration } from '../../duration.js';

/** Virtual waits may be long (a yearly subscription), but not absurd. */
export const MAX_WAIT_MS = 3660 * UNIT_MS.d;
