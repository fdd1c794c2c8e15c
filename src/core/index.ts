/** kessai core: framework-free rules, usable in the browser and in Node. */
export * from './text.js';
export * from './kana.js';
export * from './postal.js';
export * from './phone.js';
export * from './email.js';
export * from './prefectures.js';
export * from './secrets.js';
export * from './validators.js';
export * from './contract.js';
export * from './jst.js';
export * from './konbini.js';
export * from './instructions.js';
