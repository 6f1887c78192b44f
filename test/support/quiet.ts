import { afterEach, beforeEach, expect, vi } from 'vitest';

/**
 * Registers hooks that fail the test when library code writes to stdout or stderr, logs to the
 * console, or ends the process: commands own the terminal, the library never does. Call it
 * inside a describe block.
 */
export function expectQuietLibrary(): void {
  const spies: Array<{ mockRestore(): void; mock: { calls: unknown[][] } }> = [];

  beforeEach(() => {
    spies.push(
      vi.spyOn(process.stdout, 'write'),
      vi.spyOn(process.stderr, 'write'),
      vi.spyOn(console, 'log'),
      vi.spyOn(console, 'info'),
      vi.spyOn(console, 'warn'),
      vi.spyOn(console, 'error'),
      vi.spyOn(console, 'debug'),
      vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
        throw new Error(`process.exit(${code}) called by the library`);
      }) as never),
    );
  });

  afterEach(() => {
    const calls = spies.map((spy) => spy.mock.calls.length);
    for (const spy of spies.splice(0)) spy.mockRestore();
    expect(calls).toEqual(calls.map(() => 0));
  });
}
