/**
 * The demo shop's products: the server's source of truth for prices. The
 * amount a request carries is only what the page displayed; the order is
 * priced here, from `reference`.
 */
import { createCatalog, type Catalog, type CatalogItem } from 'kessai/server';

/** References are what `<kessai-checkout reference="…">` carries. */
export const DEMO_PRODUCTS: readonly CatalogItem[] = Object.freeze([
  { reference: 'matcha-set', name: '宇治抹茶セット', amount: 3240, shipping: true },
  { reference: 'furoshiki', name: '風呂敷（木綿・二巾）', amount: 1980, shipping: true },
  { reference: 'nambu-kyusu', name: '南部鉄器 急須', amount: 12800, shipping: true },
  { reference: 'e-gift-5000', name: 'デジタルギフト券 5,000円分', amount: 5000, shipping: false },
  // Over the ¥300,000 Konbini limit: card, Pay-easy or bank transfer only.
  { reference: 'arita-vase', name: '有田焼 花瓶（作家物）', amount: 330000, shipping: true },
]);

/** The demo catalogue. */
export function createDemoCatalog(items: readonly CatalogItem[] = DEMO_PRODUCTS): Catalog {
  return createCatalog(items);
}
