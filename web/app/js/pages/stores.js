// The store directory of the mall the shopper is in: search by name,
// pinyin initials or spelling, filter by category and (where the server
// has the mall's floor plan) by floor. The server searches
// (GET /catalogue/stores), so it needs the network.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { mallId } from '../mall.js';
import { esc, main, named } from '../ui.js';

const chip = (attr, value, label, on) =>
  `<button class="chip${on ? ' on' : ''}" type="button" ${attr}="${esc(value)}">${esc(label)}</button>`;

export async function storesPage() {
  main.innerHTML = `<input id="q" type="search" placeholder="${t('search')}">
    <div id="floors" class="chips" hidden></div>
    <select id="category"><option value="">${t('all_categories')}</option></select>
    <div id="list" class="box"></div>`;
  const filter = { floor: '', category: '' };
  const list = document.getElementById('list');
  const select = document.getElementById('category');
  let offered = false;
  const search = async () => {
    const query = new URLSearchParams({ mall_id: mallId() });
    const text = document.getElementById('q').value.trim();
    if (text) query.set('q', text);
    if (filter.category) query.set('category', filter.category);
    if (filter.floor) query.set('floor', filter.floor);
    try {
      const found = await api(`/catalogue/stores?${query}`);
      if (!offered) offer(found);
      list.innerHTML = found.stores.map((s) => `<div class="row store"><span>${esc(named(s))}
          <br><span class="muted">${esc(t(`cat_${s.category}`))}</span></span>
        <span class="muted">${esc(s.unit || '')}</span></div>`).join('')
        || `<div class="muted">${t('none')}</div>`;
    } catch (e) {
      list.innerHTML = `<div class="err">${esc(navigator.onLine ? e.message : t('needs_network'))}</div>`;
    }
  };
  // The filters the mall offers, from the first answer.
  const offer = ({ floors, categories }) => {
    offered = true;
    const div = document.getElementById('floors');
    div.hidden = floors.length === 0;
    div.innerHTML = floors.length === 0 ? '' : chip('data-floor', '', t('all_floors'), true) +
      floors.map((f) => chip('data-floor', f.id, f.id, false)).join('');
    for (const b of div.querySelectorAll('[data-floor]')) {
      b.onclick = () => {
        filter.floor = b.dataset.floor;
        for (const o of div.children) o.classList.toggle('on', o === b);
        search();
      };
    }
    select.innerHTML += categories.map((c) =>
      `<option value="${esc(c)}">${esc(t(`cat_${c}`))}</option>`).join('');
  };
  select.onchange = () => { filter.category = select.value; search(); };
  document.getElementById('q').oninput = search;
  await search();
}
