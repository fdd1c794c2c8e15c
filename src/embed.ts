/** Script-tag entry: registers every kessai element. */
import './define/all.js';
import { setDefaultPostalData } from './components/address-fields/postal-source.js';

// Postal shards live in postal/ beside this script unless an element says
// otherwise (postal-data). currentScript is only set while the script first runs.
const script = document.currentScript;
if (script instanceof HTMLScriptElement && script.src) setDefaultPostalData(new URL('postal/', script.src).href);
