// MUST fail tsc (scripts/consumers.js asserts both errors): kessai/jsx rejects
// a string amount and a method as a prop.
import type {} from 'kessai/jsx';

export const WrongAmount = () => <kessai-checkout amount="1980" />;
export const MethodAsProp = () => <kessai-checkout submit={() => undefined} />;
