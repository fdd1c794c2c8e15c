'use client';
/** `kessai/react/konbini-picker`: the React wrapper of `<kessai-konbini-picker>`. Importing it registers that tag only. */
import * as React from 'react';
import { createComponent } from '@lit/react';
import { KessaiKonbiniPicker as ElementClass } from '../components/konbini-picker/konbini-picker.js';
import '../define/konbini-picker.js';

export const KessaiKonbiniPicker = createComponent({
  tagName: 'kessai-konbini-picker',
  elementClass: ElementClass,
  react: React,
  events: { onChange: 'change' },
});
