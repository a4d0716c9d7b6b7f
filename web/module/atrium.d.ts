// The JS API of the Atrium core compiled to wasm (web/module/atrium_web.cc),
// as `import createAtrium from './atrium.mjs'` gives it.
//
// Every value crosses as JSON text: money is integer fen and points are
// integers, never floats. Every call answers a Result's JSON text; parse it
// and check `ok`. Times are ISO-8601 UTC instants passed in by the app (the
// core reads no clock). Formats: shared/formats/ and shared/api/README.md.

/** What every call answers, as JSON text. */
export type Result<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: string; message: string } };

/** Where a replica stands: what to pull from, what is waiting to go. */
export interface ReplicaState {
  cursor: number; // the last change pulled; pass it back as `after`
  queued: number; // operations not yet confirmed by a pull
  next_seq: number; // the sequence number the next operation takes
  registered: boolean; // the member's own registration has been pulled
}

/**
 * One member's replica on the phone, kept in SQLite at a path of the
 * module's file system (mount IDBFS there and call FS.syncfs(false) after
 * each change to persist it). Operations submitted offline apply to the
 * views at once and wait in the outbox until pushed; a pull makes the
 * views the server's. Call delete() when done.
 */
export interface MemberReplica {
  /** Opens or creates the replica: the programme and car parks as served
   *  by GET /api/v1/catalogue/program; `nextSeq` from the sign-in. */
  open(path: string, programJson: string, parkingJson: string,
       memberId: string, nextSeq: number): string; // Result<ReplicaState>
  /** Queues an operation of the member (shared/formats/operation.md):
   *  `claim_coupon`, `exchange_points`, `spend_points`, `park_pay`, ...
   *  A refusal the replica can already see is answered now, and nothing
   *  is queued. */
  submit(type: string, payloadJson: string, nowIso: string): string; // Result<operation>
  /** The body for POST /api/v1/sync/push. */
  toPush(): string; // Result<{operations: object[]}>
  /** Records the answer of POST /api/v1/sync/push. */
  acknowledge(answerJson: string): string; // Result<ReplicaState>
  /** Applies the answer of GET /api/v1/sync/pull?after=<after>; `more`:
   *  the page was full, pull again after the new cursor. */
  pulled(after: string, answerJson: string): string; // Result<ReplicaState & {more: boolean}>
  state(): string; // Result<ReplicaState>
  /** As GET /api/v1/me shows it: tier, progress, points, masked phone. */
  card(nowIso: string): string;
  /** As GET /api/v1/me/statement: balance, lots, expiring, entries. */
  statement(nowIso: string): string;
  /** As GET /api/v1/me/wallet: usable first, then by expiry. */
  wallet(nowIso: string): string;
  /** The server's answer to every operation sent, oldest first:
   *  [{op_id, applied, replayed, cursor, result | error}]. */
  outcomes(): string;
  delete(): void;
}

export interface AtriumModule {
  MemberReplica: { new (): MemberReplica };
  /** The points a receipt earns: request {tier, earned_today, receipt}
   *  (shared/vectors/earning.json) → {points, uncapped_points, cap,
   *  applied_rules, lines}. */
  computeEarn(programJson: string, requestJson: string): string;
  /** A parking quote (shared/formats/parking.md) → {gross_fen, lines,
   *  due_fen, points_used, coupons_used, ...}. */
  quoteParking(programJson: string, parkingJson: string,
               requestJson: string): string;
  /** Emscripten's file system, for IDBFS: FS.filesystems.IDBFS. */
  FS: any;
}

/** `wasmBinary` lets node (tests) pass the bytes the browser fetches. */
export default function createAtrium(
  options?: { wasmBinary?: ArrayBuffer | Uint8Array;
              locateFile?: (path: string) => string }): Promise<AtriumModule>;
