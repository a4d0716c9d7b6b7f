// The H5 member app: sign in, then the card, points, wallet, parking and
// the store directory, over the member's replica (replica.js). Pages are
// hash routes; each renders into <main> from the replica or the API.
import qrcode from '../qrcode.mjs';
import { api } from './api.js';
import { memberCode } from './code.js';
import * as replica from './replica.js';
import { language, localTime, setLanguage, t, yuan } from './i18n.js';

const main = document.getElementById('view');
let session = JSON.parse(localStorage.getItem('session') || 'null');
let program = null;
let timer = 0;

const esc = (s) => String(s).replace(/[&<>"']/g,
  (c) => `&#${c.charCodeAt(0)};`);
const nowIso = replica.nowIso;
const offset = () => {
  const m = /^([+-])(\d\d):(\d\d)$/.exec(program?.group?.utc_offset || '+08:00');
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
};
const when = (iso) => localTime(iso, offset());
const named = (x) => (language() === 'en' && x.name_en) || x.name;

function showNet(extra = '') {
  const n = session ? replica.state().queued : 0;
  document.getElementById('net').textContent =
    `${navigator.onLine ? t('online') : t('offline')}` +
    (n ? ` · ${t('queued', { n })}` : '') + extra;
}

// Syncs when it can; offline, what is queued stays queued.
async function trySync() {
  if (!session || !navigator.onLine) return showNet();
  try {
    await replica.sync();
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
      session = { member_id: s.member_id, next_seq: s.next_seq, code_secret: s.code_secret };
      localStorage.setItem('session', JSON.stringify(session));
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
  session = null;
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
      <span class="muted">${t('pending')} ${card.points.pending}</span></div>
    <button class="small" id="out" type="button">${t('sign_out')}</button>`;
  document.getElementById('out').onclick = signOut;
  let code = null;
  const tick = async () => {
    if (!code || Date.now() >= code.expiresMs) {
      code = await memberCode(session.member_id, session.code_secret, Date.now());
      const qr = qrcode(0, 'M');
      qr.addData(code.text);
      qr.make();
      const img = document.getElementById('qr');
      if (!img) return;
      img.src = qr.createDataURL(8, 4);
      img.dataset.code = code.text;
    }
    const left = document.getElementById('left');
    if (left) left.textContent = t('refresh_in', { s: Math.ceil((code.expiresMs - Date.now()) / 1000) });
  };
  await tick();
  timer = setInterval(tick, 1000);
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

async function walletPage() {
  const { coupon_templates: templates } = await catalogue();
  const byId = Object.fromEntries(templates.map((x) => [x.id, x]));
  const { coupons } = replica.view('wallet', nowIso());
  const status = (c) => t({ available: 'available', redeemed: 'used', expired: 'expired',
    reserved: 'reserved' }[c.status_now] || c.status_now);
  const offer = (x, action) => `<div class="row"><span>${esc(x.name)}
      ${x.points_price ? `<br><span class="muted">${x.points_price} ${t('pts')}</span>` : ''}</span>
      <button class="small" data-${action}="${esc(x.id)}" type="button">${t(action)}</button></div>`;
  const outcomes = replica.outcomes().slice(-5).reverse();
  main.innerHTML = `
    <div class="box"><b>${t('wallet')}</b>${coupons.length ? coupons.map((c) => `
      <div class="row coupon"><span>${esc(byId[c.template_id]?.name || c.template_id)}<br>
      <span class="muted">${t('valid_until')} ${when(c.valid_until)}</span></span>
      <span>${status(c)}</span></div>`).join('') : `<div class="muted">${t('none')}</div>`}</div>
    <div class="box"><b>${t('coupon_centre')}</b>
      ${templates.filter((x) => x.acquisition !== 'points').map((x) => offer(x, 'claim')).join('')}</div>
    <div class="box"><b>${t('points_mall')}</b>
      ${templates.filter((x) => x.acquisition === 'points').map((x) => offer(x, 'exchange')).join('')}</div>
    <div class="box" id="outcomes" ${outcomes.length ? '' : 'hidden'}>${outcomes.map((o) => `<div class="row"><span>${esc(o.op_id)}</span>
      <span>${o.applied ? t('outcome_ok') : `${t('outcome_no')}: ${esc(o.error.message)}`}</span></div>`).join('')}</div>
    <p id="err" class="err"></p>`;
  const act = (type) => async (ev) => {
    const id = ev.target.dataset[type === 'claim_coupon' ? 'claim' : 'exchange'];
    if (!id) return;
    try {
      await replica.submit(type, { member_id: session.member_id, template_id: id });
      await trySync();
      route();
    } catch (e) {
      document.getElementById('err').textContent = e.message;
    }
  };
  for (const b of main.querySelectorAll('[data-claim]')) b.onclick = act('claim_coupon');
  for (const b of main.querySelectorAll('[data-exchange]')) b.onclick = act('exchange_points');
}

// --- parking and stores (online) ---------------------------------------------

async function parkingPage() {
  main.innerHTML = '<div class="box muted">…</div>';
  try {
    const [{ plates }, { stays }] = await Promise.all([api('/me/plates'), api('/me/parking')]);
    main.innerHTML = `
      <div class="box">${plates.map((p) => `<div class="row"><span>${esc(p.plate)}</span></div>`).join('')}
        <input id="plate" placeholder="${t('plate')}"><button class="small" id="bind" type="button">${t('bind_plate')}</button></div>
      ${stays.length ? stays.map((s, i) => `<div class="box"><b>${esc(s.plate)}</b>
        <div class="row"><span>${t('due')}</span><b>¥${yuan(s.quote.due_fen)}</b></div>
        <button class="main" data-pay="${i}" type="button">${t('pay')}</button></div>`).join('')
        : `<div class="box muted">${t('no_stays')}</div>`}
      <p id="err" class="err"></p>`;
    document.getElementById('bind').onclick = () =>
      api('/me/plates', { method: 'POST', keyed: true,
        body: { plate: document.getElementById('plate').value.trim() } })
        .then(parkingPage, (e) => { document.getElementById('err').textContent = e.message; });
    for (const b of main.querySelectorAll('[data-pay]')) {
      b.onclick = async () => {
        const s = stays[Number(b.dataset.pay)];
        try {
          const paid = await api('/me/parking/payments', { method: 'POST', keyed: true,
            body: { mall_id: s.mall_id, plate_id: s.plate_id, due_fen: s.quote.due_fen } });
          main.innerHTML = `<div class="box">${t('exit_by', { time: when(paid.exit_by) })}</div>`;
        } catch (e) {
          document.getElementById('err').textContent = e.message;
        }
      };
    }
  } catch (e) {
    main.innerHTML = `<div class="box err">${esc(e.message)}</div>`;
  }
}

async function storesPage() {
  main.innerHTML = `<input id="q" placeholder="${t('search')}"><div id="list" class="box"></div>`;
  const list = document.getElementById('list');
  const search = async () => {
    try {
      const q = encodeURIComponent(document.getElementById('q').value.trim());
      const { stores } = await api(`/catalogue/stores?q=${q}`);
      list.innerHTML = stores.map((s) => `<div class="row"><span>${esc(named(s))}</span>
        <span class="muted">${esc(s.floor || '')} ${esc(s.unit || '')}</span></div>`).join('')
        || `<div class="muted">${t('none')}</div>`;
    } catch (e) {
      list.innerHTML = `<div class="err">${esc(e.message)}</div>`;
    }
  };
  document.getElementById('q').oninput = search;
  await search();
}

// --- routing -------------------------------------------------------------------

const pages = { card: cardPage, points: pointsPage, wallet: walletPage,
  parking: parkingPage, stores: storesPage };

async function route() {
  clearInterval(timer);
  if (!session) return signInPage();
  const name = location.hash.slice(1) in pages ? location.hash.slice(1) : 'card';
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

function labels() {
  document.getElementById('title').textContent = t('title');
  document.getElementById('lang').textContent = language() === 'en' ? '中文' : 'EN';
  for (const a of document.querySelectorAll('nav a')) a.textContent = t(a.dataset.t);
}

async function start() {
  program = await replica.openReplica(session);
  document.getElementById('tabs').hidden = false;
  if (!replica.state().registered) await trySync();
  await route();
  // Then, behind the card: the catalogue kept for the coupon centre
  // offline, and what changed since the last visit.
  await catalogue();
  trySync().then(() => route());
}

document.getElementById('lang').onclick = () => {
  setLanguage(language() === 'en' ? 'zh' : 'en');
  labels();
  route();
};
window.addEventListener('hashchange', route);
window.addEventListener('online', () => trySync().then(route));
window.addEventListener('offline', () => showNet());
setInterval(trySync, 30000);
// The shell cached for the next visit, once this one has loaded.
window.addEventListener('load', () => navigator.serviceWorker?.register('sw.js'));
labels();
if (session) start().catch((e) => { main.innerHTML = `<div class="box err">${esc(e.message)}</div>`; });
else signInPage();
