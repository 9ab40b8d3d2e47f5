/**
 * What @sentry/node itself spends on an event, measured through its real code paths.
 *
 * - `prepareAndSerialize`: `Client._prepareEvent` (options, scope data, event processors, the
 *   `normalize` pass over breadcrumbs, user, contexts and extra) on a copy of the event, then
 *   `createEventEnvelope` and `serializeEnvelope`: what `captureEvent` does to a finished
 *   event before the transport, minus `beforeSend` and the transport's rate limiting.
 * - `startCapture`: `Sentry.captureException` end to end, from a thrown error to the
 *   serialized envelope handed to the transport's request function, which discards it.
 */
import {
  createEventEnvelope,
  createTransport,
  type ErrorEvent,
  type Event,
  type EventHint,
  type Integration,
  Scope,
  serializeEnvelope,
  type Transport,
  type TransportMakeRequestResponse,
  type TransportRequest,
} from '@sentry/core';
import * as Sentry from '@sentry/node';
import { CheckoutError, DatabaseError } from '../fixtures/errors.ts';

const DSN = 'https://f0e1d2c3b4a5968778695a4b3c2d1e0f@o0.ingest.sentry.io/42';
const RELEASE = 'shop-api@4.18.2+3f9c2ab';

/** The client API that `prepareAndSerialize` reaches into; `_prepareEvent` is protected. */
interface PreparingClient {
  _prepareEvent(
    event: Event,
    hint: EventHint,
    scope: Scope,
    isolation: Scope,
  ): PromiseLike<Event | null>;
}

function discardingTransport(onRequest: (request: TransportRequest) => void) {
  return (options: Parameters<typeof createTransport>[0]): Transport =>
    createTransport(options, (request): PromiseLike<TransportMakeRequestResponse> => {
      onRequest(request);
      return Promise.resolve({ statusCode: 200 });
    });
}

/**
 * Builds the SDK's preparation and serialisation as one synchronous function. The client
 * has no integrations, so no event processor runs and `_prepareEvent` settles synchronously.
 */
export function createPrepareAndSerialize(): (
  event: Event,
  hint: EventHint,
) => string | Uint8Array {
  const client = new Sentry.NodeClient({
    dsn: DSN,
    release: RELEASE,
    environment: 'production',
    integrations: [],
    transport: discardingTransport(() => {}),
    stackParser: Sentry.defaultStackParser,
    enableRuntimeChannelInjection: false,
    sendClientReports: false,
  });
  const preparing = client as unknown as PreparingClient;
  const scope = new Scope();
  const isolationScope = new Scope();
  const dsn = client.getDsn();
  const metadata = client.getOptions()._metadata;

  return function prepareAndSerialize(event, hint) {
    let serialized: string | Uint8Array | undefined;
    // The SDK writes into what it is given: it appends the integration names to
    // `event.sdk.integrations` and sets `debug_id` on every frame. In an application each
    // event is fresh; here the same one is reused, so `sdk` is copied per call, and callers
    // pass an event of their own (see `cloneForSdk`) so the frames of the others stay as built.
    const copy = { ...event, sdk: { ...event.sdk } } as Event;
    preparing._prepareEvent(copy, { ...hint }, scope, isolationScope).then((prepared) => {
      if (prepared !== null) {
        serialized = serializeEnvelope(createEventEnvelope(prepared, dsn, metadata));
      }
    });
    if (serialized === undefined) {
      throw new Error('_prepareEvent did not settle synchronously; the baseline is invalid');
    }
    return serialized;
  };
}

/** A deep copy of a fixture event for the SDK baseline to write into. */
export function cloneForSdk<T extends Event>(event: T): T {
  return structuredClone(event);
}

/** A running @sentry/node client whose transport discards what it is given. */
export interface Capture {
  /** Captures one error and resolves once its envelope reached the transport. */
  captureAndWait(error: Error): Promise<void>;
  /** Bytes of the last envelope the transport received. */
  lastEnvelopeBytes(): number;
  /** The last envelope the transport received, as text. */
  lastEnvelopeText(): string;
  addIntegration(integration: Integration): void;
  close(): Promise<void>;
}

/**
 * Starts @sentry/node the way an application would, minus the integrations that patch
 * modules (`defaultIntegrations: false`), plus the default integrations that shape an error
 * event: linked errors, request data, context lines, Node context, modules and event
 * filters. The isolation scope carries what the typical fixture event carries: request,
 * user, tags, extra, contexts and breadcrumbs.
 */
export function startCapture(event: ErrorEvent): Capture {
  let pending: (() => void) | undefined;
  let body: string | Uint8Array = '';
  const transport = discardingTransport((request) => {
    body = request.body;
    pending?.();
  });

  const client = Sentry.init({
    dsn: DSN,
    release: RELEASE,
    environment: 'production',
    defaultIntegrations: false,
    enableRuntimeChannelInjection: false,
    sendClientReports: false,
    transport,
    integrations: [
      Sentry.eventFiltersIntegration(),
      Sentry.linkedErrorsIntegration(),
      Sentry.requestDataIntegration(),
      Sentry.contextLinesIntegration(),
      Sentry.nodeContextIntegration(),
      Sentry.modulesIntegration(),
    ],
  });
  if (client === undefined) {
    throw new Error('Sentry.init returned no client');
  }
  fillScope(Sentry.getIsolationScope(), event);

  return {
    captureAndWait(error) {
      const sent = new Promise<void>((resolve) => {
        pending = resolve;
      });
      Sentry.captureException(error);
      return sent;
    },
    lastEnvelopeBytes: () => body.length,
    lastEnvelopeText: () => (typeof body === 'string' ? body : new TextDecoder().decode(body)),
    addIntegration: (integration) => client.addIntegration(integration),
    close: async () => {
      await Sentry.close(2000);
    },
  };
}

function fillScope(scope: Scope, event: ErrorEvent): void {
  const request = event.request ?? {};
  const metadata: Record<string, unknown> = {
    normalizedRequest: {
      method: request.method,
      url: request.url,
      query_string: request.query_string,
      headers: request.headers,
      cookies: request.cookies,
      data: request.data,
    },
    ipAddress: event.user?.ip_address,
  };
  scope.setSDKProcessingMetadata(metadata);
  scope.setUser(event.user ?? null);
  scope.setTags(event.tags ?? {});
  scope.setExtras(event.extra ?? {});
  for (const [name, context] of Object.entries(event.contexts ?? {})) {
    if (name !== 'trace') {
      scope.setContext(name, context ?? null);
    }
  }
  scope.setTransactionName(event.transaction);
  for (const breadcrumb of event.breadcrumbs ?? []) {
    scope.addBreadcrumb(breadcrumb, 100);
  }
}

/**
 * A fresh checkout failure thrown about 20 frames deep, with a cause thrown as deep; a new
 * one per capture, because the SDK marks an error it has seen and skips it next time.
 */
export function createDeepFailure(depth = 18): Error {
  const cause = atDepth(
    depth,
    () => new DatabaseError('connection to db-primary.internal:5432 reset'),
  );
  return atDepth(
    depth,
    () => new CheckoutError('Payment for order ord_7Hq2Lw9xKc31Pa failed', { cause }),
  );
}

function atDepth(depth: number, create: () => Error): Error {
  return depth <= 1 ? create() : atDepth(depth - 1, create);
}
