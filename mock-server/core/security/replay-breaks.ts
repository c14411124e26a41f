import type { AttackName } from '../checks/attack-names.js';

/**
 * How a replayed call can be sent broken (`koomock replay --break`, `POST
 * /_koomock/exchanges/{id}/replay {"break"}`), and the forged call each one sends (docs/security.md).
 */
export const REPLAY_BREAKS: Readonly<Record<string, AttackName>> = {
  tamper: 'body-changed-after-signing',
  stale: 'timestamp-stale',
  'wrong-key': 'wrong-key',
  replay: 'replay',
};
