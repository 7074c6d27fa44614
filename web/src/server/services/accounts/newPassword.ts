import { storableString } from '../../storableText';

/** A password as every form takes it (sign-up, change, link): 8 to 200 characters, kept exactly as typed. */
export const newPasswordInput = () =>
  storableString().min(8, 'Password must be at least 8 characters').max(200, 'Password must be at most 200 characters');
