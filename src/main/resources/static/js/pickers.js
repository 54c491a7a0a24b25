// The searchable pickers of the referral finder and the planning desk: one ARIA combobox (an
// input that filters a listbox; arrows move, Enter picks, Escape closes) for categories (a tree:
// children indented under their parent, a parent shown with a child that matches), municipalities
// (by name or ISTAT code) and actors. The focus stays in the input (aria-activedescendant).

import {all} from './api.js';
import {el, fill} from './dom.js';
import {lang, register, t} from './i18n.js';

register({
  it: {
    'pickers.none': 'Nessun risultato',
    'pickers.count': '{n} risultati: frecce per scorrere, Invio per scegliere',
    'pickers.MUNICIPALITY': 'Comune',
    'pickers.DISTRICT': 'Ambito',
    'pickers.PROVINCE': 'Provincia',
    'pickers.REGION': 'Regione',
    'pickers.SERVICE': 'Servizio',
    'pickers.COOPERATIVE': 'Cooperativa',
    'pickers.PARTNER': 'Partner',
    'pickers.tie.COLLABORATION': 'collaborazione',
    'pickers.tie.CO_DESIGN': 'co-progettazione',
    'pickers.tie.CONVENTION': 'convenzione',
    'pickers.tie.CONTRACT': 'contratto',
    'pickers.tie.FUNDING': 'finanziamento',
    'pickers.tie.REFERRAL': 'invio',
    'pickers.tie.JOINT_TENDER': 'gara congiunta',
  },
  en: {
    'pickers.none': 'No match',
    'pickers.count': '{n} matches: arrows to move, Enter to pick',
    'pickers.MUNICIPALITY': 'Municipality',
    'pickers.DISTRICT': 'District',
    'pickers.PROVINCE': 'Province',
    'pickers.REGION': 'Region',
    'pickers.SERVICE': 'Service',
    'pickers.COOPERATIVE': 'Cooperative',
    'pickers.PARTNER': 'Partner',
    'pickers.tie.COLLABORATION': 'collaboration',
    'pickers.tie.CO_DESIGN': 'co-design',
    'pickers.tie.CONVENTION': 'agreement',
    'pickers.tie.CONTRACT': 'contract',
    'pickers.tie.FUNDING': 'funding',
    'pickers.tie.REFERRAL': 'referral',
    'pickers.tie.JOINT_TENDER': 'joint tender',
  },
});

/** The label of a territory level, SERVICE, COOPERATIVE or PARTNER. */
export function kindLabel(kind) {
  return t(`pickers.${kind}`);
}

/** The label of a tie kind. */
export function tieLabel(kind) {
  return t(`pickers.tie.${kind}`);
}

/** A category's name in the page's language. */
export function categoryName(category) {
  return (lang() === 'en' && category.nameEn) || category.name;
}

/** Lower case, without accents: "Città" matches "citta". */
export function fold(s) {
  return String(s ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

const fmt = {};

/** A number in the page's language, with at most `digits` decimals. */
export function number(value, digits = 1) {
  const key = `${lang()}-${digits}`;
  fmt[key] ??= new Intl.NumberFormat(lang() === 'en' ? 'en-GB' : 'it-IT', {maximumFractionDigits: digits});
  return fmt[key].format(value);
}

/** The categories, the municipalities (with their district) and the actors, as the pickers list them. */
export async function loadCategories() {
  const categories = await all('/api/v1/categories');
  const byCode = new Map(categories.map(c => [c.code, c]));
  const children = new Map();
  for (const c of categories) {
    const parent = c.partOf && byCode.has(c.partOf) ? c.partOf : '';
    if (!children.has(parent)) {
      children.set(parent, []);
    }
    children.get(parent).push(c);
  }
  const options = [];
  const walk = (parent, level) => {
    const list = (children.get(parent) || []).sort((a, b) => categoryName(a).localeCompare(categoryName(b)));
    for (const c of list) {
      // Under its parent, a child shows the part of its name that is its own ("Povertà – Mense" → "Mense").
      const above = parent ? categoryName(byCode.get(parent)) : '';
      const name = categoryName(c);
      const own = above && name.startsWith(`${above} – `) ? name.slice(above.length + 3) : null;
      options.push({id: c.code, label: name, display: own, context: own ? `${above} – ` : null, level,
        parent: parent || null, search: fold(`${c.name} ${c.nameEn || ''} ${c.code}`)});
      walk(c.code, level + 1);
    }
  };
  walk('', 0);
  return {byCode, options};
}

export async function loadMunicipalities() {
  const [municipalities, districts] = await Promise.all([
    all('/api/v1/territories', {level: 'MUNICIPALITY'}),
    all('/api/v1/territories', {level: 'DISTRICT'}),
  ]);
  const districtName = new Map(districts.map(d => [d.id, d.name]));
  const byId = new Map(municipalities.map(m => [m.id, m]));
  const options = municipalities
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
      .map(m => {
        const district = districtName.get(m.partOf);
        return {id: m.id, label: m.name, hint: district ? `${m.id} · ${district}` : m.id,
          search: fold(`${m.name} ${m.id} ${district || ''}`)};
      });
  return {byId, options};
}

export async function loadActors() {
  const [cooperatives, partners] = await Promise.all([all('/api/v1/cooperatives'), all('/api/v1/partners')]);
  const actors = [
    ...cooperatives.map(c => ({id: c.id, name: c.name, kind: 'COOPERATIVE'})),
    ...partners.map(p => ({id: p.id, name: p.name, kind: 'PARTNER'})),
  ].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const byId = new Map(actors.map(a => [a.id, a]));
  const options = actors.map(a => ({id: a.id, label: a.name, hint: `${kindLabel(a.kind)} · ${a.id}`,
    search: fold(`${a.name} ${a.id}`)}));
  return {byId, options};
}

let counter = 0;

/**
 * A searchable picker: `combobox({id, label, options, onPick})`, options `{id, label, hint?,
 * level?, parent?, search, display?, context?}` in the order shown (`display`: the text in the
 * list when not `label`; `context`: hidden text before it for screen readers). Answers `{element, input, value(), set(id),
 * clear()}`; with `keep: false` the text is cleared after each pick (to pick several).
 */
export function combobox({id, label, options, onPick = () => {}, keep = true, placeholder}) {
  const listId = `${id}-list`;
  const byId = new Map(options.map(o => [o.id, o]));
  const prefix = `${id}-opt-${++counter}-`;
  let picked = null;
  let visible = [];
  let active = -1;

  const input = el('input', {id, type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId, placeholder});
  const list = el('ul', {id: listId, role: 'listbox', 'aria-label': label, class: 'picker-list', hidden: true});
  const status = el('span', {class: 'visually-hidden', 'aria-live': 'polite'});
  const items = options.map((o, i) => el('li', {id: prefix + i, role: 'option', 'aria-selected': 'false',
    class: `picker-option level-${Math.min(o.level || 0, 3)}`, dataset: {id: o.id},
    on: {mousedown: e => e.preventDefault(), click: () => pick(o)}},
  el('span', {class: 'picker-label'}, o.context ? el('span', {class: 'visually-hidden'}, o.context) : null,
      o.display || o.label), o.hint ? el('span', {class: 'picker-hint'}, o.hint) : null));
  const element = el('div', {class: 'picker'}, el('label', {for: id}, label), input, list, status);

  function filter() {
    const words = fold(input.value).split(/\s+/).filter(Boolean);
    const match = new Set(options.filter(o => words.every(w => o.search.includes(w))).map(o => o.id));
    // A tree: a matching child brings its parents along, to say where it sits.
    for (const o of options) {
      if (match.has(o.id)) {
        for (let p = o.parent; p && !match.has(p); p = byId.get(p)?.parent) {
          match.add(p);
        }
      }
    }
    visible = options.map((o, i) => (match.has(o.id) ? i : -1)).filter(i => i >= 0);
    fill(list, visible.length ? visible.map(i => items[i])
      : el('li', {class: 'picker-empty', role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false'},
          t('pickers.none')));
    status.textContent = visible.length ? t('pickers.count', {n: visible.length}) : t('pickers.none');
    setActive(words.length && visible.length ? firstMatch(words) : -1);
  }

  // The best option to offer first: one whose name or id starts with what was typed, else the
  // first that matches by itself (not a parent shown for context).
  function firstMatch(words) {
    const typed = fold(input.value).trim();
    const starts = visible.findIndex(i => fold(options[i].label).startsWith(typed) || options[i].id.startsWith(typed));
    if (starts >= 0) {
      return starts;
    }
    const k = visible.findIndex(i => words.every(w => options[i].search.includes(w)));
    return k < 0 ? 0 : k;
  }

  function open() {
    if (list.hidden) {
      filter();
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
  }

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function setActive(k) {
    for (const item of items) {
      item.classList.remove('active');
      item.setAttribute('aria-selected', 'false');
    }
    active = k;
    if (k >= 0 && visible[k] !== undefined) {
      const item = items[visible[k]];
      item.setAttribute('aria-selected', 'true');
      item.classList.add('active');
      input.setAttribute('aria-activedescendant', item.id);
      item.scrollIntoView?.({block: 'nearest'});
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function pick(o) {
    picked = keep ? o : null;
    input.value = keep ? o.label : '';
    input.dataset.value = keep ? o.id : '';
    close();
    input.focus();
    onPick(o);
  }

  input.addEventListener('input', () => {
    picked = null;
    input.dataset.value = '';
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    filter();
  });
  input.addEventListener('click', () => (list.hidden ? open() : close()));
  input.addEventListener('blur', () => close());
  input.addEventListener('keydown', e => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (list.hidden) {
          open();
          setActive(visible.length ? 0 : -1);
        } else if (visible.length) {
          setActive((active + 1) % visible.length);
        }
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (list.hidden) {
          open();
        }
        if (visible.length) {
          setActive(active <= 0 ? visible.length - 1 : active - 1);
        }
        break;
      case 'Enter':
        if (!list.hidden) {
          e.preventDefault();
          if (active >= 0 && visible[active] !== undefined) {
            pick(options[visible[active]]);
          }
        }
        break;
      case 'Escape':
        if (!list.hidden) {
          e.preventDefault();
          close();
        } else if (input.value) {
          e.preventDefault();
          input.value = '';
          picked = null;
          input.dataset.value = '';
        }
        break;
      default:
    }
  });

  return {
    element,
    input,
    value: () => picked?.id ?? null,
    option: () => picked,
    set(value) {
      const o = byId.get(value);
      if (o) {
        picked = keep ? o : null;
        input.value = keep ? o.label : '';
        input.dataset.value = keep ? o.id : '';
      }
      return o || null;
    },
    clear() {
      picked = null;
      input.value = '';
      input.dataset.value = '';
    },
  };
}
