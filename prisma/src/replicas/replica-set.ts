import type { SqlDriver } from '../sql-driver.ts';
import { isConnectionFault } from './connection-fault.ts';
import { formatLsn, laterOf, parseLsn, type Lsn } from './lsn.ts';

/** One replica as `/health` reports it (README: "Scale-out"). */
export interface ReplicaStatus {
  /** `host:port/database`, without credentials. */
  readonly name: string;
  /** Whether it answered its last check (and no read has failed on it since). */
  readonly answers: boolean;
  /** The WAL position it had replayed at its last check, e.g. `0/401C2C8`. */
  readonly replayLsn: string | null;
  /** How far behind the primary it was at its last check, in milliseconds; null while it does not answer. */
  readonly lagMs: number | null;
  /** Whether reads are sent to it: it answers and lags no more than the bound. */
  readonly serving: boolean;
  /** When it was last checked (ISO 8601), null before the first check. */
  readonly checkedAt: string | null;
  /** Why it does not answer or serve, or null. */
  readonly problem: string | null;
}

interface Member<Reader> {
  readonly name: string;
  readonly reader: Reader;
  /** The replica's own driver, without fallback: a check must see it fail. */
  readonly sql: SqlDriver;
  state: { answers: boolean; replay: Lsn | null; lagMs: number | null; checkedAt: number | null; problem: string | null };
}

export interface ReplicaSetOptions {
  /** Milliseconds a replica may lag before reads skip it. */
  maxLagMs: number;
  /** Milliseconds between checks of every replica. */
  checkMs: number;
  /** Milliseconds since the epoch. @default Date.now */
  now?: () => number;
}

const replayQuery = `SELECT pg_last_wal_replay_lsn()::text AS lsn,
  (extract(epoch FROM now() - pg_last_xact_replay_timestamp()) * 1000)::float8 AS since_replay`;

/**
 * The replicas of one primary, each checked every `checkMs`: how much WAL it has replayed and how far
 * behind that is. A replica's lag is the age of the newest primary position (sampled at each check)
 * it has replayed; a read that must see a write goes only where that write's position was replayed.
 * Every change heard (NOTIFY, sent after commit) raises the floor for every read, so no answer is
 * recomputed from a replica that has not replayed the change that made it out of date.
 */
export class ReplicaSet<Reader> {
  readonly #members: Member<Reader>[];
  readonly #primary: SqlDriver;
  readonly #now: () => number;
  readonly #samples: { lsn: Lsn; at: number }[] = [];
  #changeFloor: Lsn | null = null;
  #changesPending = 0;
  #turn = 0;
  #checking: Promise<void> | null = null;
  #again = false;
  readonly #timer: NodeJS.Timeout;

  constructor(
    primary: SqlDriver,
    members: readonly { name: string; reader: Reader; sql: SqlDriver }[],
    readonly options: ReplicaSetOptions,
  ) {
    this.#primary = primary;
    this.#now = options.now ?? Date.now;
    this.#members = members.map((m) => ({ ...m, state: { answers: false, replay: null, lagMs: null, checkedAt: null, problem: 'not checked yet' } }));
    this.#timer = setInterval(() => void this.check().catch(() => undefined), options.checkMs);
    this.#timer.unref();
  }

  /** Where a read goes that must see everything up to `floor`: a serving replica that has replayed it (in turn), else null for the primary. */
  readerFor(floor: Lsn | null): Reader | null {
    if (this.#changesPending > 0) return null;
    const needed = laterOf(floor, this.#changeFloor);
    const fit = this.#members.filter((m) => this.#serves(m) && (needed === null || (m.state.replay !== null && m.state.replay >= needed)));
    this.#turn = (this.#turn + 1) % Math.max(1, fit.length);
    return fit[this.#turn]?.reader ?? null;
  }

  /** The primary's WAL position now: every transaction committed before the call is at or before it. */
  async primaryPosition(): Promise<Lsn> {
    const [row] = await this.#primary.run((c) => c.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn'));
    if (!row) throw new Error('pg_current_wal_lsn() returned no row');
    return parseLsn(row.lsn);
  }

  /** A change was committed (its notification arrived): reads wait for it on the primary until its position is known. */
  heardChange(): void {
    this.#changesPending += 1;
    this.primaryPosition()
      .then((lsn) => (this.#changeFloor = laterOf(this.#changeFloor, lsn)))
      .catch(() => undefined)
      .finally(() => {
        this.#changesPending -= 1;
        void this.check().catch(() => undefined);
      });
  }

  /** A read failed on the replica behind `reader`; a lost connection takes it out of service until it answers a check. */
  fault(reader: Reader, error: unknown): void {
    const member = this.#members.find((m) => m.reader === reader);
    if (!member || !isConnectionFault(error)) return;
    member.state = { ...member.state, answers: false, problem: `read failed: ${messageOf(error)}` };
  }

  status(): ReplicaStatus[] {
    return this.#members.map((m) => ({
      name: m.name,
      answers: m.state.answers,
      replayLsn: m.state.replay === null ? null : formatLsn(m.state.replay),
      lagMs: m.state.lagMs === null ? null : Math.round(m.state.lagMs),
      serving: this.#serves(m),
      checkedAt: m.state.checkedAt === null ? null : new Date(m.state.checkedAt).toISOString(),
      problem: m.state.problem ?? (m.state.lagMs !== null && m.state.lagMs > this.options.maxLagMs ? `lags more than ${this.options.maxLagMs} ms` : null),
    }));
  }

  /** Checks every replica now (one check at a time; a call during one runs another after it). */
  async check(): Promise<ReplicaStatus[]> {
    if (this.#checking) {
      this.#again = true;
      await this.#checking;
      return this.status();
    }
    this.#checking = (async () => {
      do {
        this.#again = false;
        await this.#checkOnce();
      } while (this.#again);
    })().finally(() => (this.#checking = null));
    await this.#checking;
    return this.status();
  }

  close(): void {
    clearInterval(this.#timer);
  }

  #serves(member: Member<Reader>): boolean {
    const { answers, lagMs } = member.state;
    return answers && lagMs !== null && lagMs <= this.options.maxLagMs;
  }

  async #checkOnce(): Promise<void> {
    const sampledAt = this.#now();
    const position = await this.primaryPosition().catch(() => null);
    if (position !== null) this.#samples.push({ lsn: position, at: sampledAt });
    // Samples older than the bound cannot make a replica serve; one is kept to measure longer lags.
    while (this.#samples.length > 1 && (this.#samples[1]?.at ?? sampledAt) < sampledAt - this.options.maxLagMs - this.options.checkMs) this.#samples.shift();
    await Promise.all(this.#members.map((member) => this.#checkMember(member)));
  }

  async #checkMember(member: Member<Reader>): Promise<void> {
    try {
      const [row] = await member.sql.run((c) => c.query<{ lsn: string | null; since_replay: number | null }>(replayQuery));
      const checkedAt = this.#now();
      if (!row?.lsn) {
        member.state = { answers: true, replay: null, lagMs: null, checkedAt, problem: 'not a standby (pg_last_wal_replay_lsn() is null)' };
        return;
      }
      const replay = parseLsn(row.lsn);
      const reached = this.#samples.findLast((sample) => sample.lsn <= replay);
      const lagMs = reached ? Math.max(0, checkedAt - reached.at) : Math.max(row.since_replay ?? 0, checkedAt - (this.#samples[0]?.at ?? checkedAt));
      member.state = { answers: true, replay, lagMs, checkedAt, problem: null };
    } catch (error) {
      member.state = { answers: false, replay: member.state.replay, lagMs: null, checkedAt: this.#now(), problem: messageOf(error) };
    }
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 200);
