// The member's replica: the core in wasm keeping the member's data in
// SQLite on IDBFS, so the card, wallet and statement show offline and
// changes wait in the outbox until the network returns.
import createAtrium from '../atrium.mjs';
import { api, apiText, serverNow } from './api.js';

let atrium = null;
let replica = null;
let path = '';

function value(text) {
  const r = JSON.parse(text);
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
  return r.value;
}

const syncfs = (populate) => new Promise((resolve, reject) =>
  atrium.FS.syncfs(populate, (err) => (err ? reject(err) : resolve())));

// The programme the replica starts from, kept on the phone: a visit starts
// from the kept copy and refreshes it behind the card (rule changes also
// reach the replica as operations).
async function programFiles() {
  const fetched = navigator.onLine
    ? api('/catalogue/program').then((files) => {
      localStorage.setItem('program', JSON.stringify(files));
      return files;
    })
    : Promise.reject(new Error('offline'));
  const kept = localStorage.getItem('program');
  if (kept) {
    fetched.catch(() => {});
    return JSON.parse(kept);
  }
  return fetched;
}

export async function openReplica(session) {
  const files = await programFiles();
  if (!atrium) {
    performance.mark('wasm-start');
    atrium = await createAtrium();
    performance.measure('wasm-instantiation', 'wasm-start');
    atrium.FS.mkdirTree('/idb');
    atrium.FS.mount(atrium.FS.filesystems.IDBFS, {}, '/idb');
    await syncfs(true);
  }
  replica?.delete();
  replica = new atrium.MemberReplica();
  path = `/idb/${session.member_id}.db`;
  value(replica.open(path,
    JSON.stringify(files.program), JSON.stringify(files.parking),
    session.member_id, session.next_seq));
  return files.program;
}

// Now on the server's clock, as the core reads instants: whole seconds, UTC.
export const nowIso = () => new Date(serverNow()).toISOString().replace(/\.\d+Z$/, 'Z');
export const view = (name, at) => value(replica[name](at));
export const state = () => value(replica.state());
// The server's answers, each with the type of its operation (which the
// phone notes when it queues one) for the page to name it.
const types = () => JSON.parse(localStorage.getItem('op_types') || '{}');
export const outcomes = () => {
  const known = types();
  return value(replica.outcomes()).map((o) => ({ ...o, type: known[o.op_id] || 'unknown' }));
};

// Queues an operation (applied to the views at once) and stores it.
export async function submit(type, payload) {
  const op = value(replica.submit(type, JSON.stringify(payload), nowIso()));
  await syncfs(false);
  localStorage.setItem('op_types', JSON.stringify({ ...types(), [op.id]: type }));
  return op;
}

// Pushes the outbox, then pulls until up to date. Throws when offline;
// what was queued stays queued.
export async function sync() {
  // At most a push's worth at a time (256), until the outbox is sent.
  let before = Infinity;
  for (let push = value(replica.toPush()); push.operations.length > 0;) {
    const answer = await api('/sync/push', { method: 'POST', body: push });
    const queued = value(replica.acknowledge(JSON.stringify(answer))).queued;
    await syncfs(false);
    if (queued >= before) break;  // no progress: the next sync tries again
    before = queued;
    push = value(replica.toPush());
  }
  // Pages until one is not full (core/sync envelopes.h, as the kiosk).
  for (let more = true; more;) {
    const after = String(state().cursor);
    const page = await apiText(`/sync/pull?after=${after}&limit=1000`);
    more = value(replica.pulled(after, page)).more;
    await syncfs(false);
  }
  return state();
}

// Signing out leaves nothing of the member on the phone: the replica's
// file is removed from the page's file system and from IndexedDB.
export async function forget() {
  if (!replica) return;
  replica.delete();
  replica = null;
  localStorage.removeItem('op_types');
  if (atrium.FS.analyzePath(path).exists) atrium.FS.unlink(path);
  await syncfs(false);
}
