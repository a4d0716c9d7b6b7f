// The mall the shopper is in: from the link that opened the app
// (?mall=m-binjiang), else the one chosen last, else the group's first.
// Points and tier belong to the group; coupons, stores, campaigns and car
// parks to a mall.
import { app } from './ui.js';

let fromLink = new URLSearchParams(location.search).get('mall');

export function malls() {
  return app.program?.group?.malls || [];
}

export function mallId() {
  const known = (id) => malls().some((m) => m.id === id);
  if (fromLink && known(fromLink)) {
    localStorage.setItem('mall', fromLink);
    return fromLink;
  }
  const kept = localStorage.getItem('mall');
  if (kept && known(kept)) return kept;
  return malls()[0]?.id || '';
}

// A mall chosen by hand wins over the link's from then on.
export function chooseMall(id) {
  localStorage.setItem('mall', id);
  if (fromLink) history.replaceState(null, '', location.pathname + location.hash);
  fromLink = null;
}
