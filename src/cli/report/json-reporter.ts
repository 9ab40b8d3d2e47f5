import type { CheckSummary } from '../check/tally.ts';
import type { HeaderResult, UnitResult } from '../check/units.ts';
import type { InputFault } from '../input/records.ts';
import { type CliIo, writeLine } from '../io.ts';
import type { Reporter, ReportSettings } from './reporter.ts';

/**
 * Reports for programs: JSON lines on stdout, each an object whose `record` says what it is:
 * `unit`, `header`, `fault`, and last `summary`. Removals are listed with `--explain`.
 */
export class JsonReporter implements Reporter {
  readonly #io: CliIo;
  readonly #settings: ReportSettings;

  constructor(io: CliIo, settings: ReportSettings) {
    this.#io = io;
    this.#settings = settings;
  }

  async unit(unit: UnitResult): Promise<void> {
    if (this.#settings.quiet) {
      return;
    }
    const { location, removals, ...rest } = unit;
    await this.#write({
      record: 'unit',
      ...location,
      ...rest,
      removed: removals.length,
      ...(this.#settings.explain && { removals: removals.map(plainRemoval) }),
    });
  }

  async header(header: HeaderResult): Promise<void> {
    if (this.#settings.quiet) {
      return;
    }
    await this.#write({
      record: 'header',
      ...header.location,
      removed: header.removals.length,
      ...(this.#settings.explain && { removals: header.removals.map(plainRemoval) }),
    });
  }

  async fault(fault: InputFault): Promise<void> {
    await this.#write({ record: 'fault', ...fault });
  }

  async faultsHidden(file: string, count: number): Promise<void> {
    await this.#write({ record: 'faults-hidden', file, count });
  }

  async summary(summary: CheckSummary): Promise<void> {
    await this.#write({ record: 'summary', ...summary });
  }

  #write(value: object): Promise<void> {
    return writeLine(this.#io.stdout, JSON.stringify(value));
  }
}

function plainRemoval(removal: UnitResult['removals'][number]): object {
  return { path: removal.path, rule: removal.rule, preview: removal.preview };
}
