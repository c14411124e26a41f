import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { registerAes } from './aes.js';
import { registerInit } from './init.js';
import { registerRun } from './run.js';
import { registerSend } from './send.js';
import { registerServe } from './serve.js';
import { registerSign } from './sign.js';
import { registerVerify } from './verify.js';

/** A command module adds itself to the program and reports its exit code through `setExit`. */
export type RegisterCommand = (program: Command, io: CliIo, setExit: (code: number) => void) => void;

export const commands: readonly RegisterCommand[] = [
  registerInit,
  registerSign,
  registerVerify,
  registerAes,
  registerServe,
  registerRun,
  registerSend,
];
