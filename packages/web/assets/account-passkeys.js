// Passkeys on the account pages (progressive enhancement: every other way to sign in works
// without this script). Elements marked `data-passkey` stay hidden unless the browser has
// WebAuthn; then:
// - `data-passkey="sign-in"`: sign in with a passkey alone (/api/v1/session/passkey-options →
//   navigator.credentials.get → /api/v1/session/passkey), then go to `data-next`;
// - `data-passkey="second-factor"`: give the second factor with a passkey
//   (/api/v1/session/second-factor/passkey-options → get → /api/v1/session/second-factor);
// - `data-passkey="add"` (a form with passkeyName and passkeyPassword): add a passkey
//   (/api/v1/account/passkeys/options → navigator.credentials.create → /api/v1/account/passkeys),
//   showing the recovery codes when the API returns them (the first second factor).
// WebAuthn's binary fields travel as base64url; the conversions are written out here.

const supported =
  typeof window.PublicKeyCredential === 'function' &&
  typeof navigator.credentials === 'object' &&
  navigator.credentials !== null;

/** base64url text → ArrayBuffer. */
const fromBase64Url = (text) => {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
};

/** ArrayBuffer (or view) → base64url text, no padding. */
const toBase64Url = (buffer) => {
  const bytes =
    buffer instanceof ArrayBuffer
      ? new Uint8Array(buffer)
      : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const decodeDescriptors = (list) =>
  Array.isArray(list) ? list.map((item) => ({ ...item, id: fromBase64Url(item.id) })) : undefined;

/** PublicKeyCredentialCreationOptionsJSON → the options navigator.credentials.create takes. */
const decodeCreationOptions = (options) => {
  const publicKey = {
    ...options,
    challenge: fromBase64Url(options.challenge),
    user: { ...options.user, id: fromBase64Url(options.user.id) },
  };
  const exclude = decodeDescriptors(options.excludeCredentials);
  if (exclude === undefined) delete publicKey.excludeCredentials;
  else publicKey.excludeCredentials = exclude;
  return publicKey;
};

/** PublicKeyCredentialRequestOptionsJSON → the options navigator.credentials.get takes. */
const decodeRequestOptions = (options) => {
  const publicKey = { ...options, challenge: fromBase64Url(options.challenge) };
  const allow = decodeDescriptors(options.allowCredentials);
  if (allow === undefined) delete publicKey.allowCredentials;
  else publicKey.allowCredentials = allow;
  return publicKey;
};

const common = (credential) => {
  const out = {
    id: credential.id,
    rawId: toBase64Url(credential.rawId),
    type: credential.type,
    clientExtensionResults: credential.getClientExtensionResults(),
  };
  if (typeof credential.authenticatorAttachment === 'string') {
    out.authenticatorAttachment = credential.authenticatorAttachment;
  }
  return out;
};

const encodeRegistration = (credential) => {
  const { response } = credential;
  const out = {
    ...common(credential),
    response: {
      clientDataJSON: toBase64Url(response.clientDataJSON),
      attestationObject: toBase64Url(response.attestationObject),
    },
  };
  if (typeof response.getTransports === 'function') {
    out.response.transports = response.getTransports();
  }
  return out;
};

const encodeAuthentication = (credential) => {
  const { response } = credential;
  const out = {
    ...common(credential),
    response: {
      clientDataJSON: toBase64Url(response.clientDataJSON),
      authenticatorData: toBase64Url(response.authenticatorData),
      signature: toBase64Url(response.signature),
    },
  };
  if (response.userHandle) out.response.userHandle = toBase64Url(response.userHandle);
  return out;
};

/** A JSON call to the API with the page's CSRF token and language; throws the API's message. */
const callApi = async (element, url, body) => {
  const headers = { accept: 'application/json' };
  const { csrf, lang } = element.dataset;
  if (csrf) headers['x-csrf-token'] = csrf;
  if (lang) headers['accept-language'] = lang;
  const init = { method: 'POST', headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url, init);
  const text = await response.text();
  const json = text === '' ? undefined : JSON.parse(text);
  if (!response.ok) {
    const message = json && json.error && json.error.message;
    throw new Error(message || element.dataset.errorText || 'Error');
  }
  return json;
};

const showError = (element, error) => {
  const area = element.closest('[data-passkey-area]') || element;
  const box = area.querySelector('[data-passkey-error]');
  if (box === null) return;
  // A cancelled or timed-out browser prompt says nothing useful: use the page's own words.
  const fromBrowser = error && (error.name === 'NotAllowedError' || error.name === 'AbortError');
  box.textContent =
    fromBrowser || !(error && error.message) ? element.dataset.errorText : error.message;
  box.hidden = false;
};

const clearError = (element) => {
  const area = element.closest('[data-passkey-area]') || element;
  const box = area.querySelector('[data-passkey-error]');
  if (box !== null) box.hidden = true;
};

/** Only a path on this site (as the server checks `next`). */
const localPath = (path) =>
  typeof path === 'string' &&
  path.startsWith('/') &&
  !path.startsWith('//') &&
  !path.startsWith('/\\')
    ? path
    : '/console';

const signIn = async (button, optionsUrl, finishUrl, finishBody) => {
  clearError(button);
  button.disabled = true;
  try {
    const options = await callApi(button, optionsUrl);
    const credential = await navigator.credentials.get({
      publicKey: decodeRequestOptions(options),
    });
    if (credential === null) throw new Error(button.dataset.errorText);
    await callApi(button, finishUrl, finishBody(encodeAuthentication(credential)));
    location.assign(localPath(button.dataset.next));
  } catch (error) {
    showError(button, error);
  } finally {
    button.disabled = false;
  }
};

const showRecoveryCodes = (form, codes) => {
  const section = document.querySelector('[data-recovery-codes-section]');
  if (section === null) return false;
  const pre = section.querySelector('pre');
  if (pre !== null) pre.textContent = codes.join('\n');
  const link = section.querySelector('a[download]');
  if (link !== null) {
    const text = `${section.dataset.fileHeader || ''}\r\n\r\n${codes.join('\r\n')}\r\n`;
    link.href = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  }
  form.hidden = true;
  section.hidden = false;
  section.scrollIntoView();
  return true;
};

const addPasskey = async (form) => {
  clearError(form);
  const submit = form.querySelector('button[type="submit"]');
  if (submit !== null) submit.disabled = true;
  try {
    const name = form.elements.namedItem('passkeyName').value.trim();
    const password = form.elements.namedItem('passkeyPassword').value;
    const options = await callApi(form, '/api/v1/account/passkeys/options', { password });
    const credential = await navigator.credentials.create({
      publicKey: decodeCreationOptions(options),
    });
    if (credential === null) throw new Error(form.dataset.errorText);
    const added = await callApi(form, '/api/v1/account/passkeys', {
      name: name || 'Passkey',
      response: encodeRegistration(credential),
    });
    const codes = added && added.recoveryCodes;
    if (Array.isArray(codes) && codes.length > 0 && showRecoveryCodes(form, codes)) return;
    location.assign('/account/security?done=passkey-added');
  } catch (error) {
    showError(form, error);
  } finally {
    if (submit !== null) submit.disabled = false;
  }
};

if (supported) {
  for (const element of document.querySelectorAll('[data-passkey-area], [data-passkey]')) {
    element.hidden = false;
  }
  for (const note of document.querySelectorAll('[data-passkey-unsupported]')) note.hidden = true;

  for (const button of document.querySelectorAll('[data-passkey="sign-in"]')) {
    button.addEventListener('click', () => {
      void signIn(
        button,
        '/api/v1/session/passkey-options',
        '/api/v1/session/passkey',
        (response) => ({
          response,
        }),
      );
    });
  }
  for (const button of document.querySelectorAll('[data-passkey="second-factor"]')) {
    button.addEventListener('click', () => {
      void signIn(
        button,
        '/api/v1/session/second-factor/passkey-options',
        '/api/v1/session/second-factor',
        (response) => ({ method: 'passkey', response }),
      );
    });
  }
  for (const form of document.querySelectorAll('form[data-passkey="add"]')) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void addPasskey(form);
    });
  }
}
