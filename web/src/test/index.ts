/** Test helpers shared by web's own tests and the e2e suite (`@deltalab/web/test`); nothing of the site imports them. */
export { startSmtpServer } from './smtpServer';
