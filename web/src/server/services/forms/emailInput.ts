import { storableString } from '../../storableText';

/** An email address as every form takes it: trimmed, lower-cased (as the users table keeps it), checked. */
export const emailInput = () =>
  storableString()
    .trim()
    .toLowerCase()
    .min(1, 'Enter an email address')
    .max(254, 'An email address is at most 254 characters')
    .email('Enter a valid email address, like name@example.com');
