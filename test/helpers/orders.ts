/** A valid checkout request of the endpoint contract (a Konbini order of the demo catalogue's matcha-set). */
export type Body = Record<string, unknown>;

export const validOrder = (overrides: Body = {}): Body => ({
  reference: 'matcha-set',
  amount: 3240,
  currency: 'JPY',
  method: 'konbini',
  customer: {
    familyName: '山田',
    givenName: '太郎',
    familyNameKana: 'ヤマダ',
    givenNameKana: 'タロウ',
    email: 'taro@example.jp',
    phone: '09012345678',
  },
  address: { postalCode: '1000001', prefecture: '東京都', prefectureCode: '13', city: '千代田区', line1: '千代田1-1', line2: '' },
  konbini: { store: 'lawson' },
  ...overrides,
});
