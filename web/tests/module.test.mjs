// The wasm module under node: the golden vectors every surface computes
// (shared/vectors/), and a member's replica kept in SQLite: offline
// submits, the server's answers, a reload, and IDBFS across page loads.
// Run by ctest under the wasm preset (web/CMakeLists.txt).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const modulePath = process.env.ATRIUM_WEB_MODULE;
const shared = process.env.ATRIUM_SHARED_DIR;
const read = (name) => readFileSync(`${shared}/${name}`, 'utf8');
const programText = read('demo-mall/program.json');
const parkingText = read('demo-mall/parking.json');

const { default: createAtrium } = await import(pathToFileURL(modulePath));
const wasmBinary = readFileSync(modulePath.replace(/\.mjs$/, '.wasm'));
const load = () => createAtrium({ wasmBinary });

function value(text) {
  const r = JSON.parse(text);
  assert.equal(r.ok, true, JSON.stringify(r.error));
  return r.value;
}
function error(text) {
  const r = JSON.parse(text);
  assert.equal(r.ok, false, 'expected a refusal');
  return r.error;
}

test('every earning vector gives the expected points', async () => {
  const atrium = await load();
  const doc = JSON.parse(read('vectors/earning.json'));
  assert.ok(doc.cases.length >= 20);
  for (const c of doc.cases) {
    // A case may replace some of the programme's earning fields.
    let program = programText;
    if (c.earning) {
      const changed = JSON.parse(programText);
      Object.assign(changed.earning, c.earning);
      program = JSON.stringify(changed);
    }
    const got = value(atrium.computeEarn(program, JSON.stringify(
      { tier: c.tier, earned_today: c.earned_today, receipt: c.receipt })));
    assert.equal(got.points, c.expect.points, c.name);
    assert.equal(got.uncapped_points, c.expect.uncapped_points, c.name);
    assert.equal(got.cap, c.expect.cap, c.name);
    assert.deepEqual(got.applied_rules.map((r) => r.id),
      c.expect.applied_rules, c.name);
    assert.deepEqual(got.lines.map((l) => l.multiplier_permille),
      c.expect.multipliers_permille, c.name);
  }
});

test('every parking vector gives the expected quote or error', async () => {
  const atrium = await load();
  const doc = JSON.parse(read('vectors/parking.json'));
  assert.ok(doc.cases.length >= 40);
  for (const c of doc.cases) {
    const r = JSON.parse(atrium.quoteParking(programText, parkingText,
      JSON.stringify(c.request)));
    if (c.expect_error) {
      assert.equal(r.ok, false, c.name);
      assert.equal(r.error.code.toLowerCase(), c.expect_error, c.name);
      continue;
    }
    assert.equal(r.ok, true, `${c.name}: ${JSON.stringify(r.error)}`);
    for (const key of ['gross_fen', 'due_fen', 'lines', 'points_used',
      'coupons_used']) {
      assert.deepEqual(r.value[key], c.expect[key], `${c.name}: ${key}`);
    }
  }
});

test('bad input is a clear error, never a crash', async () => {
  const atrium = await load();
  assert.equal(error(atrium.computeEarn('{', '{}')).code, 'INVALID_ARGUMENT');
  assert.equal(error(atrium.computeEarn(programText, '{"tier": 3}')).code,
    'INVALID_ARGUMENT');
  const replica = new atrium.MemberReplica();
  assert.equal(error(replica.card('2026-04-10T00:00:00Z')).code,
    'FAILED_PRECONDITION');
  replica.delete();
});

// What a pull brings a new member's phone: their registration and an earn
// at a till (as GET /api/v1/sync/pull answers).
const kPulled = {
  changes: [
    {
      cursor: 3, op_id: 'reg-1', applied: true, result: {},
      applied_at: '2026-04-08T07:00:00Z',
      operation: {
        v: 1, id: 'reg-1', origin: 'device:desk', seq: 1, type: 'register',
        at: '2026-04-08T07:00:00Z',
        payload: { member_id: 'M0001', phone: '13800000001' },
      },
    },
    {
      cursor: 9, op_id: 'earn-R1', applied: true, result: {},
      applied_at: '2026-04-08T07:00:00Z',
      operation: {
        v: 1, id: 'earn-R1', origin: 'device:pos-01', seq: 2, type: 'earn',
        at: '2026-04-08T07:00:00Z',
        payload: {
          receipt: {
            id: 'R1', mall_id: 'm-xinjie', store_id: 's-101',
            member_id: 'M0001', at: '2026-04-08T07:00:00Z',
            lines: [{ category: 'fashion', amount_fen: 12800 }],
          },
        },
      },
    },
  ],
  next: 9,
};
const kNow = '2026-04-10T08:00:00Z';
const spend = (points) =>
  JSON.stringify({ member_id: 'M0001', points, ref: `o-${points}` });

function openReplica(atrium, path) {
  const replica = new atrium.MemberReplica();
  value(replica.open(path, programText, parkingText, 'M0001', 1));
  return replica;
}

test('a replica shows the pulled card, queues offline and keeps answers',
  async () => {
    const atrium = await load();
    atrium.FS.mkdirTree('/replica');
    let replica = openReplica(atrium, '/replica/M0001.db');
    assert.equal(value(replica.state()).registered, false);
    const state = value(replica.pulled('0', JSON.stringify(kPulled)));
    // A page the server did not call full: nothing more to pull.
    assert.deepEqual(state,
      { cursor: 9, queued: 0, next_seq: 1, registered: true, more: false });
    assert.equal(value(replica.pulled('9', JSON.stringify(
      { changes: [], next: 9, more: true }))).more, true);
    // The card shows what the module computes the earn to be.
    const earned = value(atrium.computeEarn(programText, JSON.stringify({
      tier: 'normal', receipt: kPulled.changes[1].operation.payload.receipt,
    }))).points;
    assert.ok(earned > 28);
    const card = value(replica.card(kNow));
    assert.equal(card.points.usable, earned);
    assert.equal(card.phone, '138****0001');

    // Offline: a spend shows at once; one beyond the balance is refused
    // here and queues nothing.
    const op = value(replica.submit('spend_points', spend(28), kNow));
    assert.equal(op.id, 'member:M0001:1');
    assert.equal(value(replica.card(kNow)).points.usable, earned - 28);
    assert.equal(error(replica.submit('spend_points', spend(earned), kNow)).code,
      'FAILED_PRECONDITION');
    const push = value(replica.toPush());
    assert.equal(push.operations.length, 1);
    assert.equal(push.operations[0].type, 'spend_points');

    // A reload finds the outbox and the card as they were.
    replica.delete();
    replica = openReplica(atrium, '/replica/M0001.db');
    assert.equal(value(replica.state()).queued, 1);
    assert.equal(value(replica.card(kNow)).points.usable, earned - 28);

    // The server refuses it (the till spent the points meanwhile): the
    // phone keeps the reason and the view drops the spend.
    value(replica.acknowledge(JSON.stringify({
      results: [{
        op_id: 'member:M0001:1', applied: false, replayed: false, cursor: 10,
        error: { code: 'FAILED_PRECONDITION', message: 'too few points' },
      }],
    })));
    const outcomes = value(replica.outcomes());
    assert.equal(outcomes.length, 1);
    assert.equal(outcomes[0].applied, false);
    assert.equal(outcomes[0].error.code, 'FAILED_PRECONDITION');
    assert.equal(value(replica.state()).queued, 0);
    assert.equal(value(replica.card(kNow)).points.usable, earned);
    assert.equal(error(replica.pulled('x', '{"changes": []}')).code,
      'INVALID_ARGUMENT');
    assert.equal(error(replica.acknowledge('{"results": [{}]}')).code,
      'INVALID_ARGUMENT');
    replica.delete();
  });

// The phone pays for parking offline: the outbox holds the payment, the
// points it uses leave the balance at once; the server takes it later if
// the fee is still the quoted one.
test('a parking payment queued offline uses its points at once', async () => {
  const atrium = await load();
  atrium.FS.mkdirTree('/parking');
  const replica = openReplica(atrium, '/parking/M0001.db');
  value(replica.pulled('0', JSON.stringify(kPulled)));
  const usable = value(replica.card(kNow)).points.usable;
  const pay = (points) => replica.submit('park_pay', JSON.stringify({
    mall_id: 'm-xinjie', member_id: 'M0001', due_fen: 500, points,
    plate: { value: 'ab'.repeat(32), display: '沪A***45' },
  }), kNow);
  assert.equal(error(pay(usable + 1)).code, 'FAILED_PRECONDITION');
  const op = value(pay(20));
  assert.equal(op.type, 'park_pay');
  assert.equal(value(replica.card(kNow)).points.usable, usable - 20);
  const push = value(replica.toPush());
  assert.deepEqual(push.operations.map((o) => o.payload.due_fen), [500]);
  assert.equal(error(replica.submit('park_pay', '{"mall_id": "m-xinjie"}', kNow)).code,
    'INVALID_ARGUMENT');
  replica.delete();
});

test('the outbox survives a page load through IDBFS', async () => {
  const require = createRequire(import.meta.url);
  require(`${process.env.FAKE_INDEXEDDB_DIR}/auto`);
  const syncfs = (FS, populate) => new Promise((resolve, reject) =>
    FS.syncfs(populate, (err) => (err ? reject(err) : resolve())));
  // A page load: a fresh module whose mount is filled from IndexedDB.
  const page = async () => {
    const atrium = await load();
    atrium.FS.mkdirTree('/idb');
    atrium.FS.mount(atrium.FS.filesystems.IDBFS, {}, '/idb');
    await syncfs(atrium.FS, true);
    return atrium;
  };
  let atrium = await page();
  let replica = openReplica(atrium, '/idb/M0001.db');
  value(replica.pulled('0', JSON.stringify(kPulled)));
  value(replica.submit('spend_points', spend(20), kNow));
  const before = value(replica.card(kNow)).points.usable;
  replica.delete();
  await syncfs(atrium.FS, false);

  atrium = await page();
  replica = openReplica(atrium, '/idb/M0001.db');
  assert.deepEqual(value(replica.state()),
    { cursor: 9, queued: 1, next_seq: 2, registered: true });
  assert.equal(value(replica.card(kNow)).points.usable, before);
  replica.delete();
});
