
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'common.unsafe': `制御文字や文字の向きを変える記号は使えません。取り除いてください。`,
'contact.email.format': `メールアドレスを name@example.jp の形式で入力してください。`,
'contact.email.hint': `ご注文の確認メールをお送りします。`,
'contact.email.label': `メールアドレス`,
'contact.email.required': `メールアドレスを入力してください。`,
'contact.email.tooLong': `メールアドレスが長すぎます。`,
'contact.phone.format': `電話番号を数字で入力してください（例: 090-1234-5678）。`,
'contact.phone.hint': `ハイフンはあってもなくても構いません。`,
'contact.phone.label': `電話番号`,
'contact.phone.length': `電話番号の桁数が正しくありません。固定電話は10桁、携帯電話・050・0800は11桁です。`,
'contact.phone.required': `電話番号を入力してください。`,
    };
  