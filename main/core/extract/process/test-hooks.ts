/**
 * Test-only ways to make the extractor process hang, crash or run out of memory, so the tests
 * can prove the pool recovers. Honoured only when the process was started with
 * BCC_EXTRACTOR_TEST_HOOKS=1 (only the tests' spawner sets it): no file can trigger them.
 * Runs in the extractor process.
 */
export const TEST_HOOK_ENV = 'BCC_EXTRACTOR_TEST_HOOKS';

export function runTestHook(ext: string): void {
  if (ext === 'test-hang') for (;;);
  if (ext === 'test-crash') process.exit(9);
  if (ext === 'test-oom') {
    const hog: number[][] = [];
    for (;;) hog.push(Array.from({ length: 1e6 }, (_, i) => i));
  }
}
