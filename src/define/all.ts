import './contact-fields.js';
import './address-fields.js';
