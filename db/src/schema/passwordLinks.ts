import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { passwordLinkPurpose } from './enums';
import { users } from './users';

/**
 * One-time links to set a password: an administrator's first (create-admin), or a reset issued by an administrator or
 * an instructor. Valid until `expiresAt`, once; issuing a new one for the account ends the older ones.
 */
export const passwordLinks = pgTable(
  'password_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: passwordLinkPurpose('purpose').notNull(),
    /** SHA-256 of the link's secret (the secret is only in the link). */
    tokenHash: text('token_hash').notNull().unique('password_links_token_unique'),
    /** Who issued it; null: the command line (create-admin). */
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** When it was used, or ended by a newer link: a link works once. */
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('password_links_user_idx').on(t.userId)],
);

export type PasswordLink = typeof passwordLinks.$inferSelect;
