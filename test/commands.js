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
