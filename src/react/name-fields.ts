'use client';
/** `kessai/react/name-fields`: the React wrapper of `<kessai-name-fields>`. Importing it registers that tag only. */
import * as React from 'react';
import { createComponent } from '@lit/react';
import { KessaiNameFields as ElementClass } from '../components/name-fields/name-fields.js';
import '../define/name-fields.js';

export const KessaiNameFields = createComponent({
  tagName: 'kessai-name-fields',
  elementClass: ElementClass,
  react: React,
});
