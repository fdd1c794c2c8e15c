
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'address.city.label': `市区町村`,
'address.city.required': `市区町村を入力してください。`,
'address.city.tooLong': `市区町村が長すぎます。`,
'address.line1.hint': `番地まで入力してください（例: 千代田1-1）。`,
'address.line1.label': `町名・番地`,
'address.line1.required': `町名・番地を入力してください。`,
'address.line1.tooLong': `町名・番地が長すぎます。`,
'address.line2.hint': `任意です。マンション・ビル名と部屋番号を入力してください。`,
'address.line2.label': `建物名・部屋番号`,
'address.line2.tooLong': `建物名・部屋番号が長すぎます。`,
'address.lookup.error': `住所を自動で入力できませんでした。お手数ですが住所を入力してください。`,
'address.lookup.found': `郵便番号から住所を入力しました。続けて番地を入力してください。`,
'address.lookup.kept': `郵便番号から住所を調べました。入力済みの欄はそのままにしています。`,
'address.lookup.loading': `住所を検索しています…`,
'address.lookup.multiple': `この郵便番号には複数の地域があります。一覧から選んでください。`,
'address.lookup.notFound': `この郵便番号は見つかりませんでした。住所を入力してください。`,
'address.postalCode.format': `郵便番号は7桁の数字で入力してください（例: 100-0001）。`,
'address.postalCode.hint': `ハイフンなしでも入力できます。住所が自動で入力されます。`,
'address.postalCode.label': `郵便番号`,
'address.postalCode.required': `郵便番号を入力してください。`,
'address.postalCode.tooLong': `郵便番号が長すぎます。`,
'address.prefecture.label': `都道府県`,
'address.prefecture.placeholder': `選択してください`,
'address.prefecture.required': `都道府県を選択してください。`,
'address.towns.legend': `地域を選んでください`,
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
  