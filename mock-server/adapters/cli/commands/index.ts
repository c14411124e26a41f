import type { RegisterCommand } from './register.js';

/**
 * Every top-level command, in help order, loaded on demand: `koomock sign …` should not pay for
 * importing express, SQLite and the scenario engine.
 */
export const COMMAND_LOADERS: Readonly<Record<string, () => Promise<RegisterCommand>>> = {
  init: async () => (await import('./init.js')).registerInit,
  sign: async () => (await import('./sign.js')).registerSign,
  verify: async () => (await import('./verify.js')).registerVerify,
  aes: async () => (await import('./aes.js')).registerAes,
  serve: async () => (await import('./serve.js')).registerServe,
  run: async () => (await import('./run.js')).registerRun,
  send: async () => (await import('./send.js')).registerSend,
  doctor: async () => (await import('./doctor.js')).registerDoctor,
  replay: async () => (await import('./replay.js')).registerReplay,
  load: async () => (await import('./load.js')).registerLoad,
  pact: async () => (await import('./pact.js')).registerPact,
  agent: async () => (await import('./agent.js')).registerAgent,
};

/** The commands a command line needs: the one it names, or all of them (help, typos). */
export async function loadCommands(argv: readonly string[]): Promise<RegisterCommand[]> {
  const first = argv.find((a) => !a.startsWith('-'));
  const only = first === undefined ? undefined : COMMAND_LOADERS[first];
  const loaders = only === undefined ? Object.values(COMMAND_LOADERS) : [only];
  return Promise.all(loaders.map((load) => load()));
}
