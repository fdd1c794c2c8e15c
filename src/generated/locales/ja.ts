
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'card.cvc.format': `セキュリティコードを入力してください。カード裏面の3桁の数字です（American Expressは表面の4桁）。`,
'card.cvc.hint': `カードに記載の3桁または4桁の数字`,
'card.cvc.label': `セキュリティコード`,
'card.cvc.required': `セキュリティコードを入力してください。`,
'card.exp.expired': `このカードは有効期限が切れています。`,
'card.exp.format': `有効期限を「月/年」の形で入力してください（例: 04/28）。`,
'card.exp.hint': `月/年`,
'card.exp.label': `有効期限`,
'card.exp.placeholder': `MM/YY`,
'card.exp.required': `有効期限を入力してください。`,
'card.exp.tooFar': `有効期限をご確認ください。`,
'card.name.format': `カード名義はカードに記載のとおりローマ字で入力してください（例: TARO YAMADA）。`,
'card.name.hint': `カードに記載のとおり（ローマ字）`,
'card.name.label': `名義`,
'card.name.required': `カード名義を入力してください。`,
'card.note': `カード情報は決済会社に直接送られ、当店には保存されません。`,
'card.number.brand': `このカードはご利用いただけません。Visa、Mastercard、JCB、American Express、Diners Clubのいずれかをご利用ください。`,
'card.number.brand-detected': str`カードの種類: ${0}`,
'card.number.format': `カード番号は数字で入力してください。`,
'card.number.hint': `Visa、Mastercard、JCB、American Express、Diners Club`,
'card.number.label': `カード番号`,
'card.number.length': `カード番号の桁数が正しくありません。`,
'card.number.luhn': `カード番号に誤りがあります。もう一度ご確認ください。`,
'card.number.required': `カード番号を入力してください。`,
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
  