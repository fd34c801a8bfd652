import { vi } from 'vitest';
import type { Protocol, Result } from '@/utils/protocol';
import type { Transport } from '@/utils/transport';
import { DEFAULT_SETTINGS } from '@/utils/model/settings';

type Handlers = { [T in keyof Protocol]?: (data: Parameters<Protocol[T]>[0]) => ReturnType<Protocol[T]> | Promise<ReturnType<Protocol[T]>> };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/**
 * A Transport answering from canned handlers, recording every request so a test can say what
 * reached the background. Unhandled messages get plain, empty answers.
 */
export function fakeTransport(handlers: Handlers = {}) {
  const defaults: Handlers = {
    'settings:get': () => ok(DEFAULT_SETTINGS),
    'settings:set': (s) => ok(s),
    'list:query': () => ok({ version: '1', total: 0, arrangements: [], entities: [] }),
    'history:get': () => ok([]),
  };
  const all = { ...defaults, ...handlers } as Record<string, (data: unknown) => unknown>;
  const calls = vi.fn<(type: keyof Protocol, data: unknown) => void>();
  const transport = new Proxy({} as Transport, {
    get: (_t, type: keyof Protocol) => async (data: unknown) => {
      calls(type, data);
      const handler = all[type];
      return handler ? handler(data) : { ok: false, error: `no fake for ${type}` };
    },
  });
  const sent = (type: keyof Protocol) => calls.mock.calls.filter(([t]) => t === type).map(([, d]) => d);
  return { transport, sent };
}
