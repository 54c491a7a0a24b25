// How every page talks to Snodo: the same /api/v1 API as any client, with the key kept in
// sessionStorage (never in a URL or a cookie), JSON in and out, and problem details as errors.

const KEY = 'snodo.key';

/** The key of this browser tab, or null. */
export function key() {
  return sessionStorage.getItem(KEY);
}

export function setKey(value) {
  sessionStorage.setItem(KEY, value.trim());
}

export function logOut() {
  sessionStorage.removeItem(KEY);
}

/** An answer of the API that is not a success: `detail` is the problem detail's, to show as it is. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || null;
  }
}

/**
 * Calls the API with the key: `api('/api/v1/referrals', {query: {category, territory}})`,
 * `api('/api/v1/what-if', {method: 'POST', body: {...}})`. Resolves to the parsed JSON (or the
 * text, for `accept: 'text/csv'`); rejects with an ApiError carrying the problem detail.
 */
export async function api(path, {method = 'GET', query, body, accept = 'application/json'} = {}) {
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== '') {
      url.searchParams.append(name, value);
    }
  }
  const headers = {Accept: `${accept}, application/problem+json`};
  const k = key();
  if (k) {
    headers.Authorization = `Bearer ${k}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(url, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  } catch (e) {
    throw new ApiError(0, {detail: `Snodo cannot be reached: ${e.message}`});
  }
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok) {
    let problem = null;
    if (type.includes('json')) {
      problem = await response.json().catch(() => null);
    }
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) {
    return null;
  }
  return type.includes('json') ? response.json() : response.text();
}

/** Every row of a paged list (`content`, `totalPages`), page after page. */
export async function all(path, query = {}) {
  const rows = [];
  for (let page = 0; ; page++) {
    const answer = await api(path, {query: {...query, page, size: 1000}});
    rows.push(...answer.content);
    if (page + 1 >= answer.totalPages) {
      return rows;
    }
  }
}

/** Who the key is: `{keyId, role, cooperative}` (role PLANNER, COOPERATIVE, HELP_DESK or READER). */
export function caller() {
  return api('/api/v1/me');
}
