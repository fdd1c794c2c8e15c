import type {} from 'kessai/vue';
