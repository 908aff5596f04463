/**
 * The settings that mean the same to the API and to the pipeline (the backing services, the
 * CloudEvents envelope, the token key pair and issuer, the SMTP server), each read here once with
 * its default, from whatever configuration the deployable has. Depends on {@code event} and
 * {@code mail} (for their settings records).
 */
package dev.maestro.settings;
