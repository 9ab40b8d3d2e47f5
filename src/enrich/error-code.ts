import { ownDataValue } from './plain-value.ts';
import { toTagValue } from './tag-value.ts';
import type { EnrichInput, EnrichmentTarget } from './types.ts';

/** The tag that carries the error code, so events can be searched by it. */
export const ERROR_CODE_TAG = 'error.code';

/**
 * Tags the event with the `code` of the captured error, or else of its nearest cause that has
 * one: `fetch failed` is a `TypeError` without a code whose cause says `ECONNREFUSED`.
 * Only own data properties count, as in the `error_properties` context, so no getter runs and
 * a `code` getter (such as the legacy `DOMException.code`) is ignored. A non-enumerable `code`
 * still counts here, though the context, which lists enumerable properties, leaves it out.
 */
export function enrichErrorCode(input: EnrichInput, target: EnrichmentTarget): void {
  for (const link of input.chain()) {
    if (!link.isError) {
      continue;
    }
    const code = toTagValue(ownDataValue(link.value as object, 'code'));
    if (code !== undefined) {
      target.addTag(ERROR_CODE_TAG, code);
      return;
    }
  }
}
