import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { usageError } from '../../../core/errors.js';
import { toStarterJson, toStarterYaml } from '../../../config/starter.js';
import { EXIT_OK } from '../io.js';
import type { RegisterCommand } from './register.js';

interface InitOptions {
  readonly force?: boolean;
  readonly file: string;
}

/**
 * `koomock init [--force] [--file PATH]`: writes a commented starter config (JSON when PATH ends in
 * .json) and prints its path. An existing file is kept unless --force, so a config is never lost.
 */
export const registerInit: RegisterCommand = (program, io, setExit) => {
  program
    .command('init')
    .description('write a commented starter koomock.config.yaml (写入示例配置文件)')
    .option('--force', 'overwrite the file if it exists')
    .option('--file <path>', 'where to write the config', 'koomock.config.yaml')
    .action((opts: InitOptions) => {
      const path = resolve(io.cwd, opts.file);
      const text = extname(path).toLowerCase() === '.json' ? toStarterJson() : toStarterYaml();
      try {
        mkdirSync(dirname(path), { recursive: true });
        // 'wx' fails if the file exists, with no window between a check and the write.
        writeFileSync(path, text, { encoding: 'utf8', flag: opts.force === true ? 'w' : 'wx' });
      } catch (e) {
        const code = e instanceof Error && 'code' in e ? String(e.code) : 'unknown error';
        if (code === 'EEXIST') throw usageError(`${path} already exists; use --force to overwrite it`, { path });
        throw usageError(`cannot write ${path}: ${code}`, { path });
      }
      io.out(`wrote ${path}`);
      setExit(EXIT_OK);
    });
};
