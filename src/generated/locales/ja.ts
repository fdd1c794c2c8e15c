
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
'name.familyName.label': `姓`,
'name.familyName.required': `姓を入力してください。`,
'name.familyName.symbols': `姓に使えない記号が含まれています。取り除いてください。`,
'name.familyName.tooLong': `姓が長すぎます。30文字以内で入力してください。`,
'name.familyNameKana.katakana': `セイにカタカナ以外の文字が含まれています。全角カタカナで入力してください（例: ヤマダ）。`,
'name.familyNameKana.label': `セイ`,
'name.familyNameKana.required': `セイを全角カタカナで入力してください（例: ヤマダ）。`,
'name.familyNameKana.tooLong': `セイが長すぎます。30文字以内で入力してください。`,
'name.givenName.label': `名`,
'name.givenName.required': `名を入力してください。`,
'name.givenName.symbols': `名に使えない記号が含まれています。取り除いてください。`,
'name.givenName.tooLong': `名が長すぎます。30文字以内で入力してください。`,
'name.givenNameKana.katakana': `メイにカタカナ以外の文字が含まれています。全角カタカナで入力してください（例: ハナコ）。`,
'name.givenNameKana.label': `メイ`,
'name.givenNameKana.required': `メイを全角カタカナで入力してください（例: ハナコ）。`,
'name.givenNameKana.tooLong': `メイが長すぎます。30文字以内で入力してください。`,
'name.kana.hint': `セイ・メイは姓・名を入力すると自動で入ります。違う場合は全角カタカナで直してください。`,
    };
  