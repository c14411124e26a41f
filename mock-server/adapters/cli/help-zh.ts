import type { Command } from 'commander';
import { HELP_TEXT_SENTENCES } from '../../core/messages/catalogue-help-text.js';
import { localise } from '../../core/messages/localise.js';

/** Commander's headings in Chinese. */
const TITLES: Readonly<Record<string, string>> = { 'Usage:': '用法：', 'Options:': '选项：', 'Commands:': '命令：', 'Arguments:': '参数：', 'Global Options:': '全局选项：' };

/** Each English line of the text under the options, and its Chinese line. */
const TEXT_LINES: ReadonlyMap<string, string> = new Map(Object.values(HELP_TEXT_SENTENCES).map((e) => [e.en, e.zh]));

/**
 * A line of a help page in Chinese when the catalogue knows it whole (or, after a command, its `# …`
 * comment); commands, flags and values stay as they are.
 */
function chineseLine(line: string): string {
  const comment = /^(.*\s# )(.+)$/.exec(line);
  if (comment?.[1] !== undefined && comment[2] !== undefined) return comment[1] + (TEXT_LINES.get(comment[2]) ?? comment[2]);
  return TEXT_LINES.get(line) ?? line;
}

/**
 * The help of a command and of every command under it in Chinese: its summary, its headings and the
 * descriptions of its options and arguments and the text under them that the catalogue knows (core/messages);
 * flags, names, commands and values stay as they are.
 * @example
 *   toChineseHelp(program); // `koomock --help --lang zh` then lists the commands in Chinese
 */
export function toChineseHelp(cmd: Command): void {
  cmd.description(localise(cmd.description(), 'zh'));
  for (const option of cmd.options) option.description = localise(option.description, 'zh');
  for (const argument of cmd.registeredArguments) argument.description = localise(argument.description, 'zh');
  cmd.configureHelp({ ...cmd.configureHelp(), styleTitle: (title: string) => TITLES[title] ?? title });
  const output = cmd.configureOutput();
  const writeOut = output.writeOut ?? ((text: string) => process.stdout.write(text));
  cmd.configureOutput({ ...output, writeOut: (text: string) => writeOut(text.split('\n').map(chineseLine).join('\n')) });
  cmd.helpOption('-h, --help', localise('display help for command', 'zh'));
  if (cmd.commands.length > 0) cmd.helpCommand('help [command]', localise('display help for command', 'zh'));
  for (const sub of cmd.commands) toChineseHelp(sub);
}
