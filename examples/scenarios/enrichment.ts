/**
 * The inventory service is down while a customer looks at an order. `fetch` fails with a
 * `TypeError` that says little; its cause, Node's own error, carries the code (`ECONNREFUSED`),
 * and the request an id from the load balancer. The filter adds both as tags, so the issue can
 * be searched and grouped by them and traced back to the access logs, and keeps the cause's
 * properties as a context.
 */
import { check, eventsOfType, exactlyOneEvent, tagged } from '../support/checks.ts';
import { runIfMain } from '../support/command.ts';
import type { Scenario } from '../support/scenario.ts';

const REQUEST_ID = 'req_5d2c8e41';

export const enrichment: Scenario = {
  name: 'enrichment',
  title: 'The inventory service is down while a customer opens an order',
  role: 'service',
  async run(apps) {
    const status = await apps.request({
      method: 'GET',
      path: '/orders/1234',
      headers: { 'x-request-id': REQUEST_ID },
    });
    return `GET /orders/1234, x-request-id: ${REQUEST_ID} → ${status} (fetch failed)`;
  },
  expect(observed) {
    const event = eventsOfType(observed, 'TypeError')[0];
    const properties = event?.contexts?.error_properties as Record<string, unknown> | undefined;
    const cause = properties?.cause as Record<string, unknown> | undefined;
    return [
      exactlyOneEvent(observed, 'TypeError'),
      tagged(event, 'error.code', 'ECONNREFUSED'),
      tagged(event, 'request_id', REQUEST_ID),
      check(
        "the cause's own properties are kept as a context",
        cause?.code === 'ECONNREFUSED' && cause.syscall === 'connect',
        properties === undefined ? 'no error_properties context' : JSON.stringify(properties),
      ),
    ];
  },
};

await runIfMain(import.meta.url, [enrichment]);
