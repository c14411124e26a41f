import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { usageError } from '../../../core/errors.js';
import { EXIT_OK } from '../io.js';
import { writeKitKeyPair } from './init-kit.js';
import type { RegisterCommand } from './register.js';

interface InitOptions {
  readonly force?: boolean;
  readonly kit?: boolean;
  readonly file: string;
}

/**
 * `koomock init [--force] [--file PATH] [--kit]`: writes a commented starter config (JSON when PATH
 * ends in .json) and prints its path. An existing file is kept unless --force, so a config is never
 * lost. `--kit` also writes a demo kit key pair under `keys/` and points seller.kitPublicKeyFile at it.
 */
export const registerInit: RegisterCommand = (program, io, setExit) => {
  program
    .command('init')
    .description('write a commented starter koomock.config.yaml (写入示例配置文件)')
    .option('--force', 'overwrite the file if it exists')
    .option('--file <path>', 'where to write the config', 'koomock.config.yaml')
    .option('--kit', 'also write a demo RSA-3072 key pair for the joint-operation clientSecret (联营 clientSecret 密钥对) under keys/')
    .action(async (opts: InitOptions) => {
      // Imported here, not at the top: the starter needs the YAML library, which `--help` should not load.
      const { toStarterJson, toStarterYaml } = await import('../../../config/starter.js');
      const path = resolve(io.cwd, opts.file);
      const force = opts.force === true;
      try {
        mkdirSync(dirname(path), { recursive: true });
      } catch (e) {
        throw usageError(`cannot create ${dirname(path)}: ${e instanceof Error && 'code' in e ? String(e.code) : 'unknown error'}`, { path });
      }
      // Checked before the key pair is written, so a refused init leaves no files behind.
      if (!force && existsSync(path)) throw usageError(`${path} already exists; use --force to overwrite it`, { path });
      const keys = opts.kit === true ? writeKitKeyPair(path, force) : undefined;
      const starter = keys === undefined ? {} : { kitPublicKeyFile: keys.publicRelative };
      const text = extname(path).toLowerCase() === '.json' ? toStarterJson(starter) : toStarterYaml(starter);
      try {
        // 'wx' fails if the file exists, with no window between a check and the write.
        writeFileSync(path, text, { encoding: 'utf8', flag: force ? 'w' : 'wx' });
      } catch (e) {
        const code = e instanceof Error && 'code' in e ? String(e.code) : 'unknown error';
        if (code === 'EEXIST') throw usageError(`${path} already exists; use --force to overwrite it`, { path });
        throw usageError(`cannot write ${path}: ${code}`, { path });
      }
      io.out(`wrote ${path}`);
      if (keys !== undefined) {
        io.out(`wrote ${keys.publicPath} (seller.kitPublicKeyFile: koomock encrypts clientSecret with it)`);
        io.out(`wrote ${keys.privatePath} (mode 0600: your seller decrypts clientSecret with it; a demo key, never use it in production)`);
      }
      setExit(EXIT_OK);
    });
};
