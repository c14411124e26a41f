/**
 * The direction rule of koomock (docs/architecture.md), checked by `npm run deps` in `npm test`:
 * core layers import downward only (signing, market -> checks -> produce -> security -> scenario),
 * config sits on the core, app on config and core, adapters on app and core and never on each
 * other; no import cycles; no orphan modules.
 */
const CORE = '^mock-server/core/';
const ABOVE_CORE = '^mock-server/(app|adapters|config)/|^mock-server/(emulator|index)[.]ts$';

/** A core layer may not import a layer above it. */
const layer = (name, from, above) => ({
  name,
  severity: 'error',
  comment: `${from} is below ${above}: import downward only (docs/architecture.md, "The direction rule")`,
  from: { path: from },
  to: { path: above },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other cannot be understood or tested apart: move what both need into a lower module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment: 'A module nothing imports and that imports nothing is dead code: delete it or use it.',
      from: { orphan: true, pathNot: '[.]d[.]ts$' },
      to: {},
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'The core never imports the application layer, config, adapters or the entry points.',
      from: { path: CORE },
      to: { path: ABOVE_CORE },
    },
    layer('core-base-first', '^mock-server/core/(?!store[.]ts)[^/]+[.]ts$', `${CORE}(store[.]ts|signing|market|schemas|openapi|checks|produce|security|scenario)`),
    layer('signing-alone', `${CORE}signing/`, `${CORE}(store[.]ts|market|schemas|openapi|checks|produce|security|scenario)`),
    layer('market-alone', `${CORE}market/`, `${CORE}(store[.]ts|signing|schemas|openapi|checks|produce|security|scenario)`),
    layer('schemas-alone', `${CORE}schemas/`, `${CORE}(store[.]ts|signing|market|openapi|checks|produce|security|scenario)`),
    layer('store-port-below-users', `${CORE}store[.]ts$`, `${CORE}(openapi|checks|produce|security|scenario)`),
    layer('openapi-beside-checks', `${CORE}openapi/`, `${CORE}(checks|produce|security|scenario)`),
    layer('checks-below-produce', `${CORE}checks/`, `${CORE}(openapi|produce|security|scenario)`),
    layer('produce-below-security', `${CORE}produce/`, `${CORE}(openapi|security|scenario)`),
    layer('agent-below-scenario', `${CORE}agent/`, `${CORE}(openapi|produce|security|scenario)`),
    layer('security-below-scenario', `${CORE}security/`, `${CORE}(openapi|scenario)`),
    layer('scenario-load-below-run', `${CORE}scenario/load/`, `${CORE}scenario/run/`),
    {
      name: 'config-on-core',
      severity: 'error',
      comment: 'config/ reads settings for everyone above it: it imports the core only.',
      from: { path: '^mock-server/config/' },
      to: { path: '^mock-server/(app|adapters)/|^mock-server/(emulator|index)[.]ts$' },
    },
    {
      name: 'app-wires-driven-adapters-only',
      severity: 'error',
      comment: 'app/ builds the store, the seller transport and the HTTP server; the CLI and msw call app/, never the other way.',
      from: { path: '^mock-server/app/' },
      to: { path: '^mock-server/adapters/(cli|msw)/|^mock-server/(emulator|index)[.]ts$' },
    },
    {
      name: 'adapters-apart',
      severity: 'error',
      comment: 'An adapter translates one technology; adapters share code through app/ or core/, never directly.',
      from: { path: '^mock-server/adapters/([^/]+)/' },
      to: { path: '^mock-server/adapters/', pathNot: '^mock-server/adapters/$1/' },
    },
    {
      name: 'driven-adapters-below-app',
      severity: 'error',
      comment: 'The store and the seller transport implement core ports; app/ wires them, so they never import app/.',
      from: { path: '^mock-server/adapters/(store|seller)/' },
      to: { path: '^mock-server/app/' },
    },
    {
      name: 'adapters-below-entry-points',
      severity: 'error',
      comment: 'emulator.ts and index.ts are the programmatic API on top of everything.',
      from: { path: '^mock-server/(core|config|app|adapters)/' },
      to: { path: '^mock-server/(emulator|index)[.]ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^mock-server/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.json'] },
  },
};
