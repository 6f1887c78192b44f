/**
 * Races a promise against a timer and an optional abort signal. When the timer or the signal
 * wins, `onGiveUp` runs (to cancel the driver's work, best effort) and the returned promise
 * rejects with the error `makeError` builds. The original promise is left to settle on its
 * own; its late rejection is swallowed so that it cannot crash the process.
 */
export async function withTimeout<T>(
  work: Promise<T>,
  options: {
    readonly ms: number;
    readonly signal?: AbortSignal;
    readonly makeError: (reason: 'timeout' | 'aborted') => Error;
    readonly onGiveUp?: () => unknown;
  },
): Promise<T> {
  const { ms, signal, makeError, onGiveUp } = options;
  if (signal?.aborted === true) {
    work.catch(() => {});
    giveUp(onGiveUp);
    throw makeError('aborted');
  }
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      giveUp(onGiveUp);
      reject(makeError('timeout'));
    }, ms);
    timer.unref?.();
    if (signal !== undefined) {
      onAbort = () => {
        giveUp(onGiveUp);
        reject(makeError('aborted'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  try {
    return await Promise.race([work, stop]);
  } finally {
    clearTimeout(timer);
    if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort);
    work.catch(() => {});
  }
}

function giveUp(onGiveUp: (() => unknown) | undefined): void {
  try {
    const result = onGiveUp?.();
    if (result instanceof Promise) result.catch(() => {});
  } catch {
    // Cancelling is best effort; the caller already reports the timeout.
  }
}

export function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
