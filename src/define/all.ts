import './contact-fields.js';
import './card-fields.js';
import './checkout.js';
