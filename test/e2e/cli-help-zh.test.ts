import { describe, expect, test } from 'vitest';
import { englishRuns } from '../support/english-runs.js';
import { linesOf, runCli } from '../support/run-cli.js';

/*
 * `koomock --help` in Chinese (--lang zh, or KOOMOCK_LANG/LANG): the command summaries, the headings,
 * commander's own lines and the text under the options (notes, exit codes, comments of the examples) come
 * from the message catalogue; flags, names, arguments, example commands and values stay as they are.
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

/**
 * The whole page with the commands of its examples left out (`koomock …` lines up to a `# …` comment, and
 * the flags continuing them), as those are typed as they are; notes, exit codes and comments stay in.
 */
function withoutExampleCommands(stdout: string): string {
  return linesOf(stdout)
    .map((line) => (/^\s*(\$ )?koomock \S/.test(line) || /^\s+--\S/.test(line) && !/[\u4e00-\u9fff]/.test(line) ? line.replace(/^.*?(\s# |$)/, '$1') : line))
    .join('\n');
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

  test.for([...COMMANDS, ...SUBCOMMANDS])('koomock %s --help reads as Chinese to its end: options, arguments, notes and exit codes', async (command) => {
    const run = await runCli([...command.split(' '), '--help'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(run.code).toBe(0);
    const page = withoutExampleCommands(run.stdout);
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

  test('the text under the options is in Chinese, and its commands and values stay as they are', async () => {
    const zh = await runCli(['run', '--help', '--lang', 'zh']);
    expect(zh.stdout).toContain('退出码：0 所有检查通过，1 有检查失败，2 koomock 无法运行（参数、场景文件有误，或卖家服务不可达）。');
    expect(zh.stdout).toMatch(/koomock run --group v1 --v1-key "\$V1_KEY"\s+# 旧版 V1 接口调用/);
    const vector = await runCli(['verify', 'v2', '--help', '--lang', 'zh']);
    expect(vector.stdout).toContain('示例（规范中的测试向量；docs/signing.md 逐步说明）：');
    expect(vector.stdout).toContain('--signature BEF083BC31BC8AE73DA87F2757727CCBD7962B4E7A9DBAD0AED74C99DE8B7889');
    const en = await runCli(['run', '--help'], { env: { LANG: 'C' } });
    expect(en.stdout).toContain('Exit codes: 0 every check passed, 1 a check failed, 2 koomock could not run (flags, scenario files, seller unreachable).');
  });
});
