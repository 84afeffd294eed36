/** A CliIO that records what a command prints, for in-process CLI tests. */
import type { CliIO } from '../../src/cli/command.ts';

export function captureIO(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}
