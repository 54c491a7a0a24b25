// Closing the loop on the referral finder: send one household to a service from a result row
// (PLANNER and HELP_DESK keys), and follow the referrals this key may see, with exactly the moves
// /api/v1/sent-referrals lets it make. Snodo never records who the person is: no field here takes
// a name or any free text, only how many people and how urgent.

import {ApiError, api} from './api.js';
import {el, fill} from './dom.js';
import {lang, t} from './i18n.js';
import {into, showError} from './shell.js';
import {categoryName} from './pickers.js';
import './sent-strings.js';

const PAGE_SIZE = 20;
const REASONS = ['FULL', 'NOT_ELIGIBLE', 'OUT_OF_AREA', 'OTHER'];

/** True when this key's role may send referrals. */
export function maySend(who) {
  return who.role === 'PLANNER' || who.role === 'HELP_DESK';
}

/** True when this key's role may follow sent referrals: every role but READER. */
export function mayFollow(who) {
  return who.role === 'PLANNER' || who.role === 'COOPERATIVE' || who.role === 'HELP_DESK';
}

/**
 * The moves this key may make on a referral now, as the API allows them: the provider's
 * cooperative (or a planner) answers for the service; the key that sent it (or a planner) may
 * withdraw it while it is SENT.
 */
export function movesFor(who, r) {
  const answers = who.role === 'PLANNER' || (who.role === 'COOPERATIVE' && who.cooperative === r.provider);
  const sender = who.role === 'PLANNER' || who.keyId === r.sentBy;
  if (r.status === 'SENT') {
    return [...(answers ? ['accept', 'decline'] : []), ...(sender ? ['cancel'] : [])];
  }
  return r.status === 'ACCEPTED' && answers ? ['complete', 'drop'] : [];
}

const services = new Map();

/** The service as the API shows it to this key, once per page (null when it no longer exists). */
function service(id) {
  if (!services.has(id)) {
    services.set(id, api(`/api/v1/services/${encodeURIComponent(id)}`).catch(e => {
      services.delete(id);
      if (e instanceof ApiError && e.status === 404) {
        return null;
      }
      throw e;
    }));
  }
  return services.get(id);
}

const formats = {};

/** An instant as a short date and time in the page's language. */
export function when(iso) {
  formats[lang()] ??= new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'it-IT',
      {dateStyle: 'short', timeStyle: 'short'});
  return formats[lang()].format(new Date(iso));
}

function time(iso) {
  return el('time', {datetime: iso}, when(iso));
}

/** "1 persona", "3 persone". */
export function persons(n) {
  return n === 1 ? t('sent.person1') : t('sent.personN', {n});
}

/** A problem detail: its `detail`, and for a request refused as invalid each bad field it lists. */
export function showProblem(container, error) {
  const invalid = error instanceof ApiError && (error.status === 400 || error.status === 422);
  const errors = invalid ? error.problem?.errors || [] : [];
  if (!errors.length) {
    return showError(container, error);
  }
  return fill(container, el('div', {class: 'problem', role: 'alert'}, el('p', {}, error.message),
      el('ul', {}, errors.map(v => el('li', {dataset: {field: v.field}}, `${v.field}: ${v.message}`)))));
}

/**
 * The form that sends one household to a service (the page's <dialog id="send-dialog">):
 * `open({service, provider, category, territory, opener})` shows it, `onSent(referral, asked)`
 * is called once the API has recorded it. The category sent is the one searched for: every
 * service the finder names covers it (it addresses it or a narrower one).
 */
export function sendDialog({categories, municipalities, onSent}) {
  const dialog = document.getElementById('send-dialog');
  const form = document.getElementById('send-form');
  const summary = document.getElementById('send-summary');
  const messages = document.getElementById('send-messages');
  const {people, urgency} = form.elements;
  let asked = null;
  let busy = false;

  const name = code => (categories.byCode.has(code) ? categoryName(categories.byCode.get(code)) : code);
  const pair = (term, detail) => [el('dt', {}, term), el('dd', {}, detail)];

  document.getElementById('send-close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    const opener = asked?.opener;
    asked = null;
    if (opener?.isConnected) {
      opener.focus();
    }
  });

  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (busy || !asked) {
      return;
    }
    fill(messages);
    const n = Number(people.value);
    if (people.value.trim() === '' || !Number.isInteger(n) || n < 1 || n > 20) {
      people.setAttribute('aria-invalid', 'true');
      showError(messages, new Error(t('sent.peopleInvalid')));
      people.focus();
      return;
    }
    people.removeAttribute('aria-invalid');
    const body = {service: asked.service.id, category: asked.category, territory: asked.territory, people: n};
    if (urgency.value) {
      body.urgency = urgency.value;
    }
    // Closed meanwhile (Escape), the form forgets the request: the answer still reports on it.
    const request = asked;
    busy = true;
    form.setAttribute('aria-busy', 'true');
    try {
      const sent = await api('/api/v1/sent-referrals', {method: 'POST', body});
      const done = {...request, categoryName: name(sent.category),
        municipalityName: municipalities.byId.get(sent.territory)?.name ?? sent.territory};
      dialog.close();
      onSent(sent, done);
    } catch (e) {
      showProblem(messages, e);
    } finally {
      busy = false;
      form.removeAttribute('aria-busy');
    }
  });

  return {
    open(request) {
      asked = request;
      fill(messages);
      people.value = '1';
      people.removeAttribute('aria-invalid');
      urgency.value = '';
      fill(summary,
          pair(t('sent.col.service'), request.service.name),
          pair(t('sent.provider'), request.provider.name),
          pair(t('sent.col.municipality'), municipalities.byId.get(request.territory)?.name ?? request.territory),
          pair(t('sent.col.category'), name(request.category)));
      dialog.showModal();
      people.focus();
      people.select();
    },
  };
}

/**
 * The list of the referrals this key may see (the page's <section id="sent">): a status and an
 * overdue filter, pages of PAGE_SIZE, and on each row the moves this key may make and its
 * history. Answers `{load()}` to show it again (after a referral is sent).
 */
export function sentList({who, categories, municipalities}) {
  const section = document.getElementById('sent');
  const title = document.getElementById('sent-title');
  const body = document.getElementById('sent-body');
  const form = document.getElementById('sent-filters');
  const messages = document.getElementById('sent-messages');
  const columns = 8;
  let page = 0;

  section.hidden = false;
  fill(document.getElementById('sent-intro'), t(`sent.intro.${who.role}`));

  const serviceName = (id, names) => names.get(id) ?? id;
  const categoryLabel = code => (categories.byCode.has(code) ? categoryName(categories.byCode.get(code)) : code);
  const municipalityName = id => municipalities.byId.get(id)?.name ?? id;
  const statusText = r => (r.status === 'DECLINED' && r.reason
    ? t('sent.declinedBecause', {reason: t(`sent.reason.${r.reason}`)}) : t(`sent.status.${r.status}`));

  form.addEventListener('submit', event => {
    event.preventDefault();
    page = 0;
    load();
  });
  for (const field of [form.elements.status, form.elements.overdue]) {
    field.addEventListener('change', () => {
      page = 0;
      load();
    });
  }

  /** Shows the current page again; then puts the focus on the row `focusId`, if asked. */
  async function load(focusId) {
    const filtered = Boolean(form.elements.status.value || form.elements.overdue.checked);
    const query = () => ({status: form.elements.status.value,
      overdue: form.elements.overdue.checked ? true : null, page, size: PAGE_SIZE});
    await into(section, body, t('sent.loading'), async () => {
      let answer = await api('/api/v1/sent-referrals', {query: query()});
      if (!answer.content.length && page > 0) {
        // The last rows of the last page moved out of the filter: show the page that is now last.
        page = Math.max(0, answer.totalPages - 1);
        answer = await api('/api/v1/sent-referrals', {query: query()});
      }
      const ids = [...new Set(answer.content.map(r => r.service))];
      const found = await Promise.all(ids.map(id => service(id).catch(() => null)));
      const names = new Map(ids.map((id, i) => [id, found[i]?.name ?? id]));
      show(answer, names, filtered);
    });
    if (focusId !== undefined) {
      focus(focusId);
    }
  }

  function focus(id) {
    const row = [...body.querySelectorAll('tr[data-id]')].find(r => r.dataset.id === id);
    const target = row?.querySelector('button') || row?.querySelector('th');
    if (target) {
      target.focus();
    } else {
      title.setAttribute('tabindex', '-1');
      title.focus();
    }
  }

  function show(answer, names, filtered) {
    if (!answer.totalElements) {
      fill(body, el('p', {class: 'note', id: 'sent-none'}, filtered ? t('sent.noneFiltered') : t(`sent.none.${who.role}`)));
      return;
    }
    const pages = answer.totalPages;
    fill(body,
        el('p', {id: 'sent-summary'}, answer.totalElements === 1 ? t('sent.count1')
          : t('sent.countN', {n: answer.totalElements}),
        pages > 1 ? [' ', t('sent.pageOf', {page: page + 1, pages})] : null),
        el('table', {id: 'sent-referrals', class: 'sent', 'aria-labelledby': 'sent-title'},
            el('thead', {}, el('tr', {},
                el('th', {scope: 'col'}, t('sent.col.status')),
                el('th', {scope: 'col'}, t('sent.col.service')),
                el('th', {scope: 'col'}, t('sent.col.municipality')),
                el('th', {scope: 'col'}, t('sent.col.category')),
                el('th', {scope: 'col', class: 'num'}, t('sent.col.people')),
                el('th', {scope: 'col'}, t('sent.col.urgency')),
                el('th', {scope: 'col'}, t('sent.col.sentAt')),
                el('th', {scope: 'col'}, t('sent.col.actions')))),
            el('tbody', {}, answer.content.flatMap(r => row(r, serviceName(r.service, names))))),
        pages > 1 ? el('nav', {class: 'pager', 'aria-label': t('sent.pages')},
            el('button', {type: 'button', class: 'secondary', id: 'sent-prev', disabled: page === 0,
              on: {click: () => { page--; load(); }}}, t('sent.prev')),
            el('button', {type: 'button', class: 'secondary', id: 'sent-next', disabled: page + 1 >= pages,
              on: {click: () => { page++; load(); }}}, t('sent.next'))) : null);
  }

  function row(r, name) {
    const historyId = `sent-history-${r.id}`;
    const history = el('tr', {class: 'history', id: historyId, hidden: true, dataset: {historyOf: r.id}},
        el('td', {colspan: columns}));
    const moves = el('div', {class: 'moves'});
    const label = move => t('sent.moveLabel', {move: t(`sent.move.${move}`), service: name, when: when(r.sentAt)});
    const drawMoves = () => fill(moves,
        movesFor(who, r).map(m => el('button', {type: 'button', class: m === 'accept' ? null : 'secondary',
          dataset: {move: m}, 'aria-label': label(m),
          on: {click: () => (m === 'decline' ? askReason() : make(r, m, null, name, moves))}}, t(`sent.move.${m}`))),
        el('button', {type: 'button', class: 'secondary toggle', dataset: {toggle: 'history'}, 'aria-expanded': 'false',
          'aria-controls': historyId, 'aria-label': t('sent.historyLabel', {service: name, when: when(r.sentAt)}),
          on: {click: e => toggleHistory(e.currentTarget, history, r)}}, t('sent.history')));

    // Declining asks why, in the row itself: a reason from the API's list, never free text.
    function askReason() {
      const id = `sent-reason-${r.id}`;
      const reason = el('select', {id, name: 'reason'}, REASONS.map(k => el('option', {value: k}, t(`sent.reason.${k}`))));
      const back = () => {
        drawMoves();
        moves.querySelector('[data-move=decline]')?.focus();
      };
      fill(moves, el('div', {class: 'decline', role: 'group', 'aria-label': label('decline'),
        on: {keydown: e => { if (e.key === 'Escape') { e.preventDefault(); back(); } }}},
      el('label', {for: id}, t('sent.reason')), reason,
      el('button', {type: 'button', dataset: {confirm: 'decline'},
        on: {click: () => make(r, 'decline', {reason: reason.value}, name, moves)}}, t('sent.declineConfirm')),
      el('button', {type: 'button', class: 'secondary', on: {click: back}}, t('sent.declineBack'))));
      reason.focus();
    }

    drawMoves();
    const main = el('tr', {dataset: {id: r.id, status: r.status, overdue: r.overdue ? 'true' : null,
      service: r.service, provider: r.provider}},
    el('td', {class: 'status-cell'},
        el('span', {class: `status status-${r.status}`}, statusText(r)),
        r.overdue ? [' ', el('span', {class: 'badge overdue'}, t('sent.overdue'))] : null),
    el('th', {scope: 'row', class: 'service', tabindex: '-1'}, name),
    el('td', {dataset: {id: r.territory}}, municipalityName(r.territory)),
    el('td', {dataset: {id: r.category}}, categoryLabel(r.category)),
    el('td', {class: 'num'}, String(r.people)),
    el('td', {}, r.urgency ? t(`sent.urgency.${r.urgency}`) : el('span', {class: 'note'}, t('sent.urgency.none'))),
    el('td', {}, time(r.sentAt)),
    el('td', {}, moves));
    return [main, history];
  }

  async function make(r, move, body, name, moves) {
    fill(messages);
    for (const b of moves.querySelectorAll('button, select')) {
      b.disabled = true;
    }
    moves.setAttribute('aria-busy', 'true');
    try {
      const moved = await api(`/api/v1/sent-referrals/${encodeURIComponent(r.id)}/${move}`, {method: 'POST',
        body: body ?? undefined});
      fill(messages, el('p', {class: 'done', id: 'sent-done'}, t(`sent.moved.${move}`,
          {service: name, reason: moved.reason ? t(`sent.reason.${moved.reason}`) : ''})));
    } catch (e) {
      // A 409 names the status the referral is in now: the list shows it too, once reloaded.
      showProblem(messages, e);
    }
    await load(r.id);
  }

  async function toggleHistory(button, history, r) {
    const open = button.getAttribute('aria-expanded') === 'true';
    button.setAttribute('aria-expanded', String(!open));
    history.hidden = open;
    if (open || history.dataset.loaded) {
      return;
    }
    const cell = history.firstElementChild;
    fill(cell, el('p', {class: 'note'}, t('sent.historyLoading')));
    try {
      const entries = await api(`/api/v1/sent-referrals/${encodeURIComponent(r.id)}/history`);
      fill(cell, el('ol', {class: 'history-list'}, entries.map(e => el('li', {dataset: {action: e.action, to: e.to}},
          time(e.at), ' — ', t(`sent.status.${e.to}`), ' · ',
          e.keyId === who.keyId ? t('sent.byYou', {role: e.role}) : t('sent.byKey', {role: e.role})))));
      history.dataset.loaded = 'true';
    } catch (e) {
      showError(cell, e);
    }
  }

  load();
  return {load};
}
