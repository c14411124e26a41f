/** Where a command writes, and how it ends. Commands return an exit code; they never call process.exit. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Standard input, read by `--body -`. */
  readonly stdin: AsyncIterable<Uint8Array | string>;
  /** Whether standard output is a terminal: the pretty checklist is coloured only then. */
  readonly isTTY: boolean;
}

/** A reader that closed the pipe (`koomock … | head`) is not an error: stop writing quietly. */
const ignoreClosedPipe = (stream: NodeJS.WriteStream): void => {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
};

export const processIo = (): CliIo => {
  ignoreClosedPipe(process.stdout);
  ignoreClosedPipe(process.stderr);
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    cwd: process.cwd(),
    // Opened only when a command reads it: touching process.stdin creates the stream.
    stdin: { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() },
    isTTY: process.stdout.isTTY === true,
  };
};

/** Exit codes, documented in the README: 0 all passed, 1 a seller check failed, 2 koomock could not run. */
export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_USAGE = 2;
