import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { parseBoundedJson } from '../../../core/bounded-json.js';
import { usageError } from '../../../core/errors.js';
import { chooseLang } from '../i18n.js';
import type { CliIo } from '../io.js';
import { toSafeText } from '../reporters/safe-text.js';
import type { RegisterCommand } from './register.js';

const EXAMPLES = `
Examples:
  koomock agent call --url https://agent.example.com/v1/chat --ak "$AGENT_AK" --sk "$AGENT_SK"
  koomock agent call --url … --ak … --sk … --stream
  koomock agent call --url … --ak … --sk … --body '{"input":"hello"}' --json

Sends what the KooGallery Agents gateway sends (docs/agents.md): a valid call (HS256 JWT in
Authorization: Bearer, X-Request-Id, X-Customer-Id, X-Customer-Name), then the same call with an
expired JWT and with a JWT signed by another SK, which the backend must refuse with 4xx. Checks
agent.answer, agent.sse (--stream), agent.usage and the two rejections, and prints the bill from
agent.prices in the config. The AK, the SK and the JWT are never printed.
Exit codes: 0 every check passed, 1 a check failed, 2 koomock could not run.`;

function readBody(option: unknown, io: CliIo): string | undefined {
  if (typeof option !== 'string') return undefined;
  let text = option;
  if (option.startsWith('@')) {
    try {
      text = readFileSync(resolve(io.cwd, option.slice(1)), 'utf8');
    } catch (e) {
      throw usageError(`--body ${option}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'}); give an existing JSON file`);
    }
  }
  const parsed = parseBoundedJson(text);
  if (!parsed.ok) throw usageError(`--body is not JSON (${parsed.detail}): give the request body as JSON, or @file.json`);
  return text;
}

const CONFIG_FLAGS = [
  ['url', '--url', ['agent', 'url']],
  ['ak', '--ak', ['agent', 'ak']],
  ['sk', '--sk', ['agent', 'sk']],
  ['method', '--method', ['agent', 'method']],
  ['timeout', '--timeout', ['agent', 'timeout']],
] as const;

/**
 * `koomock agent call`: the Agents gateway's calls to a seller's backend, checked, with the bill.
 * What it runs is imported when it runs (`koomock --help` loads none of it).
 */
export const registerAgent: RegisterCommand = (program: Command, io: CliIo, setExit) => {
  const agent = program.command('agent').description('play the KooGallery Agents gateway against a seller\'s Agents backend (Agents网关)');
  agent
    .command('call')
    .description('send the gateway\'s calls (valid, expired and forged JWT) and check the answer, its usage and the bill')
    .option('--url <url>', 'the Agents backend address (agent.url)')
    .option('--ak <ak>', 'the AK registered with the gateway (agent.ak)')
    .option('--sk <sk>', 'the SK registered with the gateway (agent.sk)')
    .option('--method <method>', 'POST or GET (agent.method)')
    .option('--timeout <duration>', 'how long to wait for the whole answer, at most 300s (agent.timeout)')
    .option('--stream', 'ask for a streamed (SSE) answer')
    .option('--body <json|@file>', 'the request body as JSON, or @file.json')
    .option('--config <path>', 'config file (default: koomock.config.yaml, .yml or .json in the current folder)')
    .option('--json', 'print the calls, checks and bill as JSON')
    .option('--lang <lang>', 'language of the checklist: en or zh')
    .addHelpText('after', EXAMPLES)
    .action(async (opts: Record<string, unknown>) => {
      const [{ loadConfig }, { runAgentCalls }, { toText }] = await Promise.all([
        import('../../../config/load.js'),
        import('../../../app/agent-call.js'),
        import('./agent-text.js'),
      ]);
      const commandFlags = CONFIG_FLAGS.flatMap(([property, flag, path]) => (typeof opts[property] === 'string' ? [{ flag, path, value: opts[property] }] : []));
      const { config } = loadConfig({ ...(typeof opts['config'] === 'string' ? { file: opts['config'] } : {}), env: io.env, commandFlags, cwd: io.cwd });
      const body = readBody(opts['body'], io);
      const run = await runAgentCalls(config.agent, { stream: opts['stream'] === true, ...(body === undefined ? {} : { body }) });
      const lang = chooseLang(typeof opts['lang'] === 'string' ? opts['lang'] : undefined, io.env);
      io.out(opts['json'] === true ? JSON.stringify({ url: toSafeText(config.agent.url), ...run }, null, 2) : toText(run, lang));
      setExit(run.ok ? 0 : 1);
    });
};
