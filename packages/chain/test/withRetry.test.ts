import { describe, expect, it } from 'vitest';
import { DbcAbortError, DbcChainError, DbcError, DbcNetworkError, DbcTimeoutError, isRetryableError, withRetry } from '../src/index.js';

const networkError = () => new DbcNetworkError('CHAIN_DISCONNECTED', 'The connection dropped.');

describe('withRetry', () => {
  it('returns the first successful attempt', async () => {
    let calls = 0;
    await expect(withRetry(async () => ++calls)).resolves.toBe(1);
    expect(calls).toBe(1);
  });

  it('retries network faults with growing, jittered delays, then succeeds', async () => {
    const delays: number[] = [];
    let calls = 0;
    const value = await withRetry(
      async () => {
        if (++calls < 4) throw networkError();
        return 'ok';
      },
      { retries: 3, baseDelayMs: 10, onRetry: ({ delayMs }) => delays.push(delayMs) },
    );
    expect(value).toBe('ok');
    expect(calls).toBe(4);
    // Equal jitter: each delay lies in [exp/2, exp] for exp = 10, 20, 40.
    delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual((10 * 2 ** i) / 2);
      expect(d).toBeLessThanOrEqual(10 * 2 ** i);
    });
  });

  it('gives up after `retries` and throws the last error', async () => {
    let calls = 0;
    const error = await withRetry(
      async () => {
        calls++;
        throw networkError();
      },
      { retries: 2, baseDelayMs: 1 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbcNetworkError);
    expect(calls).toBe(3);
  });

  it('retries the disconnect errors polkadot.js throws, not errors the node answered with', async () => {
    expect(isRetryableError(new Error('disconnected from ws://127.0.0.1:9944: 1006:: Abnormal Closure'))).toBe(true);
    expect(isRetryableError(new Error('No response received from RPC endpoint in 60s'))).toBe(true);
    expect(isRetryableError(new Error('WebSocket is not connected'))).toBe(true);
    expect(isRetryableError(new Error('-32000: Client error: State already discarded'))).toBe(false);
    expect(isRetryableError(new DbcChainError('DISPATCH_ERROR', 'failed'))).toBe(false);
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new Error('-32602: Invalid params');
        },
        { baseDelayMs: 1 },
      ),
    ).rejects.toThrow('Invalid params');
    expect(calls).toBe(1);
  });

  it('stops waiting as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 20);
    const error = await withRetry(
      async () => {
        throw networkError();
      },
      { retries: 5, baseDelayMs: 5_000, signal: controller.signal },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbcAbortError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('reports a timeout signal as DbcTimeoutError', async () => {
    const error = await withRetry(
      async () => {
        throw networkError();
      },
      { retries: 5, baseDelayMs: 5_000, signal: AbortSignal.timeout(20) },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbcTimeoutError);
  });

  it('does not start when the signal is already aborted', async () => {
    let calls = 0;
    await expect(withRetry(async () => ++calls, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(DbcAbortError);
    expect(calls).toBe(0);
  });

  it('waits at least as long as a server retry hint asks', async () => {
    const delays: number[] = [];
    let calls = 0;
    await withRetry(
      async () => {
        if (++calls === 1) throw new DbcNetworkError('RATE_LIMITED', 'slow down', { details: { retryAfterMs: 60 } });
        return calls;
      },
      { baseDelayMs: 1, onRetry: ({ delayMs }) => delays.push(delayMs) },
    );
    expect(delays[0]).toBe(60);
  });

  it('lets the caller choose what to retry', async () => {
    let calls = 0;
    await withRetry(
      async () => {
        if (++calls === 1) throw new DbcError('BUSY', 'busy');
        return calls;
      },
      { baseDelayMs: 1, shouldRetry: (e) => e instanceof DbcError && e.code === 'BUSY' },
    );
    expect(calls).toBe(2);
  });
});
