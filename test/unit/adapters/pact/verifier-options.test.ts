import { describe, expect, test } from 'vitest';
import { toVerifierSourceOptions } from '../../../../mock-server/adapters/pact/verifier-options.js';

describe('toVerifierSourceOptions: what koomock passes to the Pact Verifier', () => {
  test('local pact files: no broker, nothing published (in CI too), pending pacts on', () => {
    expect(toVerifierSourceOptions({ pacts: ['a.json'] }, {})).toEqual({ pactUrls: ['a.json'], enablePending: true, failIfNoPactsFound: true });
    expect(toVerifierSourceOptions({ pacts: ['a.json'] }, { CI: 'true' }).publishVerificationResult).toBeUndefined();
  });

  test('a broker in CI publishes the results with the provider version and branch from the environment', () => {
    const options = toVerifierSourceOptions(
      { brokerUrl: 'https://broker.example', provider: 'my-saas' },
      { CI: 'true', GIT_COMMIT: 'abc123', GIT_BRANCH: 'main', PACT_BROKER_TOKEN: 'tok' },
    );
    expect(options).toEqual({
      provider: 'my-saas',
      pactBrokerUrl: 'https://broker.example',
      pactBrokerToken: 'tok',
      consumerVersionSelectors: [{ mainBranch: true }, { deployedOrReleased: true }, { matchingBranch: true }],
      publishVerificationResult: true,
      providerVersion: 'abc123',
      providerVersionBranch: 'main',
      enablePending: true,
      failIfNoPactsFound: true,
    });
  });

  test('outside CI a broker verification publishes nothing unless asked', () => {
    const options = toVerifierSourceOptions({ brokerUrl: 'https://broker.example', provider: 'p', providerVersion: '1' }, {});
    expect(options.publishVerificationResult).toBeUndefined();
    expect(toVerifierSourceOptions({ brokerUrl: 'https://b', provider: 'p', providerVersion: '1', publish: true }, {}).publishVerificationResult).toBe(true);
    expect(toVerifierSourceOptions({ brokerUrl: 'https://b', provider: 'p', publish: false }, { CI: 'true' }).publishVerificationResult).toBeUndefined();
  });

  test.for([
    ['no pacts at all', {}, {}, /give the pacts to verify: --pact FILE\|DIR/],
    ['both sources', { pacts: ['a'], brokerUrl: 'https://b', provider: 'p' }, {}, /give --pact or --broker-url, not both/],
    ['a broker without provider', { brokerUrl: 'https://b' }, {}, /--broker-url needs --provider NAME/],
    ['publishing without a broker', { pacts: ['a'], publish: true }, {}, /publishing verification results needs a broker/],
    ['publishing without a version', { brokerUrl: 'https://b', provider: 'p' }, { CI: 'true' }, /needs the provider version: give --provider-version/],
  ] as const)('refuses %s, saying what to give', ([, source, env, message]) => {
    expect(() => toVerifierSourceOptions(source, env)).toThrow(message);
  });
});
