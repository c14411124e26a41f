/** Starts the reference Agents backend from the environment: AGENTS_AK, AGENTS_SK, PORT (default 8090). */
import { startAgentsBackend } from './server.js';

const ak = process.env['AGENTS_AK'];
const sk = process.env['AGENTS_SK'];
if (ak === undefined || sk === undefined || ak === '' || sk === '') {
  process.stderr.write('set AGENTS_AK and AGENTS_SK to the AK/SK pair registered with the gateway\n');
  process.exit(2);
}
const backend = await startAgentsBackend({ keys: new Map([[ak, sk]]), port: Number(process.env['PORT'] ?? 8090), host: process.env['HOST'] ?? '127.0.0.1' });
process.stdout.write(`Agents backend listening on ${backend.url}\n`);
