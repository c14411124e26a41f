/**
 * The options of a produce-pact verification, turned into Pact Verifier options: where the pacts
 * come from (files or a broker), and whether results are published (only in CI, with the provider
 * version and branch). Pure, so what is passed to Pact can be tested without a broker.
 */
import { KoomockError } from '../../core/errors.js';

export interface PactSourceOptions {
  /** Pact files or directories (local). */
  readonly pacts?: readonly string[];
  readonly brokerUrl?: string;
  readonly brokerToken?: string;
  readonly brokerUsername?: string;
  readonly brokerPassword?: string;
  /** Provider (seller) name: picks its pacts from the broker. */
  readonly provider?: string;
  readonly providerVersion?: string;
  readonly providerBranch?: string;
  /** Publish results to the broker; default: when the pacts come from a broker and the environment has CI=true. */
  readonly publish?: boolean;
  /** Include work-in-progress pacts since this date (broker only). */
  readonly includeWipPactsSince?: string;
}

/** The subset of Pact's VerifierOptions koomock sets from a source. */
export interface VerifierSourceOptions {
  provider?: string;
  pactUrls?: string[];
  pactBrokerUrl?: string;
  pactBrokerToken?: string;
  pactBrokerUsername?: string;
  pactBrokerPassword?: string;
  consumerVersionSelectors?: { mainBranch?: boolean; deployedOrReleased?: boolean; matchingBranch?: boolean }[];
  publishVerificationResult?: boolean;
  providerVersion?: string;
  providerVersionBranch?: string;
  enablePending: boolean;
  includeWipPactsSince?: string;
  failIfNoPactsFound: boolean;
}

const opt = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined || value === '' ? {} : { [key]: value }) as { [P in K]?: V };

/**
 * @example
 *   toVerifierSourceOptions({ brokerUrl: 'https://broker', provider: 'my-saas', providerVersion: 'abc' }, { CI: 'true' });
 *   // { pactBrokerUrl: 'https://broker', publishVerificationResult: true, providerVersion: 'abc', … }
 */
export function toVerifierSourceOptions(source: PactSourceOptions, env: Readonly<Record<string, string | undefined>>): VerifierSourceOptions {
  const files = source.pacts ?? [];
  if (files.length === 0 && source.brokerUrl === undefined) {
    throw new KoomockError('USAGE', 'give the pacts to verify: --pact FILE|DIR (repeatable) or --broker-url URL with --provider NAME');
  }
  if (files.length > 0 && source.brokerUrl !== undefined) throw new KoomockError('USAGE', 'give --pact or --broker-url, not both');
  const publish = source.publish ?? (env.CI === 'true' && source.brokerUrl !== undefined);
  if (publish && source.brokerUrl === undefined) {
    throw new KoomockError('USAGE', 'publishing verification results needs a broker: give --broker-url, or leave out --publish');
  }
  if (source.brokerUrl !== undefined && source.provider === undefined) throw new KoomockError('USAGE', '--broker-url needs --provider NAME: the broker hands out the pacts of that provider');
  const providerVersion = source.providerVersion ?? env.GIT_COMMIT ?? env.GITHUB_SHA;
  const providerBranch = source.providerBranch ?? env.GIT_BRANCH ?? env.GITHUB_REF_NAME;
  if (publish && providerVersion === undefined) {
    throw new KoomockError('USAGE', 'publishing verification results needs the provider version: give --provider-version (the seller\'s commit), or set GIT_COMMIT');
  }
  return {
    ...opt('provider', source.provider),
    ...(files.length > 0 ? { pactUrls: [...files] } : {}),
    ...opt('pactBrokerUrl', source.brokerUrl),
    ...opt('pactBrokerToken', source.brokerToken ?? env.PACT_BROKER_TOKEN),
    ...opt('pactBrokerUsername', source.brokerUsername ?? env.PACT_BROKER_USERNAME),
    ...opt('pactBrokerPassword', source.brokerPassword ?? env.PACT_BROKER_PASSWORD),
    ...(source.brokerUrl === undefined ? {} : { consumerVersionSelectors: [{ mainBranch: true }, { deployedOrReleased: true }, { matchingBranch: true }] }),
    ...(publish ? { publishVerificationResult: true } : {}),
    ...opt('providerVersion', providerVersion),
    ...opt('providerVersionBranch', providerBranch),
    enablePending: true,
    ...opt('includeWipPactsSince', source.includeWipPactsSince),
    failIfNoPactsFound: true,
  };
}
