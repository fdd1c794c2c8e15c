// The floor: a plain HTML <form> with the same fields, labels, hints, headings,
// error slots and radios as <kessai-checkout> (Konbini method, address shown),
// in Japanese, without any script or stylesheet. The bench page holds it in a
// <template> and clones it, which is as cheap as inserting a form can be.
import { PREFECTURES } from '../../dist/core/prefectures.js';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** Label, input, optional hint and an (empty) error line, as kessai renders one field. */
function field(id, label, { type = 'text', autocomplete, hint, required = true, inputmode, placeholder } = {}) {
  const describedBy = [hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
  return `<div class="field">
  <label for="${id}">${esc(label)}${required ? ' <span class="req">必須</span>' : ' <span class="opt">任意</span>'}</label>
  <input id="${id}" name="${id}" type="${type}"${autocomplete ? ` autocomplete="${autocomplete}"` : ''}${inputmode ? ` inputmode="${inputmode}"` : ''}${
    placeholder ? ` placeholder="${placeholder}"` : ''
  }${required ? ' required' : ''} aria-invalid="false" aria-describedby="${describedBy}">
  ${hint ? `<p id="${id}-hint" class="hint">${esc(hint)}</p>` : ''}
  <p id="${id}-error" class="error" aria-live="polite"></p>
</div>`;
}

const radio = (name, value, label, checked = false) =>
  `<label><input type="radio" name="${name}" value="${value}"${checked ? ' checked' : ''}>${esc(label)}</label>`;

/** The native form's markup. Input ids are prefixed with `n-` (the bench finds them by label). */
export function nativeFormHtml() {
  const prefectures = PREFECTURES.map((p) => `<option value="${p.code}">${esc(p.name)}</option>`).join('');
  const stores = ['セブン-イレブン', 'ファミリーマート', 'ローソン', 'ミニストップ', 'デイリーヤマザキ', 'セイコーマート'];
  return `<form class="native" novalidate>
<p class="amount">お支払い金額: ￥3,240</p>
<h2>お名前</h2>
<div class="row">${field('n-familyName', '姓', { autocomplete: 'family-name' })}${field('n-givenName', '名', { autocomplete: 'given-name' })}</div>
<div class="row">${field('n-familyNameKana', 'セイ', { autocomplete: 'off' })}${field('n-givenNameKana', 'メイ', { autocomplete: 'off' })}</div>
<p id="n-kana-hint" class="hint">セイ・メイは姓・名を入力すると自動で入ります。違う場合は全角カタカナで直してください。</p>
<h2>ご連絡先</h2>
${field('n-email', 'メールアドレス', { type: 'email', autocomplete: 'email', inputmode: 'email', hint: 'ご注文の確認メールをお送りします。' })}
${field('n-phone', '電話番号', { type: 'tel', autocomplete: 'tel-national', inputmode: 'tel', hint: 'ハイフンはあってもなくても構いません。' })}
<h2>お届け先</h2>
<div class="postal">${field('n-postalCode', '郵便番号', {
    autocomplete: 'postal-code',
    inputmode: 'numeric',
    placeholder: '100-0001',
    hint: 'ハイフンなしでも入力できます。住所が自動で入力されます。',
  })}<p id="n-postalCode-status" class="status" role="status"></p></div>
<div class="field">
  <label for="n-prefecture">都道府県 <span class="req">必須</span></label>
  <select id="n-prefecture" name="n-prefecture" autocomplete="address-level1" required aria-invalid="false" aria-describedby="n-prefecture-error"><option value="" selected>選択してください</option>${prefectures}</select>
  <p id="n-prefecture-error" class="error" aria-live="polite"></p>
</div>
${field('n-city', '市区町村', { autocomplete: 'address-level2' })}
${field('n-line1', '町名・番地', { autocomplete: 'address-line1', hint: '番地まで入力してください（例: 千代田1-1）。' })}
${field('n-line2', '建物名・部屋番号', { autocomplete: 'address-line2', hint: '任意です。マンション・ビル名と部屋番号を入力してください。', required: false })}
<fieldset>
  <legend>お支払い方法</legend>
  <div class="methods">${radio('method', 'konbini', 'コンビニ払い', true)}${radio('method', 'pay-easy', 'ペイジー')}${radio('method', 'bank-transfer', '銀行振込')}</div>
  <fieldset>
    <legend>お支払いに使うコンビニ</legend>
    ${stores.map((s, i) => radio('store', String(i), s)).join('')}
    <p class="hint">コンビニ払いは1回のお支払いにつき300,000円までです。</p>
    <p class="error" aria-live="polite"></p>
  </fieldset>
</fieldset>
<div class="alert" role="alert"></div>
<div class="status" role="status"></div>
<button type="submit">注文を確定する</button>
</form>`;
}
