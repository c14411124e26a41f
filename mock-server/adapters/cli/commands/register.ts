import type { Command } from 'commander';
import type { CliIo } from '../io.js';

/** A command module adds itself to the program and reports its exit code through `setExit`. */
export type RegisterCommand = (program: Command, io: CliIo, setExit: (code: number) => void) => void;
