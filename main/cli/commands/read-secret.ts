/** Asks for a secret on the terminal without echoing it. Never from a flag or a file. */
import type { CliContext } from '../command';

export async function readSecret(prompt: string, ctx: CliContext): Promise<string> {
  if (!process.stdin.isTTY)
    throw new Error(
      'The client secret is needed: set BOX_COMPANION_CLIENT_SECRET, or run in a terminal to be asked for it.',
    );
  ctx.out.info(prompt);
  process.stdin.setRawMode(true);
  process.stdin.resume();
  let secret = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          cleanup();
          return resolve(secret.trim());
        }
        if (char === '\u0003') {
          cleanup();
          return reject(new Error('Cancelled.'));
        }
        secret = char === '\u007f' ? secret.slice(0, -1) : secret + char;
      }
    };
    const cleanup = () => {
      process.stdin.off('data', onData);
      process.stdin.setRawMode(false);
      process.stdin.pause();
    };
    process.stdin.on('data', onData);
  });
}
