// A message's parameters, judged by where they stand in its template.
export {
  type ParameterContext,
  type ParameterSite,
  type SiteParameter,
  scrubParameters,
} from './apply.ts';
export { createParameterJudge, type ParameterJudge } from './judge.ts';
export { breadcrumbSite, eventSites, logSite, messageEntrySite } from './sites.ts';
