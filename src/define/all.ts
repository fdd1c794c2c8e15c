import './contact-fields.js';
import './name-fields.js';
