// What Storybook's web-components renderer imports as `lit/directive-helpers.js` (see main.ts).
export * from 'lit-html/directive-helpers.js';
