/**
 * The browser page behind the first-run set-up link (`/setup?token=…`): a small bilingual form
 * that creates the platform operator through `POST /api/v1/setup`. No external assets; the
 * inline style and script are allowed by their hashes in the Content-Security-Policy. (The web
 * app replaces it later; the link and the API stay.)
 */
import { createHash } from 'node:crypto';

const STYLE = `body{font-family:system-ui,"Hiragino Sans","Noto Sans JP",sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.4rem}label{display:block;margin:1rem 0 .25rem}input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}
button{margin-top:1.5rem;padding:.6rem 1.2rem;font-size:1rem}p.note{color:#555;font-size:.9rem}#result{margin-top:1rem;font-weight:bold}`;

const SCRIPT = `(function(){var f=document.getElementById('setup');var r=document.getElementById('result');
var token=new URLSearchParams(location.search).get('token')||'';
f.addEventListener('submit',function(e){e.preventDefault();r.textContent='…';
var body={token:token,email:f.email.value,displayName:f.displayName.value,password:f.password.value,locale:document.documentElement.lang==='en'?'en':'ja'};
fetch('/api/v1/setup',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(body),credentials:'same-origin'})
.then(function(res){return res.json().then(function(json){return{ok:res.ok,json:json};});})
.then(function(x){if(x.ok){f.hidden=true;r.textContent=r.dataset.done;}else{var m=x.json&&x.json.error?x.json.error.message:'';
var fields=x.json&&x.json.error&&x.json.error.fields?x.json.error.fields.map(function(v){return v.path+': '+v.message;}).join('; '):'';
r.textContent=m+(fields?' ('+fields+')':'');}})
.catch(function(){r.textContent=r.dataset.network;});});})();`;

const hash = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export const SETUP_PAGE_CONTENT_SECURITY_POLICY = `default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

export const renderSetupPage = (language: 'ja' | 'en'): string => {
  const ja = language === 'ja';
  const t = (jaText: string, enText: string) => (ja ? jaText : enText);
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${t('Akashi の初期設定', 'Akashi set-up')}</title><style>${STYLE}</style></head>
<body>
<h1>${t('Akashi の初期設定：運営者アカウントの作成', 'Akashi set-up: create the operator account')}</h1>
<p class="note">${t(
    'このリンクは一度だけ、24 時間有効です。運営者はプラットフォーム全体を管理し、発行組織の審査を行います。',
    'This link works once and for 24 hours. The operator runs the platform and reviews the issuing organisations.',
  )}</p>
<form id="setup">
<label for="email">${t('メールアドレス', 'E-mail address')}</label><input id="email" name="email" type="email" autocomplete="email" required>
<label for="displayName">${t('表示名', 'Display name')}</label><input id="displayName" name="displayName" autocomplete="name" required>
<label for="password">${t('パスワード（10 文字以上）', 'Password (10 characters or more)')}</label><input id="password" name="password" type="password" autocomplete="new-password" minlength="10" required>
<button type="submit">${t('運営者を作成する', 'Create the operator')}</button>
</form>
<p id="result" role="status" data-done="${t(
    '運営者を作成し、サインインしました。次に二要素認証を設定してください。',
    'The operator was created and you are signed in. Next, set up two-factor authentication.',
  )}" data-network="${t('サーバーに接続できませんでした。', 'The server could not be reached.')}"></p>
<script>${SCRIPT}</script>
</body></html>`;
};
