import type { CheckSummary } from '../check/tally.ts';
import type { HeaderResult, UnitResult } from '../check/units.ts';
import type { InputFault } from '../input/records.ts';

/** Where `check` sends what it found: as text for people, or as JSON lines for programs. */
export interface Reporter {
  unit(unit: UnitResult): Promise<void>;
  header(header: HeaderResult): Promise<void>;
  fault(fault: InputFault): Promise<void>;
  /** Says that a file had more faults than are shown one by one. */
  faultsHidden(file: string, count: number): Promise<void>;
  summary(summary: CheckSummary): Promise<void>;
}

/** What both reporters are asked to show. */
export interface ReportSettings {
  /** Every change as path, rule and masked preview. */
  readonly explain: boolean;
  /** Only faults and the summary. */
  readonly quiet: boolean;
}
