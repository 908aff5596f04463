/**
 * Test infrastructure of the API suite: its backing services (test-support's plus GreenMail),
 * test users, mail reading, event listening and the headless browser.
 */
package dev.maestro.it.support;
