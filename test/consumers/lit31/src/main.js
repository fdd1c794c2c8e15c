// An app with its own Lit (pinned to 3.1) using one kessai element: one Lit in the bundle.
import { LitElement, html } from 'lit';
import 'kessai/define/contact-fields';

class ShopBanner extends LitElement {
  render() {
    return html`<p>送料無料</p>`;
  }
}
customElements.define('shop-banner', ShopBanner);
