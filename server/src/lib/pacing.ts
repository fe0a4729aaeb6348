/**
 * Room for other requests during long work that has to stay on the main thread (storing thousands of rows,
 * building a search index). `await pace()` between steps: once the steps since the last pause have taken
 * `sliceMs`, it pauses with a timer (not setImmediate: a timer lets the event loop turn as many times as the
 * waiting requests need) for half as long as they took, at most `maxRestMs`. The work takes up to half as long
 * again; a request never waits for more than about one slice per turn of the loop.
 */
export function pacer(sliceMs = 20, maxRestMs = 50): () => Promise<void> {
  let since = performance.now();
  return async () => {
    const worked = performance.now() - since;
    if (worked < sliceMs) return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(maxRestMs, Math.max(1, worked / 2))));
    since = performance.now();
  };
}
