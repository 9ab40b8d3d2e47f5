import type { TextScanner } from '../detect/text-scanner.ts';
import type { KeyScrubber } from '../keys/addresses.ts';
import type { KeyClassifier } from '../keys/classify.ts';
import type { ParameterContext } from './parameters/index.ts';
import type { WalkRunner } from './run.ts';

/** What scrubbing an item needs; built once per scrubber. */
export interface ItemContext {
  readonly runner: WalkRunner;
  /** The scanner the walker uses, for text attachments. */
  readonly scanner: TextScanner;
  /** Judges the keys of tags given as `{ key, value }`. */
  readonly classifier: KeyClassifier;
  /** Replaces email and IP addresses used as context names, outside the walk. */
  readonly keys: KeyScrubber | undefined;
  /** Counts a replacement made outside the walk. */
  readonly removed: (rule: string) => void;
  readonly parameters: ParameterContext;
  readonly removeIps: boolean;
  /** Called when an attachment is too large to scrub. */
  readonly onLimit: () => void;
}
