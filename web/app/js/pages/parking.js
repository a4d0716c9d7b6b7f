// Parking: the member's plates, each open stay in a group car park with
// its fee and every benefit applied (tier hours, the day's spend, a
// parking coupon, points if the member chooses), where the car is, and
// paying. A fee is paid on the payment provider's page (the server opens
// the order; the stay is paid once the provider's confirmation reaches the
// server), and back here the page waits for that. Paid, the page counts
// down the exit grace. The last answer is kept, so offline the page still
// shows it; offline, only benefits that cover the whole fee can be used
// (they wait in the outbox): money needs the network.
import { api, serverNow } from '../api.js';
import { t, yuan } from '../i18n.js';
import { malls } from '../mall.js';
import * as replica from '../replica.js';
import { app, esc, everySecond, main, named, showError, when } from '../ui.js';

let usePoints = false;

async function fetchParking() {
  if (!navigator.onLine) throw new Error(t('offline'));
  const points = usePoints ? replica.view('card', replica.nowIso()).points.usable : 0;
  const [{ plates }, { stays }, { payments }] = await Promise.all([
    api('/me/plates'), api(`/me/parking${points ? `?points=${points}` : ''}`),
    api('/me/payments')]);
  const kept = { plates, stays, payments, at: new Date().toISOString() };
  localStorage.setItem('parking', JSON.stringify(kept));
  return kept;
}

async function mapOf(mall) {
  try {
    const map = navigator.onLine ? await api('/catalogue/map')
      : JSON.parse(localStorage.getItem('map') || 'null');
    localStorage.setItem('map', JSON.stringify(map));
    return map?.mall_id === mall ? map : null;
  } catch {
    return null;
  }
}

// Find my car: the bay the gate reported ("B2-A-017"), its zone on the
// floor plan and the nearest lift.
function whereText(bay, map) {
  if (!bay) return t('bay_unknown');
  const [floor, zone] = bay.split('-');
  const place = map?.facilities.find((f) => f.id === `${floor}-zone-${zone}`);
  if (!place) return `${t('bay')} ${bay}`;
  const at = (f) => map.nodes.find((n) => n.id === f.node);
  const here = at(place);
  const lift = map.facilities.filter((f) => f.kind === 'lift' && f.floor === floor)
    .map((f) => ({ f, d: Math.abs(at(f).x - here.x) + Math.abs(at(f).y - here.y) }))
    .sort((a, b) => a.d - b.d)[0]?.f;
  return `${floor} · ${named(place)} · ${t('bay')} ${bay}` +
    (lift ? ` · ${t('nearest_lift')} ${named(lift)}` : '');
}

// Sensorless exit's limits a member may choose for a plate, in fen (0: off).
const AUTO_PAY_LIMITS = [0, 5000, 10000, 20000];

function autoPayHtml(p, online) {
  if (p.status !== 'verified') return '';
  const options = AUTO_PAY_LIMITS.map((f) => `<option value="${f}" ${f === p.auto_pay_limit_fen
    ? 'selected' : ''}>${f ? t('auto_pay_upto', { amount: yuan(f) }) : t('auto_pay_off')}</option>`).join('');
  return `<label class="row auto-pay"><span>${t('auto_pay')}</span>
    <select data-auto-pay="${esc(p.plate_id)}" ${online ? '' : 'disabled'}>${options}</select></label>`;
}

// The latest payments: what the app, a kiosk or the exit gate charged.
function receiptsHtml(payments) {
  const paid = (payments || []).filter((o) => o.status === 'paid' || o.status === 'refunded');
  if (!paid.length) return '';
  return `<div class="box receipts"><b>${t('receipts')}</b>${paid.slice(0, 5).map((o) =>
    `<div class="row"><span>${when(o.paid_at)} · ${esc(o.plate || '')}${o.payer === 'auto_pay'
      ? ` · ${t('auto_paid')}` : ''}</span><span>${o.status === 'refunded' ? t('refunded') : ''} ¥${yuan(o.amount_fen)}</span></div>`).join('')}</div>`;
}

const minutes = (s) => t('duration', { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });

function stayHtml(s, i, map) {
  const q = s.quote;
  const mall = malls().find((m) => m.id === s.mall_id);
  const lines = q.lines.map((l) => `<div class="row fee"><span>${t(`benefit_${l.kind}`)}
      ${l.minutes ? t('minutes', { m: l.minutes }) : ''}${l.points ? ` (${l.points} ${t('pts')})` : ''}</span>
      <span>-¥${yuan(l.off_fen)}</span></div>`).join('');
  // Nothing to pay and no benefit to use up: just leave in time. Benefits
  // that cover the whole fee are used by paying ¥0.
  const settled = q.due_fen === 0 && (q.lines.length === 0 || q.paid_before_fen > 0);
  return `<div class="box stay"><b>${esc(s.plate)}</b> <span class="muted">${esc(mall ? named(mall) : s.mall_id)}</span>
    <div class="row"><span>${t('entered')}</span><span>${when(q.entry)}</span></div>
    <div class="row"><span>${t('parked')}</span><span>${minutes(q.parked_seconds)}</span></div>
    <div class="row"><span>${t('gross')}</span><span>¥${yuan(q.gross_fen)}</span></div>
    ${lines}
    ${q.paid_before_fen ? `<div class="row"><span>${t('paid_before')}</span><span>-¥${yuan(q.paid_before_fen)}</span></div>` : ''}
    <div class="row"><span>${t('due')}</span><b class="due">¥${yuan(q.due_fen)}</b></div>
    <div class="muted where">${t('find_car')}: ${esc(whereText(s.bay, map))}</div>
    ${settled ? `<div class="exit" data-exit="${esc(q.exit_by)}"></div>`
      : `<button class="main" data-pay="${i}" type="button">${q.due_fen
        ? `${t('pay')} ¥${yuan(q.due_fen)}` : t('use_benefits')}</button>`}
  </div>`;
}

// The exit grace, counted down on every settled stay.
function countDown() {
  for (const el of main.querySelectorAll('[data-exit]')) {
    const left = Math.max(0, Math.floor((Date.parse(el.dataset.exit) - serverNow()) / 1000));
    el.textContent = `${t('exit_by', { time: when(el.dataset.exit) })} · ${left
      ? t('left', { m: Math.floor(left / 60), s: String(left % 60).padStart(2, '0') }) : t('grace_over')}`;
  }
}

// The order sent to the provider's page, kept across the visit there.
const PENDING = 'parking_order';

async function pay(s, refresh) {
  const q = s.quote;
  const body = { mall_id: s.mall_id, due_fen: q.due_fen };
  if (q.points_used) body.points = q.points_used;
  if (q.coupons_used.length) body.coupon_id = q.coupons_used[0];
  if (navigator.onLine) {
    const answer = await api('/me/parking/payments', { method: 'POST', keyed: true,
      body: { ...body, plate_id: s.plate_id } });
    if (answer.order_no && answer.pay_url) {
      sessionStorage.setItem(PENDING, answer.order_no);
      location.assign(answer.pay_url);  // the provider's page; it returns here
      return;
    }
  } else if (q.due_fen > 0) {
    throw new Error(t('pay_needs_network'));
  } else {
    await replica.submit('park_pay', { ...body, member_id: app.session.member_id,
      plate: { value: s.plate_id, display: s.plate } });
  }
  await refresh();
}

// Back from the provider's page: the order's outcome, once the provider's
// confirmation has reached the server (it may take a few seconds).
async function awaitOrder(no) {
  main.innerHTML = `<div class="box muted" id="paying">${t('pay_waiting')}</div>`;
  for (let i = 0; i < 30; ++i) {
    const order = await api(`/me/payments/${encodeURIComponent(no)}`);
    if (order.status !== 'open') return order;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return { status: 'open' };
}

export async function parkingPage({ sync }) {
  const pending = sessionStorage.getItem(PENDING);
  if (pending && navigator.onLine) {
    sessionStorage.removeItem(PENDING);
    const order = await awaitOrder(pending);
    await sync();
    await parkingPage({ sync });
    const note = { paid: 'pay_done', open: 'pay_not_yet' }[order.status] || 'pay_closed';
    main.insertAdjacentHTML('afterbegin', `<div class="box paid-note">${t(note, {
      time: order.exit_by ? when(order.exit_by) : '' })}</div>`);
    return;
  }
  main.innerHTML = '<div class="box muted">…</div>';
  let data;
  try {
    data = await fetchParking();
  } catch (e) {
    data = JSON.parse(localStorage.getItem('parking') || 'null');
    if (!data) throw e;
  }
  const map = data.stays.length ? await mapOf(data.stays[0].mall_id) : null;
  const online = navigator.onLine;
  main.innerHTML = `
    <div class="box"><b>${t('my_plates')}</b>${data.plates.map((p) =>
      `<div class="row"><span>${esc(p.plate)}</span>${p.status === 'pending'
        ? `<span class="muted plate-pending">${t('plate_pending')}</span>` : ''}</div>${autoPayHtml(p, online)}`).join('')
        || `<div class="muted">${t('none')}</div>`}
      ${data.plates.some((p) => p.status === 'pending') ? `<div class="muted">${t('plate_prove')}</div>` : ''}
      ${online ? `<input id="plate" placeholder="${t('plate')}">
      <button class="small" id="bind" type="button">${t('bind_plate')}</button>` : ''}</div>
    ${online ? '' : `<div class="box muted">${t('as_of', { time: when(data.at.replace(/\.\d+Z$/, 'Z')) })}</div>`}
    ${data.stays.length ? `<label class="box check"><input id="use-points" type="checkbox" ${usePoints ? 'checked' : ''}
      ${online ? '' : 'disabled'}>${t('use_points')}</label>` : ''}
    ${data.stays.map((s, i) => stayHtml(s, i, map)).join('') || `<div class="box muted">${t('no_stays')}</div>`}
    ${receiptsHtml(data.payments)}
    <p id="err" class="err"></p>`;
  const refresh = () => parkingPage({ sync });
  document.getElementById('bind')?.addEventListener('click', () =>
    api('/me/plates', { method: 'POST', keyed: true,
      body: { plate: document.getElementById('plate').value.trim() } }).then(refresh, showError));
  for (const sel of main.querySelectorAll('[data-auto-pay]')) {
    sel.onchange = () => api(`/me/plates/${encodeURIComponent(sel.dataset.autoPay)}/auto-pay`,
      { method: 'PUT', keyed: true, body: { limit_fen: Number(sel.value) } }).then(refresh, showError);
  }
  const box = document.getElementById('use-points');
  if (box) box.onchange = () => { usePoints = box.checked; refresh(); };
  for (const b of main.querySelectorAll('[data-pay]')) {
    b.onclick = () => pay(data.stays[Number(b.dataset.pay)], async () => {
      await sync();
      if (navigator.onLine) return refresh();
      b.replaceWith(Object.assign(document.createElement('div'),
        { className: 'box queued', textContent: t('pay_queued') }));
    }).catch(showError);
  }
  everySecond(countDown);
}
