import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { type Envelope, parseEnvelope } from '@sentry/core';

/** One envelope as it arrived: the exact bytes and the parsed form. */
export interface ReceivedEnvelope {
  readonly path: string;
  readonly raw: string;
  readonly header: Record<string, unknown>;
  readonly items: readonly ReceivedItem[];
}

export interface ReceivedItem {
  readonly type: string;
  readonly header: Record<string, unknown>;
  readonly payload: any;
}

export interface DiscardedEvent {
  readonly reason: string;
  readonly category: string;
  readonly quantity: number;
}

/**
 * A local Sentry ingest endpoint on 127.0.0.1 that stores every envelope, for tests and the
 * demo. The real SDK sends to it over HTTP, exactly as it would to sentry.io.
 */
export interface EnvelopeReceiver {
  /** A DSN that points the SDK at this receiver. */
  readonly dsn: string;
  readonly envelopes: readonly ReceivedEnvelope[];
  /** Every item of one type (`event`, `transaction`, `log`, `span`, `client_report`...). */
  items(type: string): ReceivedItem[];
  /** Error and message events. */
  events(): ReceivedItem[];
  /** Every log record, unpacked from the log containers. */
  logs(): Record<string, unknown>[];
  /** Discarded-event counts from all client reports, summed per reason and category. */
  discarded(): DiscardedEvent[];
  /** All bytes received so far, for "this secret appears nowhere" checks. */
  rawText(): string;
  /** Resolves when `condition` holds, or rejects after `timeoutMs`. */
  waitFor(condition: () => boolean, timeoutMs?: number): Promise<void>;
  clear(): void;
  close(): Promise<void>;
}

/** Starts a receiver on a free port of 127.0.0.1. */
export async function startReceiver(): Promise<EnvelopeReceiver> {
  const envelopes: ReceivedEnvelope[] = [];
  const listeners = new Set<() => void>();

  const server: Server = createServer((request, response) => {
    readBody(request)
      .then((body) => {
        const raw = body.toString('utf8');
        const [header, items] = parseEnvelope(raw) as Envelope;
        envelopes.push({
          path: request.url ?? '',
          raw,
          header: header as Record<string, unknown>,
          items: items.map(([itemHeader, payload]) => ({
            type: String((itemHeader as { type?: unknown }).type),
            header: itemHeader as Record<string, unknown>,
            payload,
          })),
        });
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{}');
        for (const listener of listeners) {
          listener();
        }
      })
      .catch((error: unknown) => {
        response.writeHead(400);
        response.end(String(error));
      });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const items = (type: string): ReceivedItem[] =>
    envelopes.flatMap((envelope) => envelope.items.filter((item) => item.type === type));

  return {
    dsn: `http://public@127.0.0.1:${port}/1`,
    envelopes,
    items,
    events: () => items('event'),
    logs: () =>
      items('log').flatMap((item) => (item.payload?.items ?? []) as Record<string, unknown>[]),
    discarded() {
      const totals = new Map<string, DiscardedEvent>();
      for (const item of items('client_report')) {
        for (const entry of (item.payload?.discarded_events ?? []) as DiscardedEvent[]) {
          const key = `${entry.reason}:${entry.category}`;
          const quantity = (totals.get(key)?.quantity ?? 0) + entry.quantity;
          totals.set(key, { reason: entry.reason, category: entry.category, quantity });
        }
      }
      return [...totals.values()];
    },
    rawText: () => envelopes.map((envelope) => envelope.raw).join('\n'),
    waitFor(condition, timeoutMs = 5000) {
      if (condition()) {
        return Promise.resolve();
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`receiver: condition not met within ${timeoutMs} ms`));
        }, timeoutMs);
        const check = (): void => {
          if (condition()) {
            clearTimeout(timer);
            listeners.delete(check);
            resolve();
          }
        };
        listeners.add(check);
      });
    },
    clear() {
      envelopes.length = 0;
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks);
  return request.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body;
}
