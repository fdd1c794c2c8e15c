import 'kessai/define/contact-fields';
document.body.append(document.createElement('kessai-contact-fields'));
