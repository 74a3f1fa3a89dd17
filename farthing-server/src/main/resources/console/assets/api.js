// The console talks to the ordinary API with its session cookie (sent by the browser, never visible to this
// script: it is HttpOnly). Every state change carries the session's CSRF token in X-CSRF-Token.
let csrfToken = null;
let onUnauthorized = () => {};

export const session = {current: null};

export function setSession(s) {
  session.current = s;
  csrfToken = s ? s.csrf_token : null;
}

export function whenLoggedOut(fn) {
  onUnauthorized = fn;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : `HTTP ${status}`);
    this.status = status;
    this.code = problem && problem.code;
  }
}

async function call(method, path, body) {
  const headers = {Accept: 'application/json'};
  if (method !== 'GET') {
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
    headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(path, {
    method, headers, credentials: 'same-origin', cache: 'no-store',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) {
    if (res.status === 401 && path !== '/console/session') onUnauthorized();
    throw new ApiError(res.status, json);
  }
  return json;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body === undefined ? {} : body);

/** A query string from an object, dropping empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}
