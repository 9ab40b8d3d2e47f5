import { BREADCRUMB } from '../shapes/event.ts';
import { LOG, SERIALIZED_LOG } from '../shapes/telemetry.ts';
import type { ItemContext } from './context.ts';
import { breadcrumbSite, logSite, scrubParameters } from './parameters/index.ts';
import type { Patched } from './patch.ts';

/**
 * Scrubs a log record, as `beforeSendLog` sees it or as serialized in a `log` item: walks it,
 * then judges its message parameters by the template (`logger.fmt`, console integrations).
 */
export function scrubLogRecord(context: ItemContext, log: unknown, serialized: boolean): Patched {
  const walked = context.runner.run(log, serialized ? SERIALIZED_LOG : LOG);
  const site = logSite(walked.value, serialized);
  return site === undefined ? walked : scrubParameters(context.parameters, log, walked, site);
}

/** Scrubs a breadcrumb; a console breadcrumb's arguments are judged by the first one. */
export function scrubBreadcrumb(context: ItemContext, breadcrumb: unknown): Patched {
  const walked = context.runner.run(breadcrumb, BREADCRUMB);
  const site = breadcrumbSite(walked.value);
  return site === undefined
    ? walked
    : scrubParameters(context.parameters, breadcrumb, walked, site);
}
