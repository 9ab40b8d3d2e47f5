/**
 * Envelopes from outside: a strict reader for untrusted input that reports every fault with
 * its position, and a writer that re-measures item lengths before serializing with
 * `@sentry/core`. No Node built-ins: usable by the command line and by tunnel endpoints.
 */

export { type JsonParseResult, type JsonSyntaxError, parseJson } from './json.ts';
export { readEnvelope } from './read.ts';
export { decodeUtf8, lineAndColumn, utf8Length } from './text.ts';
export type {
  EnvelopeFault,
  EnvelopeFaultCode,
  EnvelopeItemSource,
  ReadEnvelopeOptions,
  ReadEnvelopeResult,
} from './types.ts';
export { writeEnvelope } from './write.ts';
