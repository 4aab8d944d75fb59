import type { CeremonyReport, Check } from '../../shared/schemas.js';
import { RpError } from '../http/rp-error.js';

/**
 * The checks of one verify call, in the order they were made. A failed check ends the
 * ceremony with its error code, and the error carries the report so far (`report` beside
 * `error` in the body), so a refusal is explained as well as a success.
 */
export class CheckRun {
  readonly checks: Check[] = [];
  readonly decoded: Record<string, unknown> = {};

  constructor(
    readonly ceremony: CeremonyReport['ceremony'],
    readonly options: unknown,
  ) {}

  require(check: Check): void {
    this.checks.push(check);
    if (!check.passed) throw new RpError(check.code ?? 'invalid_request', undefined, undefined, this.report());
  }

  report(): CeremonyReport {
    return { ceremony: this.ceremony, options: this.options, decoded: this.decoded, checks: [...this.checks] };
  }

  /** Runs `verify`; any RpError it throws leaves with this run's report attached. */
  async around<T>(verify: () => Promise<T>): Promise<T> {
    try {
      return await verify();
    } catch (error) {
      if (error instanceof RpError && !error.report) throw new RpError(error.code, error.message, error.field, this.report());
      throw error;
    }
  }
}
