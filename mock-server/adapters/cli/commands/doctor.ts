import { addConfigOptions, toConfigOptions } from '../../../config/cli-options.js';
import type { RegisterCommand } from './register.js';

const MARK = { ok: '✔', fail: '✗', note: '!', skipped: '–' } as const;

/**
 * `koomock doctor --seller-url URL [--key K]`: one ✔/✗ line per requirement KooGallery has of a
 * production interface, each ✗ with its fix; exit 0 when nothing failed, 1 otherwise.
 */
export const registerDoctor: RegisterCommand = (program, io, setExit) => {
  const command = program
    .command('doctor')
    .description('check that KooGallery can call your production interface: reachable, HTTPS, JSON answers, signatures, clock, keys (诊断)');
  addConfigOptions(command)
    .addHelpText('after', '\nExample:\n  koomock doctor --seller-url https://saas.example.com/produce --key "$BASIC_KEY"\n\nExit codes: 0 nothing failed, 1 a check failed, 2 koomock could not run.')
    .action(async (opts: Record<string, unknown>) => {
      // Imported here, not at the top: `koomock --help` loads neither.
      const [{ loadConfig }, { runDoctor }] = await Promise.all([import('../../../config/load.js'), import('../../../app/doctor.js')]);
      const { config } = loadConfig({ ...toConfigOptions(opts), env: io.env, cwd: io.cwd });
      const lines = await runDoctor(config);
      for (const line of lines) {
        io.out(`${MARK[line.status]} ${line.text}`);
        if (line.fix !== undefined) io.out(`    → ${line.fix}`);
      }
      const failed = lines.filter((l) => l.status === 'fail').length;
      io.out(failed === 0 ? 'koomock doctor: no problem found' : `koomock doctor: ${failed} problem(s) to fix`);
      setExit(failed === 0 ? 0 : 1);
    });
};
