'use client';
/** `kessai/react/contact-fields`: the React wrapper of `<kessai-contact-fields>`. Importing it registers that tag only. */
import * as React from 'react';
import { createComponent } from '@lit/react';
import { KessaiContactFields as ElementClass } from '../components/contact-fields/contact-fields.js';
import '../define/contact-fields.js';

export const KessaiContactFields = createComponent({
  tagName: 'kessai-contact-fields',
  elementClass: ElementClass,
  react: React,
});
