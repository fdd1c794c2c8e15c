// Test-run commands beyond @web/test-runner-commands.
//  - ime: drives a real IME composition in Chromium through the DevTools
//    protocol (Input.imeSetComposition / Input.insertText), as an IME would.
//    Other engines answer { supported: false }: their tests dispatch
//    CompositionEvents by hand and say so.
export function imePlugin() {
  return {
    name: 'kessai-ime',
    async executeCommand({ command, payload, session }) {
      if (command !== 'ime') return undefined;
      if (!/chrom/i.test(session.browser.name) || typeof session.browser.getPage !== 'function') {
        return { supported: false };
      }
      const page = session.browser.getPage(session.id);
      const cdp = (page.__kessaiCdp ??= await page.createCDPSession());
      for (const step of payload.steps) {
        if (step.compose !== undefined) {
          await cdp.send('Input.imeSetComposition', {
            text: step.compose,
            selectionStart: step.compose.length,
            selectionEnd: step.compose.length,
          });
        } else if (step.commit !== undefined) {
          await cdp.send('Input.insertText', { text: step.commit });
        }
      }
      return { supported: true };
    },
  };
}

//  - key-chord: presses keys together (e.g. ['Control', 'v'] to paste), in
//    every engine: puppeteer holds the modifiers down; WebDriver's `keys`
//    presses the whole array as one chord (sendKeys' press cannot).
export function keyChordPlugin() {
  return {
    name: 'kessai-key-chord',
    async executeCommand({ command, payload, session }) {
      if (command !== 'key-chord') return undefined;
      const keys = payload.keys;
      if (session.browser.type === 'webdriver') {
        await session.browser.sendKeys(session.id, keys);
        return true;
      }
      const page = session.browser.getPage(session.id);
      for (const k of keys.slice(0, -1)) await page.keyboard.down(k);
      await page.keyboard.press(keys[keys.length - 1]);
      for (const k of keys.slice(0, -1).reverse()) await page.keyboard.up(k);
      return true;
    },
  };
}
