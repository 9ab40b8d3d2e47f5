import { ANY, keyedShape, type Shape, SKIP, same, shape } from '../walk/shape.ts';

// Exceptions, stack traces and threads, after Sentry's event payload documentation
// (https://develop.sentry.dev/sdk/data-model/event-payloads/): file, module and function names
// are structure; frame variables and exception values are data. Events exported from Sentry's
// web API name the same fields in camelCase (`sentry/interfaces/stacktrace.py` and
// `exception.py`, `get_api_context`), so both spellings are listed.

const API_FRAME_FIELDS = [
  'absPath',
  'rawFunction',
  'instructionAddr',
  'symbolAddr',
  'imageAddr',
  'addrMode',
  'functionId',
  'lineNo',
  'colNo',
  'inApp',
  'sourceLink',
  'context',
  'mapUrl',
  'map',
  'origFunction',
  'origAbsPath',
  'origFilename',
  'origLineNo',
  'origColNo',
];

const FRAME = keyedShape('frame', {
  fields: {
    ...same(
      [
        'filename',
        'abs_path',
        'module',
        'package',
        'platform',
        'function',
        'raw_function',
        'symbol',
        'lineno',
        'colno',
        'in_app',
        'instruction_addr',
        'addr_mode',
        'symbol_addr',
        'image_addr',
        'function_id',
        'trust',
        'lang',
        'stack_start',
        'debug_id',
        'source_link',
        // Lines of the application's own source code: the same for every event, and not
        // scrubbed by Sentry's server-side rules either. See the README's known limits.
        'pre_context',
        'context_line',
        'post_context',
        // `context` holds the `[lineno, line]` source lines in the web API's form.
        ...API_FRAME_FIELDS,
      ],
      SKIP,
    ),
    vars: ANY,
  },
});

/** A stack trace, also the `data` of a `stacktrace` entry. */
export const STACKTRACE = keyedShape('stacktrace', {
  fields: {
    frames: shape('frames', { items: FRAME }),
    ...same(
      ['frames_omitted', 'registers', 'lang', 'snapshot', 'framesOmitted', 'hasSystemFrames'],
      SKIP,
    ),
  },
});

const MECHANISM = keyedShape('mechanism', {
  fields: same(
    [
      'type',
      'handled',
      'synthetic',
      'source',
      'exception_id',
      'parent_id',
      'is_exception_group',
      'meta',
    ],
    SKIP,
  ),
});

const EXCEPTION_VALUE = keyedShape('exception value', {
  fields: {
    ...same(['type', 'module', 'thread_id', 'threadId'], SKIP),
    mechanism: MECHANISM,
    stacktrace: STACKTRACE,
    raw_stacktrace: STACKTRACE,
    rawStacktrace: STACKTRACE,
  },
});

/** `{ values: [...] }`, or the list itself in legacy events. */
export function valuesOf(name: string, element: Shape, structure: readonly string[] = []): Shape {
  return keyedShape(name, {
    fields: { values: shape(`${name} values`, { items: element }), ...same(structure, SKIP) },
    items: element,
  });
}

/** `exception`, also the `data` of an `exception` entry in events from Sentry's web API. */
export const EXCEPTION = valuesOf('exception', EXCEPTION_VALUE, ['excOmitted', 'hasSystemFrames']);

const THREAD = keyedShape('thread', {
  fields: {
    ...same(['id', 'current', 'crashed', 'main', 'state', 'held_locks', 'name'], SKIP),
    stacktrace: STACKTRACE,
    raw_stacktrace: STACKTRACE,
    rawStacktrace: STACKTRACE,
  },
});

/** `threads`, also the `data` of a `threads` entry. */
export const THREADS = valuesOf('threads', THREAD);
