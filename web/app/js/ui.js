// What every page shares: the <main> it renders into, escaping, the
// programme's time zone and names in the chosen language, and the page's
// one timer (cleared when the page changes).
import { language, localTime } from './i18n.js';

export const main = document.getElementById('view');
export const app = { session: null, program: null, timer: 0 };

export const esc = (s) => String(s).replace(/[&<>"']/g,
  (c) => `&#${c.charCodeAt(0)};`);
export const named = (x) => (language() === 'en' && x.name_en) || x.name;

// The group's UTC offset in minutes ("+08:00" → 480).
function offset() {
  const m = /^([+-])(\d\d):(\d\d)$/.exec(app.program?.group?.utc_offset || '+08:00');
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}
export const when = (iso) => localTime(iso, offset());

// Runs fn now and every second until the page changes.
export function everySecond(fn) {
  clearInterval(app.timer);
  fn();
  app.timer = setInterval(fn, 1000);
}
export const stopTimer = () => clearInterval(app.timer);

export function showError(e) {
  const err = document.getElementById('err');
  if (err) err.textContent = e.message;
}
