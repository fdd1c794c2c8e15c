'use client';
/** `kessai/react/card-fields`: the React wrapper of `<kessai-card-fields>`. Importing it registers that tag only. */
import * as React from 'react';
import { createComponent } from '@lit/react';
import { KessaiCardFields as ElementClass } from '../components/card-fields/card-fields.js';
import '../define/card-fields.js';

export const KessaiCardFields = createComponent({
  tagName: 'kessai-card-fields',
  elementClass: ElementClass,
  react: React,
});
