import type { Command } from 'commander';
import { localise } from '../../core/messages/localise.js';

/** Commander's headings in Chinese. */
const TITLES: Readonly<Record<string, string>> = { 'Usage:': '用法：', 'Options:': '选项：', 'Commands:': '命令：', 'Arguments:': '参数：', 'Global Options:': '全局选项：' };

/**
 * The help of a command and of every command under it in Chinese: its summary, its headings and the
 * descriptions of its options and arguments the catalogue knows (core/messages); flags, names and examples stay as they are.
 * @example
 *   toChineseHelp(program); // `koomock --help --lang zh` then lists the commands in Chinese
 */
export function toChineseHelp(cmd: Command): void {
  cmd.description(localise(cmd.description(), 'zh'));
  for (const option of cmd.options) option.description = localise(option.description, 'zh');
  for (const argument of cmd.registeredArguments) argument.description = localise(argument.description, 'zh');
  cmd.configureHelp({ ...cmd.configureHelp(), styleTitle: (title: string) => TITLES[title] ?? title });
  cmd.helpOption('-h, --help', localise('display help for command', 'zh'));
  if (cmd.commands.length > 0) cmd.helpCommand('help [command]', localise('display help for command', 'zh'));
  for (const sub of cmd.commands) toChineseHelp(sub);
}
