import { fieldStyles } from '../shared/field.styles.js';

export const contactFieldsStyles = [fieldStyles];
