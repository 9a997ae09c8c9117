/**
 * CLI output discipline: with --json, stdout carries exactly one JSON object per line and
 * nothing else; human-readable text always goes to stderr so it never corrupts a pipe.
 * Error lines use the app's error codes (common/errors/error-codes.ts), the same the UI gets,
 * plus the CLI's own for what only a command line has (`usage`, `no_scan`, …).
 */
import type { ErrorCode, NextStep } from '../../common/errors/error-codes';
import { toBridgeFailure } from '../core/bridge/bridge-failure';

/** Codes only the CLI reports; every other failure uses the app's table. */
export type CliOnlyCode =
  'usage' | 'no_keychain' | 'no_scan' | 'scan_failed' | 'government_cloud' | 'unavailable' | 'failed' | 'error';

export interface CliOutput {
  readonly json: boolean;
  /** A result record: a JSON line with --json, otherwise the human text on stdout. */
  result(record: Record<string, unknown>, human: string): void;
  /** Progress or explanation for a person: stderr always. */
  info(text: string): void;
  /** An error for a person: stderr always; with --json also a JSON line `{"error": ...}`. */
  /** `code`: one of the app's codes, a CliOnlyCode, or (connect) the connection's state or action. */
  error(message: string, code?: ErrorCode | CliOnlyCode | (string & {}), nextStep?: NextStep): void;
  /**
   * A thrown error, told with its own code and next step (as the bridge would), its message
   * scrubbed; `fallback` replaces `internal` where the command knows better what failed.
   */
  failure(thrown: unknown, options?: { prefix?: string; fallback?: CliOnlyCode }): void;
}

export function createCliOutput(
  json: boolean,
  stdout: NodeJS.WritableStream = process.stdout,
  stderr: NodeJS.WritableStream = process.stderr,
): CliOutput {
  const output: CliOutput = {
    json,
    result(record, human) {
      if (json) stdout.write(JSON.stringify(record) + '\n');
      else stdout.write(human.endsWith('\n') ? human : human + '\n');
    },
    info(text) {
      stderr.write(text.endsWith('\n') ? text : text + '\n');
    },
    error(message, code = 'error', nextStep) {
      stderr.write(`box-companion: ${message}\n`);
      if (json)
        stdout.write(
          JSON.stringify({ error: nextStep && nextStep !== 'none' ? { code, message, nextStep } : { code, message } }) +
            '\n',
        );
    },
    failure(thrown, options = {}) {
      const { code, message, nextStep } = toBridgeFailure(thrown).error;
      const told = options.prefix ? `${options.prefix}: ${message}` : message;
      output.error(told, code === 'internal' && options.fallback ? options.fallback : code, nextStep);
    },
  };
  return output;
}
