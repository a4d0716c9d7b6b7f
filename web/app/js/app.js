// The H5 member app: sign in, then the card, points, wallet, parking, the
// store directory and campaigns, over the member's replica (replica.js).
// Pages are hash routes; each renders into <main> from the replica, the
// kept catalogue or the API.
import qrcode from '../qrcode.mjs';
import { api, serverNow } from './api.js';
import { memberCode, secretsRunShort } from './code.js';
import { chooseMall, mallId, malls } from './mall.js';
import { offersPage } from './pages/offers.js';
import { parkingPage } from './pages/parking.js';
import { storesPage } from './pages/stores.js';
import * as replica from './replica.js';
import { language, setLanguage, t, yuan } from './i18n.js';
import { app, esc, everySecond, main, named, showError, stopTimer, when } from './ui.js';

const nowIso = replica.nowIso;

function showNet(extra = '') {
  const n = app.session ? replica.state().queued : 0;
  document.getElementById('net').textContent =
    `${navigator.onLine ? t('online') : t('offline')}` +
    (n ? ` · ${t('queued', { n })}` : '') + extra;
}

// Syncs when it can; offline, what is queued stays queued.
// The code secrets rotate daily: online, the phone keeps a few days ahead.
async function refreshCodeSecrets() {
  if (!secretsRunShort(app.session.code_secrets, serverNow())) return;
  const { code_secrets: secrets } = await api('/me/code-secrets');
  app.session.code_secrets = secrets;
  localStorage.setItem('session', JSON.stringify(app.session));
}

async function trySync() {
  if (!app.session || !navigator.onLine) return showNet();
  try {
    await replica.sync();
    await refreshCodeSecrets();
  } catch (e) {
    if (e.status === 401) return signOut();
  }
  showNet();
}

async function catalogue() {
  try {
    if (!navigator.onLine) throw new Error('offline');
    const c = await api('/catalogue');
    localStorage.setItem('catalogue', JSON.stringify(c));
    return c;
  } catch {
    return JSON.parse(localStorage.getItem('catalogue') || '{"coupon_templates":[]}');
  }
}

// --- sign in ---------------------------------------------------------------

function signInPage() {
  main.innerHTML = `
    <div class="box">
      <label>${t('phone')}<input id="phone" inputmode="tel" maxlength="11"></label>
      <button class="small" id="send" type="button">${t('send_code')}</button>
      <span id="sent" class="muted"></span>
      <label>${t('code')}<input id="code" inputmode="numeric" maxlength="6"></label>
      <button class="main" id="go" type="button">${t('sign_in')}</button>
      <p id="err" class="err"></p>
    </div>`;
  const phone = () => document.getElementById('phone').value.trim();
  const fail = (e) => { document.getElementById('err').textContent = e.message; };
  document.getElementById('send').onclick = () =>
    api('/auth/code', { method: 'POST', body: { phone: phone() } })
      .then(() => { document.getElementById('sent').textContent = t('code_sent'); }, fail);
  document.getElementById('go').onclick = async () => {
    try {
      const s = await api('/auth/session', {
        method: 'POST',
        body: { phone: phone(), code: document.getElementById('code').value.trim() },
      });
      localStorage.setItem('token', s.token);
      app.session = { member_id: s.member_id, next_seq: s.next_seq, code_secrets: s.code_secrets };
      localStorage.setItem('session', JSON.stringify(app.session));
      await start();
    } catch (e) {
      fail(e);
    }
  };
}

async function signOut() {
  api('/auth/session', { method: 'DELETE' }).catch(() => {});
  localStorage.removeItem('token');
  localStorage.removeItem('session');
  localStorage.removeItem('parking');
  app.session = null;
  await replica.forget();
  document.getElementById('tabs').hidden = true;
  signInPage();
}

// --- the card --------------------------------------------------------------

async function cardPage() {
  const card = replica.view('card', nowIso());
  const p = card.progress;
  const next = p.next_tier
    ? t('to_next', { tier: named(p.next_tier), yuan: yuan(p.spend_to_go_fen) })
    : t('top_tier');
  const pct = p.next_min_spend_fen
    ? Math.min(100, Math.floor((p.spend_fen * 100) / p.next_min_spend_fen)) : 100;
  main.innerHTML = `
    <div class="card">
      <div class="tier" id="tier">${esc(card.tier ? named(card.tier) : '')}</div>
      <div class="muted" style="color:#fff">${esc(card.phone)}</div>
      <div class="bar"><i style="width:${pct}%"></i></div>
      <div>${esc(next)}</div>
    </div>
    <div class="qr">
      <img id="qr" alt="member code">
      <div class="muted">${t('show_at_till')} · <span id="left"></span></div>
    </div>
    <div class="box"><span class="muted">${t('usable')}</span>
      <div class="big" id="points">${card.points.usable}</div>
      <span class="muted">${t('pending')} ${card.points.pending}</span>
      <div class="muted">${t('group_wide', { group: app.program ? named(app.program.group) : '' })}</div></div>
    <button class="small" id="out" type="button">${t('sign_out')}</button>`;
  document.getElementById('out').onclick = signOut;
  let code = null;
  const tick = async () => {
    if (!code || serverNow() >= code.expiresMs) {
      code = await memberCode(app.session.member_id, app.session.code_secrets, serverNow());
      const left = document.getElementById('left');
      if (!code) {
        if (left) left.textContent = t('code_needs_network');
        return;
      }
      const qr = qrcode(0, 'M');
      qr.addData(code.text);
      qr.make();
      const img = document.getElementById('qr');
      if (!img) return;
      img.src = qr.createDataURL(8, 4);
      img.dataset.code = code.text;
    }
    const left = document.getElementById('left');
    if (left) left.textContent = t('refresh_in', { s: Math.ceil((code.expiresMs - serverNow()) / 1000) });
  };
  await tick();
  app.timer = setInterval(tick, 1000);
}

// --- points ----------------------------------------------------------------

function pointsPage() {
  const s = replica.view('statement', nowIso());
  const rows = (list, f) => (list.length ? list.map(f).join('') : `<div class="muted">${t('none')}</div>`);
  main.innerHTML = `
    <div class="box"><span class="muted">${t('usable')}</span>
      <div class="big">${s.balance.usable}</div>
      <span class="muted">${t('pending')} ${s.balance.pending}</span></div>
    <div class="box"><b>${t('expiring')}</b>${rows(s.expiring, (e) =>
      `<div class="row"><span>${esc(e.last_usable_day)}</span><b>${e.points}</b></div>`)}</div>
    <div class="box"><b>${t('statement')}</b>${rows(s.entries.slice().reverse(), (e) =>
      `<div class="row"><span>${esc(e.kind)}<br><span class="muted">${when(e.at)}</span></span>
       <b>${e.points > 0 && e.kind !== 'spend' ? '+' : ''}${e.points}</b></div>`)}</div>`;
}

// --- wallet, coupon centre, points mall --------------------------------------

// Claims or exchanges through the outbox (at once offline), then syncs.
async function acquire(type, templateId) {
  try {
    await replica.submit(type, { member_id: app.session.member_id, template_id: templateId });
    await trySync();
    route();
  } catch (e) {
    showError(e);
  }
}

const kStatusOrder = ['available', 'reserved', 'redeemed', 'expired'];

async function walletPage() {
  const { coupon_templates: all } = await catalogue();
  const byId = Object.fromEntries(all.map((x) => [x.id, x]));
  const here = all.filter((x) => !x.mall_id || x.mall_id === mallId());
  // By status, and within one the soonest to expire first.
  const coupons = replica.view('wallet', nowIso()).coupons.slice().sort((a, b) =>
    kStatusOrder.indexOf(a.status_now) - kStatusOrder.indexOf(b.status_now) ||
    Date.parse(a.valid_until) - Date.parse(b.valid_until));
  const status = (c) => t({ available: 'available', redeemed: 'used', expired: 'expired',
    reserved: 'reserved' }[c.status_now] || c.status_now);
  const offer = (x, action) => `<div class="row"><span>${esc(x.name)}
      ${x.points_price ? `<br><span class="muted">${x.points_price} ${t('pts')}</span>` : ''}</span>
      <button class="small" data-${action}="${esc(x.id)}" type="button">${t(action)}</button></div>`;
  const outcomes = replica.outcomes().slice(-5).reverse();
  main.innerHTML = `
    <div class="box"><b>${t('wallet')}</b>${coupons.length ? coupons.map((c) => `
      <div class="row coupon ${esc(c.status_now)}"><span>${esc(byId[c.template_id]?.name || c.template_id)}<br>
      <span class="muted">${t('valid_until')} ${when(c.valid_until)}</span></span>
      <span>${status(c)}</span></div>`).join('') : `<div class="muted">${t('none')}</div>`}</div>
    <div class="box"><b>${t('coupon_centre')}</b>
      ${here.filter((x) => x.acquisition !== 'points').map((x) => offer(x, 'claim')).join('')}</div>
    <div class="box"><b>${t('points_mall')}</b>
      ${here.filter((x) => x.acquisition === 'points').map((x) => offer(x, 'exchange')).join('')}</div>
    <div class="box" id="outcomes" ${outcomes.length ? '' : 'hidden'}>${outcomes.map((o) => `<div class="row"><span>${esc(t(`op_${o.type}`))}</span>
      <span>${o.applied ? t('outcome_ok') : `${t('outcome_no')}: ${esc(o.error.message)}`}</span></div>`).join('')}</div>
    <p id="err" class="err"></p>`;
  for (const b of main.querySelectorAll('[data-claim]')) b.onclick = () => acquire('claim_coupon', b.dataset.claim);
  for (const b of main.querySelectorAll('[data-exchange]')) b.onclick = () => acquire('exchange_points', b.dataset.exchange);
}

// --- routing -------------------------------------------------------------------

const pages = {
  card: cardPage,
  points: pointsPage,
  wallet: walletPage,
  parking: () => parkingPage({ sync: trySync }),
  stores: storesPage,
  offers: async () => offersPage({ catalogue: await catalogue(),
    claim: (id) => acquire('claim_coupon', id) }),
};
const pageName = () => (location.hash.slice(1) in pages ? location.hash.slice(1) : 'card');

async function route() {
  stopTimer();
  if (!app.session) return signInPage();
  const name = pageName();
  for (const a of document.querySelectorAll('nav a')) {
    a.classList.toggle('on', a.dataset.t === name);
  }
  showNet();
  try {
    await pages[name]();
  } catch (e) {
    main.innerHTML = `<div class="box err">${esc(e.message)}</div>`;
  }
}

// The header's mall, chosen from the group's malls (the programme's).
function mallPicker() {
  const select = document.getElementById('mall');
  select.innerHTML = malls().map((m) =>
    `<option value="${esc(m.id)}"${m.id === mallId() ? ' selected' : ''}>${esc(named(m))}</option>`).join('');
  select.hidden = !app.session || malls().length < 2;
  select.onchange = () => { chooseMall(select.value); route(); };
}

function labels() {
  document.getElementById('title').textContent = t('title');
  document.getElementById('lang').textContent = language() === 'en' ? '中文' : 'EN';
  for (const a of document.querySelectorAll('nav a')) a.textContent = t(a.dataset.t);
  mallPicker();
}

// Pulled changes re-render the pages drawn from the replica; the others
// (a search half typed, a parking quote) are left alone.
async function syncAndRefresh() {
  const before = replica.state().cursor;
  await trySync();
  if (replica.state().cursor !== before && ['card', 'points', 'wallet'].includes(pageName())) {
    await route();
  }
}

async function start() {
  app.program = await replica.openReplica(app.session);
  document.getElementById('tabs').hidden = false;
  mallPicker();
  if (!replica.state().registered) await trySync();
  await route();
  // Then, behind the card: the catalogue kept for the coupon centre
  // offline, and what changed since the last visit.
  await catalogue();
  await syncAndRefresh();
}

document.getElementById('lang').onclick = () => {
  setLanguage(language() === 'en' ? 'zh' : 'en');
  labels();
  route();
};
window.addEventListener('hashchange', route);
window.addEventListener('online', () => trySync().then(route));
window.addEventListener('offline', () => showNet());
setInterval(syncAndRefresh, 30000);
// The shell cached for the next visit, once this one has loaded.
window.addEventListener('load', () => navigator.serviceWorker?.register('sw.js'));
app.session = JSON.parse(localStorage.getItem('session') || 'null');
labels();
if (app.session) start().catch((e) => { main.innerHTML = `<div class="box err">${esc(e.message)}</div>`; });
else signInPage();
