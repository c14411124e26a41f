import { describe, expect, test } from 'vitest';
import { englishRuns } from '../support/english-runs.js';
import { linesOf, runCli } from '../support/run-cli.js';

/*
 * `koomock --help` in Chinese (--lang zh, or KOOMOCK_LANG/LANG): the command summaries, the headings
 * and commander's own lines come from the message catalogue; flags, names and arguments stay as they are.
 */

const COMMANDS = ['init', 'sign', 'verify', 'aes', 'serve', 'run', 'send', 'doctor', 'replay', 'load', 'pact', 'agent'];
const SUBCOMMANDS = [
  ...['v2', 'kit', 'v1', 'body', 'apig', 'usage'].flatMap((s) => [`sign ${s}`, `verify ${s}`]),
  'aes encrypt',
  'aes decrypt',
  'pact generate',
  'pact verify',
  'pact resign-proxy',
  'pact verify-openapi',
  'agent call',
];

/** The page commander writes, up to the end of its last section (the examples added after it are left out). */
function commanderPart(stdout: string): string {
  const lines = linesOf(stdout);
  const last = Math.max(...['参数：', '选项：', '命令：'].map((h) => lines.indexOf(h)));
  const end = lines.indexOf('', last);
  return lines.slice(0, end === -1 ? undefined : end).join('\n');
}

describe('koomock --help in Chinese', () => {
  test('the command list reads as Chinese, and English stays the default', async () => {
    const zh = await runCli(['--help', '--lang', 'zh']);
    expect(zh.code).toBe(0);
    expect(linesOf(zh.stdout)[0]).toBe('用法： koomock [options] [command]');
    expect(englishRuns(zh.stdout)).toEqual([]);
    const en = await runCli(['--help'], { env: { LANG: 'C' } });
    expect(linesOf(en.stdout)[0]).toBe('Usage: koomock [options] [command]');
    expect(en.stdout).toContain('run conformance scenarios against the seller');
  });

  test.for(COMMANDS)('koomock %s --help names the command and its subcommands in Chinese', async (command) => {
    const run = await runCli([command, '--help'], { env: { KOOMOCK_LANG: 'zh' } });
    expect(run.code).toBe(0);
    const lines = linesOf(run.stdout);
    expect(lines[0]).toMatch(/^用法： koomock /);
    // The summary under the usage line, and each subcommand's line.
    expect(englishRuns(lines[2] ?? '')).toEqual([]);
    const from = lines.indexOf('命令：') + 1;
    const sub = from === 0 ? [] : lines.slice(from, lines.indexOf('', from) === -1 ? undefined : lines.indexOf('', from));
    expect(englishRuns(sub.join('\n'))).toEqual([]);
  });

  test.for([...COMMANDS, ...SUBCOMMANDS])('koomock %s --help describes every option and argument in Chinese', async (command) => {
    const run = await runCli([...command.split(' '), '--help'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(run.code).toBe(0);
    const page = commanderPart(run.stdout);
    expect(page).toContain('选项：');
    // The usage line names the command as it is typed.
    expect(englishRuns(page, [`koomock ${command}`])).toEqual([]);
  });

  test('flags and argument names stay as they are, and English stays the default', async () => {
    const zh = await runCli(['run', '--help', '--lang', 'zh']);
    expect(zh.stdout).toMatch(/--seller-pushes-usage\s+卖家会自行为按需实例上报话单/);
    expect(zh.stdout).toMatch(/paths\s+场景文件或目录/);
    const en = await runCli(['run', '--help'], { env: { LANG: 'C' } });
    expect(en.stdout).toMatch(/--only <ids>\s+run only these scenario ids/);
  });
});
