import { sendMessage, type Protocol, type Result } from './protocol';

/**
 * The only door from extension pages to the background. Components receive it as a prop, so
 * the same screens render with canned data in tests.
 */
export type Transport = { [T in keyof Protocol]: (data: Parameters<Protocol[T]>[0]) => Promise<ReturnType<Protocol[T]>> };

export const transport: Transport = new Proxy({} as Transport, {
  get: (_target, type: keyof Protocol) => (data: unknown) =>
    (sendMessage as (t: keyof Protocol, d: unknown) => Promise<Result<unknown>>)(type, data).catch(
      (error: Error): Result<unknown> => ({ ok: false, error: 'no-answer', detail: error.message }),
    ),
});
