/**
 * Opens a URL in the system browser from plain Node (the CLI). The desktop app uses Electron's
 * shell.openExternal instead. Only http(s) URLs, passed as one argument (never through a shell).
 */
import { spawn } from 'node:child_process';

export function openInSystemBrowser(url: string): Promise<void> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return Promise.reject(new Error(`Refusing to open ${parsed.protocol} URLs.`));
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.once('error', (error) =>
      reject(
        new Error(
          `Could not open the browser (${command}): ${error.message}. Use --no-browser and open the printed URL yourself.`,
        ),
      ),
    );
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
