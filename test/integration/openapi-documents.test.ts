import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runSuite } from '../../mock-server/app/run-suite.js';
import { loadShippedScenarios } from '../../mock-server/app/scenario-files.js';
import { resolveConfig } from '../../mock-server/config/load.js';
import { getSchemaRegistry } from '../../mock-server/config/schemas-fs.js';
import { createEmulator } from '../../mock-server/emulator.js';
import { OPENAPI_DOCUMENTS, OUT_DIR, toText } from '../../scripts/openapi-documents.js';
import { startReferenceSeller, type SellerCredentials } from '../support/faulty-sellers.js';

/*
 * The OpenAPI 3.1 documents of schemas/openapi/: written from the JSON Schemas (up to date),
 * valid for a well-kept linter (Redocly, recommended rules), and usable: every answer the reference
 * seller gives in the core suite validates against the schema the seller document names for it.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { $ref?: string; oneOf?: { $ref: string }[] } }> }> }>> };
const document = (file: string): Doc => JSON.parse(readFileSync(join(OUT_DIR, file), 'utf8')) as Doc;

/** The `$id` of the schema file a document's `$ref` points at. */
const schemaIdOf = (refPath: string): string => (JSON.parse(readFileSync(resolve(OUT_DIR, refPath), 'utf8')) as { $id: string }).$id;

describe('OpenAPI documents', () => {
  test('the committed documents are what scripts/openapi-documents.ts builds (run npm run openapi after changing a schema)', () => {
    for (const [file, build] of Object.entries(OPENAPI_DOCUMENTS)) expect(readFileSync(join(OUT_DIR, file), 'utf8'), file).toBe(toText(build()));
  });

  test('they pass Redocly lint (recommended rules, redocly.yaml) with no error', async () => {
    const result = await new Promise<{ code: number; out: string }>((done) => {
      execFile(process.execPath, [join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js'), 'lint', '--format=summary'], { cwd: ROOT, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' } }, (error, stdout, stderr) =>
        done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, out: `${stdout}${stderr}` }),
      );
    });
    expect(result.out).toContain('Your API descriptions are valid');
    expect(result.code, result.out).toBe(0);
  }, 60_000);

  test('every answer of the reference seller in the core suite validates against the schema the seller document gives for it', async () => {
    const creds: SellerCredentials = { keys: { basic: 'oas-basic-key-0123456789', general: 'oas-general-key-0123456789', kit: 'oas-kit-key-0123456789' }, ak: 'OASREFERENCEAK000000', sk: 'oasReferenceSecretAccessKey0000000000000' };
    const emulator = await createEmulator({ config: { seller: { ak: creds.ak, sk: creds.sk } } });
    const seller = await startReferenceSeller({ ...creds, emulatorUrl: emulator.url });
    try {
      const config = resolveConfig({ seller: { ak: creds.ak, sk: creds.sk, keys: creds.keys, productionUrl: seller.produceUrl } }, { cwd: ROOT });
      const scenarios = loadShippedScenarios({ catalog: config.catalog }).filter((s) => s.group === 'core');
      await runSuite({ config, scenarios, emulator: { url: emulator.url } });
      const doc = document('seller-interface.openapi.json');
      const base = new URL(seller.produceUrl).pathname.replace(/\/produce$/, '');
      const registry = getSchemaRegistry();
      const validated = new Set<string>();
      const problems: string[] = [];
      for (const exchange of await emulator.admin.listExchanges({ direction: 'outbound', limit: 1000 })) {
        const request = exchange.request as { method: string; url: string; body?: string };
        const response = exchange.response as { status: number; body?: string } | undefined;
        if (response === undefined || response.body === undefined) continue;
        const path = new URL(request.url).pathname.slice(base.length);
        const operation = doc.paths[path]?.[request.method.toLowerCase()];
        if (operation === undefined) {
          problems.push(`${request.method} ${path}: not in the seller document`);
          continue;
        }
        const schema = operation.responses['200']?.content?.['application/json']?.schema;
        const refPath = schema?.$ref ?? schema?.oneOf?.find((r) => r.$ref.endsWith(`/${exchange.operation}.response.schema.json`))?.$ref;
        if (refPath === undefined) {
          problems.push(`${exchange.operation}: no response schema in the seller document`);
          continue;
        }
        const verdict = registry.validate(schemaIdOf(refPath), JSON.parse(response.body));
        if (!verdict.ok) problems.push(`${exchange.operation}: ${JSON.stringify(verdict.violations).slice(0, 300)}`);
        validated.add(exchange.operation);
      }
      expect(problems).toEqual([]);
      expect([...validated].sort()).toEqual(expect.arrayContaining(['newInstance', 'orderNotify', 'queryInstance', 'refreshInstance', 'releaseInstance', 'updateInstanceStatus', 'upgradeInstance']));
    } finally {
      await seller.close();
      await emulator.close();
    }
  }, 60_000);
});
