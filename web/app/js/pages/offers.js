// Campaigns at the mall the shopper is in, from the programme and the
// catalogue the phone keeps (so they show offline): the points campaigns
// (member days, multi-point days and hours) and the limited coupons
// (flash sales, claim windows), which claim like the coupon centre.
import { serverNow } from '../api.js';
import { language, t } from '../i18n.js';
import { mallId } from '../mall.js';
import { app, esc, main, when } from '../ui.js';

const kWeekdays = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

// A rule's window in words: days of the month, weekdays, dates, hours.
function windowText(w = {}) {
  const parts = [];
  if (w.month_days) parts.push(t('month_days', { days: w.month_days.join(language() === 'en' ? ', ' : '、') }));
  if (w.weekdays) {
    parts.push(w.weekdays.map((d) => t(`weekday_${kWeekdays[d]}`)).join(language() === 'en' ? ', ' : '、'));
  }
  if (w.from || w.until) {
    // `until` is the first instant after the window: its last day is the
    // day before a midnight.
    const last = w.until && new Date(Date.parse(w.until) - 1000).toISOString();
    parts.push(`${w.from ? when(w.from).slice(0, 10) : ''} – ${last ? when(last).slice(0, 10) : ''}`);
  }
  if (w.start && w.end) parts.push(`${w.start}–${w.end}`);
  return parts.join(' · ');
}

// Promotions, not standing rules: a bonus with a window or a category,
// for everyone (tier multipliers are the card's), not over.
function pointsCampaigns(now) {
  return (app.program?.earning?.rules || []).filter((r) =>
    r.effect !== 'exclude' && !r.tiers?.length && (r.multiplier_permille || 0) > 1000 &&
    (r.window || r.categories?.length) &&
    (!r.malls || r.malls.includes(mallId())) &&
    !(r.window?.until && Date.parse(r.window.until) <= now));
}

function limitedCoupons(templates, now) {
  return templates.filter((x) => x.mall_id === mallId() && x.acquisition !== 'points' &&
    (x.claim_from || x.claim_until || (x.total_stock > 0 && x.total_stock <= 1000)) &&
    !(x.claim_until && Date.parse(x.claim_until) <= now));
}

export function offersPage({ catalogue, claim }) {
  const now = serverNow();
  const rules = pointsCampaigns(now);
  const coupons = limitedCoupons(catalogue.coupon_templates, now);
  const none = `<div class="muted">${t('none')}</div>`;
  main.innerHTML = `
    <div class="box"><b>${t('points_campaigns')}</b>${rules.map((r) => `
      <div class="row campaign"><span>${esc(r.name)}<br>
        <span class="muted">${esc(windowText(r.window))}${r.categories
          ? ` ${esc(r.categories.map((c) => t(`cat_${c}`)).join('、'))}` : ''}</span></span>
        <b>×${r.multiplier_permille / 1000}</b></div>`).join('') || none}</div>
    <div class="box"><b>${t('limited_coupons')}</b>${coupons.map((x) => `
      <div class="row campaign"><span>${esc(x.name)}<br><span class="muted">${[
        x.total_stock ? t('limited_to', { n: x.total_stock }) : '',
        x.claim_from || x.claim_until
          ? `${t('claim_window')} ${x.claim_from ? when(x.claim_from) : ''}–${x.claim_until ? when(x.claim_until) : ''}` : '',
      ].filter(Boolean).join(' · ')}</span></span>
        <button class="small" data-claim="${esc(x.id)}" type="button">${t('claim')}</button></div>`).join('') || none}</div>
    <p id="err" class="err"></p>`;
  for (const b of main.querySelectorAll('[data-claim]')) b.onclick = () => claim(b.dataset.claim);
}
