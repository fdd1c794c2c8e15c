import { createApp } from 'vue';
import 'kessai/define/all';
// A runtime import, as the docs once showed it without `type`: it must resolve in Vite.
import 'kessai/vue';
import App from './App.vue';

createApp(App).mount('#app');
