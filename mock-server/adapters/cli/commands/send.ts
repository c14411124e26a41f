import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { closestName } from '../../../core/suggest.js';
import { parseBoundedJsonObject } from '../../../core/bounded-json.js';
import { usageError } from '../../../core/errors.js';
import { EVERY_ATTACK_NAME } from '../../../core/checks/attack-names.js';
import { chooseAttack } from '../../../core/security/attack-choice.js';
import { ACTIVITY_NAMES } from '../../../core/scenario/load/activities.js';
import { addRunOptions, toSharedRunOptions } from '../command-options.js';
import type { CliIo } from '../io.js';
import type { RegisterCommand } from './register.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

const EXAMPLES = `
Examples:
  koomock send newInstance --seller-url https://saas.example.com/produce --key "$BASIC_KEY"
  koomock send newInstance --order MOCKPERIODYEARNEW --seller-url … --key …
  koomock send updateInstanceStatus --instance 10e758d0 --set status=FREEZE --seller-url … --key …
  koomock send queryInstance --instance 10e758d0 --set '!testFlag' --seller-url … --key …
  koomock send changeInstanceCheck --instance 10e758d0 --order CS2611290529R7VJT --emulator-url http://127.0.0.1:7070 …
  koomock send tenantSync --instance 10e758d0 --body @tenant.json --set flag=1 …
  koomock send releaseInstance --instance 10e758d0 --attack wrong-key --seller-url … --key …
  koomock send tenantSync --instance 10e758d0 --body @tenant.json --attack kit-basic-key …

--set field=value sets text (a JSON object or array is parsed; integer fields such as flag take 1),
field:=<json> any JSON value, !field deletes; dotted paths reach into objects (productInfo.skuCode).
--body <json> or --body @file.json gives the whole body; --set applies on top of it.
Fields the platform derives are filled from --order (order line, productInfo, a renewal's scene and
expireTime) and --instance (its order, its product); with --emulator-url they are read from that
emulator. Without --order, calls that name an order get a fresh one in the emulator.
--attack NAME sends the call forged one way (a replay: the valid call, then the same bytes again),
judged by security.NAME: V2 attacks for basic calls and orderNotify, kit-* for kit operations, v1-*
for V1 calls (docs/security.md). Answer 000001 to pass.
Exit codes: 0 every check passed, 1 a check failed, 2 koomock could not run.`;

function checkActivity(activity: string): void {
  if (ACTIVITY_NAMES.includes(activity)) return;
  const near = closestName(activity, ACTIVITY_NAMES);
  throw usageError(`unknown activity ${JSON.stringify(activity)}${near === undefined ? '' : ` (did you mean ${near}?)`}: expected one of ${ACTIVITY_NAMES.join(', ')}`);
}

function readTextFile(path: string, io: CliIo): string {
  try {
    return readFileSync(resolve(io.cwd, path), 'utf8');
  } catch (e) {
    throw usageError(`--body @${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'}); give an existing JSON file`);
  }
}

/** `--body '{…}'` or `--body @file.json` as a JSON object; undefined without `--body`. */
function readBody(option: unknown, io: CliIo): Record<string, unknown> | undefined {
  if (typeof option !== 'string') return undefined;
  const text = option.startsWith('@') ? readTextFile(option.slice(1), io) : option;
  const body = parseBoundedJsonObject(text);
  if (!body.ok) throw usageError(`--body${option.startsWith('@') ? ` ${option}` : ''} is not a usable JSON object (${body.detail}): give a JSON object, or @file.json`);
  return body.value;
}

/**
 * `koomock send ACTIVITY`: one signed call (no retries unless --retry), printing the request as
 * sent, the answer and the ✔/✗ checklist. What it runs is imported when it runs (`--help` loads none of it).
 */
export const registerSend: RegisterCommand = (program: Command, io: CliIo, setExit) => {
  const command = program
    .command('send')
    .description('send one signed produce call to the seller and check the answer (发送一次生产接口调用)')
    .argument('<activity>', `the activity: ${ACTIVITY_NAMES.join(', ')}`)
    .option('--set <field=value>', 'set or override a body field (repeatable)', collect)
    .option('--body <json|@file>', 'the whole body as JSON, or @file.json')
    .option('--order <orderId>', 'orderId (and orderLineId <orderId>-000001), e.g. a mock order such as MOCKPERIODYEARNEW')
    .option('--instance <instanceId>', 'instanceId of the call')
    .option('--retry', "retry like the marketplace does (the activity's retry window)")
    .option('--debug-flag', 'send testFlag=1, as the console debug tool does')
    .option('--attack <name>', `send the call forged one way and check that the seller refuses it: ${EVERY_ATTACK_NAME.join(', ')}`);
  addRunOptions(command)
    .addHelpText('after', EXAMPLES)
    .action(async (activity: string, opts: Record<string, unknown>) => {
      checkActivity(activity);
      const [{ sendSingleCall }, { toExchangeLines }, { shouldUseColor, toExitCode, toReportText }, { toSafeText }] = await Promise.all([
        import('../../../app/send-one-call.js'),
        import('../exchange-text.js'),
        import('../reporters/index.js'),
        import('../reporters/safe-text.js'),
      ]);
      const { bodyAssignments, parseSetText, splitAssignments } = await import('../../../core/scenario/load/send-input.js');
      const shared = await toSharedRunOptions(opts, io);
      const { config } = shared.loaded;
      const body = readBody(opts['body'], io);
      const assignments = [...(body === undefined ? [] : bodyAssignments(activity, body)), ...((opts['set'] as string[] | undefined) ?? []).map(parseSetText)];
      const { fields, overrides } = splitAssignments(activity, assignments, config.profile.generation);
      const attack = typeof opts['attack'] === 'string' ? chooseAttack(opts['attack'], activity, config.profile.generation) : undefined;
      if (attack !== undefined && opts['retry'] === true) throw usageError('--retry cannot be combined with --attack: a forged call is sent once; remove --retry');
      const run = await sendSingleCall(
        {
          activity,
          fields,
          overrides,
          ...(typeof opts['order'] === 'string' ? { order: opts['order'] } : {}),
          ...(typeof opts['instance'] === 'string' ? { instance: opts['instance'] } : {}),
          retry: opts['retry'] === true,
          debug: opts['debugFlag'] === true,
          ...(attack === undefined ? {} : { attack }),
        },
        { config, emulator: shared.emulator, ...(shared.timeScale === undefined ? {} : { timeScale: shared.timeScale }) },
      );
      for (const exchange of run.exchanges) io.out([...toExchangeLines(exchange), ''].join('\n'));
      if (run.result?.instanceId !== undefined && activity === 'newInstance') io.out(`instanceId: ${toSafeText(run.result.instanceId, { max: 120 })}\n`);
      io.out(toReportText(run.report, 'pretty', { lang: shared.lang, color: shouldUseColor(io, io.env) }).replace(/\n$/, ''));
      setExit(toExitCode(run.report));
    });
};
