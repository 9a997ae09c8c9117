/**
 * CLI output discipline: with --json, stdout carries exactly one JSON object per line and
 * nothing else; human-readable text always goes to stderr so it never corrupts a pipe.
 */
export interface CliOutput {
  readonly json: boolean;
  /** A result record: a JSON line with --json, otherwise the human text on stdout. */
  result(record: Record<string, unknown>, human: string): void;
  /** Progress or explanation for a person: stderr always. */
  info(text: string): void;
  /** An error for a person: stderr always; with --json also a JSON line `{"error": ...}`. */
  error(message: string, code?: string): void;
}

export function createCliOutput(json: boolean, stdout: NodeJS.WritableStream = process.stdout, stderr: NodeJS.WritableStream = process.stderr): CliOutput {
  return {
    json,
    result(record, human) {
      if (json) stdout.write(JSON.stringify(record) + '\n');
      else stdout.write(human.endsWith('\n') ? human : human + '\n');
    },
    info(text) {
      stderr.write(text.endsWith('\n') ? text : text + '\n');
    },
    error(message, code = 'error') {
      stderr.write(`box-companion: ${message}\n`);
      if (json) stdout.write(JSON.stringify({ error: { code, message } }) + '\n');
    },
  };
}
