import {h, mount} from './dom.js';
import {post, setSession, ApiError} from './api.js';

/** The login form: an API key of a console role, exchanged for a session cookie. */
export function loginPage(main, done) {
  const key = h('input', {id: 'api-key', type: 'password', autocomplete: 'off', required: true,
    placeholder: 'fk_…', 'aria-label': 'API key'});
  const error = h('p', {id: 'login-error', class: 'error', role: 'alert'});
  const form = h('form', {id: 'login', class: 'card narrow', onsubmit: async (e) => {
    e.preventDefault();
    error.textContent = '';
    try {
      const s = await post('/console/session', {api_key: key.value});
      key.value = '';
      setSession(s);
      done(s);
    } catch (err) {
      error.textContent = err instanceof ApiError ? err.message : 'the server could not be reached';
    }
  }},
  h('h1', {}, 'Farthing console'),
  h('p', {class: 'muted'}, 'Log in with an API key of role reviewer, compliance, auditor or admin. ' +
    'The key is exchanged for a session; it is not stored in the browser.'),
  h('label', {for: 'api-key'}, 'API key'), key,
  h('button', {type: 'submit', id: 'login-submit'}, 'Log in'), error);
  mount(main, form);
  key.focus();
}
