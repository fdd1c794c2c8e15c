import './contact-fields.js';
