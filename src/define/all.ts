import './contact-fields.js';
import './card-fields.js';
import './checkout.js';
import './name-fields.js';
import './address-fields.js';
import './konbini-picker.js';
import './payment-instructions.js';
import './wallet-qr.js';
