import type { Clock, Random } from '../ports.js';
import type { FidelityProfile } from '../profile.js';
import type { SchemaRegistry } from '../schemas/registry.js';
import type { ExchangeSink, SellerTransport } from '../ports.js';
import type { SellerKeys } from './types.js';

/** Everything one produce call needs from outside the core. */
export interface ProduceDeps {
  readonly transport: SellerTransport;
  readonly clock: Clock;
  readonly random: Random;
  readonly profile: FidelityProfile;
  readonly keys: SellerKeys;
  /** Validates answers against `produce/v2|v1/<activity>.response.schema.json` and `kit/<op>.response.schema.json`. */
  readonly schemas: SchemaRegistry;
  /** Journal; every attempt is recorded as it finishes. */
  readonly sink?: ExchangeSink;
}
