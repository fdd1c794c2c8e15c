import './contact-fields.js';
import './konbini-picker.js';
import './payment-instructions.js';
