import { request as httpRequest } from 'node:http';

/** One request the demo sends to the shop's HTTP service. */
export interface DemoRequest {
  readonly method: 'GET' | 'POST';
  /** Path and query string. */
  readonly path: string;
  /** Headers as a browser or a scanner would send them; `host` may be overridden too. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  readonly body?: unknown;
}

/**
 * Sends a request to 127.0.0.1 and resolves with the status code. Uses node:http rather than
 * fetch, which refuses to send a `Host` header of the caller's choosing.
 */
export function sendRequest(port: number, demoRequest: DemoRequest): Promise<number> {
  const body = demoRequest.body === undefined ? undefined : JSON.stringify(demoRequest.body);
  const headers: Record<string, string> = { ...demoRequest.headers };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(body));
  }

  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port, method: demoRequest.method, path: demoRequest.path, headers },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
