import { css } from 'lit';

/**
 * Chain colours (not logos): an element with the store id as class gets
 * `--kessai-chain-band`, a band of the chain's colours to paint a swatch or
 * stripe with. Class-based, so no style binding is needed (strict CSP).
 */
export const konbiniColorStyles = css`
  .seven-eleven {
    --kessai-chain-band: linear-gradient(#f58220 0 33%, #008c45 33% 67%, #e60012 67%);
  }
  .familymart {
    --kessai-chain-band: linear-gradient(#00a040 0 50%, #0068b7 50%);
  }
  .lawson {
    --kessai-chain-band: linear-gradient(#005bac, #005bac);
  }
  .ministop {
    --kessai-chain-band: linear-gradient(#ffd800 0 60%, #004da0 60%);
  }
  .daily-yamazaki {
    --kessai-chain-band: linear-gradient(#e50012 0 70%, #ffb800 70%);
  }
  .seicomart {
    --kessai-chain-band: linear-gradient(#f39800 0 70%, #d7000f 70%);
  }
  .unknown-chain {
    --kessai-chain-band: linear-gradient(#8a8a8a, #8a8a8a);
  }
`;
