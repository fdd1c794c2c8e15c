import './contact-fields.js';
import './card-fields.js';
