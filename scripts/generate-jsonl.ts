/**
 * Writes a JSON lines archive of synthetic Sentry events, for measuring `check` at scale:
 *   npx tsx scripts/generate-jsonl.ts /tmp/events.jsonl 1024   (size in MiB)
 * Events rotate through an error with request secrets, a transaction, a logger message and
 * a filtered-out exception, so every rule and the scrubber have work to do.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const [path = '/tmp/events.jsonl', mebibytes = '1024'] = process.argv.slice(2);
const target = Number(mebibytes) * 1024 * 1024;

const breadcrumbs = Array.from({ length: 12 }, (_, index) => ({
  timestamp: 1_700_000_000 + index,
  category: index % 3 === 0 ? 'http' : 'console',
  message: `GET https://api.example.com/items/${index}?token=tok_${index}abcdef`,
  level: 'info',
}));

function event(index: number): object {
  const id = index.toString(16).padStart(32, '0');
  switch (index % 4) {
    case 0:
      return {
        event_id: id,
        platform: 'node',
        level: 'error',
        exception: { values: [{ type: 'TypeError', value: `Cannot read property of ${index}` }] },
        request: {
          url: `https://shop.example.com/checkout?session=${id}`,
          headers: { Authorization: 'Basic dXNlcjpodW50ZXIy', Cookie: `sessionid=${id}` },
        },
        user: { id: String(index), email: `user${index}@example.com`, ip_address: '203.0.113.7' },
        extra: { password: 'hunter2', note: `card 4111 1111 1111 1111 for order ${index}` },
        breadcrumbs,
      };
    case 1:
      return {
        event_id: id,
        type: 'transaction',
        transaction: 'GET /items/:id',
        start_timestamp: 1_700_000_000,
        timestamp: 1_700_000_001,
        contexts: { trace: { trace_id: id, span_id: id.slice(0, 16) } },
        spans: breadcrumbs.map((crumb, span) => ({
          span_id: `${span}`.padStart(16, '0'),
          description: crumb.message,
          op: 'http.client',
        })),
      };
    case 2:
      return {
        event_id: id,
        logger: 'http.security.csrf',
        message: `csrf mismatch ${index}`,
        breadcrumbs,
      };
    default:
      return {
        event_id: id,
        exception: {
          values: [{ type: 'AuthCancelledError', value: 'the user closed the dialog' }],
        },
        breadcrumbs,
      };
  }
}

const out = createWriteStream(path);
let written = 0;
for (let index = 0; written < target; index++) {
  const line = `${JSON.stringify(event(index))}\n`;
  written += Buffer.byteLength(line);
  if (!out.write(line)) {
    await once(out, 'drain');
  }
}
out.end();
await once(out, 'finish');
process.stdout.write(`${path}: ${(written / 1024 / 1024).toFixed(0)} MiB\n`);
