import type { Ceremony, CeremonyReport, Check } from '../../shared/schemas.js';
import { MAX_JSON_DEPTH, nestsTooDeep } from '../http/json-depth.js';
import { RpError, serialise } from '../http/rp-error.js';
import type { ClientData } from './checks.js';

/**
 * The checks of one verify call, in the order they were made. A failed check ends the
 * ceremony with its error code, and the error carries the report so far (`report` beside
 * `error` in the body), so a refusal is explained as well as a success.
 */
export class CheckRun<C extends Ceremony = Ceremony> {
  readonly checks: Check[] = [];
  /** The response's parts as far as they were decoded (src/shared/decoded.ts). */
  readonly decoded: Extract<CeremonyReport, { ceremony: C }>['decoded'] = {};

  constructor(
    readonly ceremony: C,
    readonly options: unknown,
  ) {}

  /**
   * Records a check; a failed one ends the ceremony with its code (and this report). Pass what
   * the check vouches for as `vouchesFor` (the pending challenge, the stored credential and its
   * user): TypeScript then knows it is there once the check passed, so callers need no `!`.
   * Declare the run with its type (`const run: CheckRun<…> = …`): assertion methods need it.
   */
  require(check: Check, vouchesFor?: unknown): asserts vouchesFor {
    this.checks.push(check);
    if (!check.passed) throw new RpError(check.code ?? 'invalid_request', undefined, undefined, this.report());
    // A check that passes must be right about its subject; if not, that is this code's bug (a 500).
    if (arguments.length > 1 && !vouchesFor) throw new Error(`the "${check.id}" check passed without the value it vouches for`);
  }

  /** Records a failed check (one made outside the check functions) and ends the ceremony. */
  refuse(check: Check): never {
    this.checks.push(check);
    throw new RpError(check.code ?? 'invalid_request', undefined, undefined, this.report());
  }

  /**
   * The report echoes the client's input (clientData, extension outputs): called before
   * anything is stored, so that the answer can always be written once the ceremony commits.
   * Returns the report's JSON text, for that answer (`jsonWithReport`): serialised once.
   */
  requireEchoable(): string {
    const text = serialise(this.report());
    if (text === undefined) throw new RpError('invalid_request', 'The response holds values that cannot be echoed back as JSON.', 'response', this.report());
    return text;
  }

  report(): CeremonyReport {
    return { ceremony: this.ceremony, options: this.options, decoded: this.decoded, checks: [...this.checks] } as CeremonyReport;
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

/**
 * clientDataJSON is JSON inside the body's base64url: the body's own nesting limit cannot see
 * into it, so it gets the same limit here, before it is parsed and echoed in the report.
 */
export function refuseDeepClientData(clientDataJSON: string, field: string): void {
  if (nestsTooDeep(Buffer.from(clientDataJSON, 'base64url').toString('utf8'))) {
    throw new RpError('invalid_request', `clientDataJSON nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep.`, field);
  }
}

/** The members checkOrigin judges, as the client sent them (the decoder keeps only well-typed ones). */
export function originMembers(clientData: { origin: string; raw: Record<string, unknown> }): Pick<ClientData, 'origin' | 'crossOrigin' | 'topOrigin'> {
  return { origin: clientData.origin, crossOrigin: clientData.raw.crossOrigin, topOrigin: clientData.raw.topOrigin };
}
