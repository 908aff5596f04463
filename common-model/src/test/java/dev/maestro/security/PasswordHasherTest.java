package dev.maestro.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Our own hashes, and the hashes KernelCI's Python API wrote (made with the Python bcrypt and argon2-cffi). */
class PasswordHasherTest {
    /** {@code bcrypt.hashpw(b's3cret', bcrypt.gensalt(12))} with Python bcrypt 5.0.0. */
    private static final String PYTHON_BCRYPT = "$2b$12$z1jt/v5jrMwyS9orheh1/.610XIIt5oCW/sObb4cB.pPwiBnSjg9K";
    /** {@code argon2.PasswordHasher().hash('s3cret')} with argon2-cffi 25.1.0 (fastapi-users' newer default). */
    private static final String PYTHON_ARGON2 =
            "$argon2id$v=19$m=65536,t=3,p=4$UeyYPsWDYqoAlgLPPNq3HA$xbZoMBhiy7D1QF9uwnEIURybuM4twuuR2WcRTrTaE8A";

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void ownHashesVerifyAndNeedNoRehash() {
        String hash = hasher.hash("s3cret");
        assertThat(hasher.verify("s3cret", hash)).isTrue();
        assertThat(hasher.verify("wrong", hash)).isFalse();
        assertThat(hasher.needsRehash(hash)).isFalse();
    }

    @Test
    void kernelciBcryptHashesVerifyAndAskForARehash() {
        assertThat(hasher.verify("s3cret", PYTHON_BCRYPT)).isTrue();
        assertThat(hasher.verify("s3cret!", PYTHON_BCRYPT)).isFalse();
        assertThat(hasher.verify("s3cret", PYTHON_BCRYPT.replace("$2b$", "$2a$"))).isTrue();
        assertThat(hasher.needsRehash(PYTHON_BCRYPT)).isTrue();
    }

    @Test
    void kernelciArgon2HashesVerifyAndAskForARehash() {
        assertThat(hasher.verify("s3cret", PYTHON_ARGON2)).isTrue();
        assertThat(hasher.verify("S3cret", PYTHON_ARGON2)).isFalse();
        assertThat(hasher.needsRehash(PYTHON_ARGON2)).isTrue();
    }

    @Test
    void malformedHashesDoNotMatch() {
        assertThat(hasher.verify("s3cret", "$2b$12$short")).isFalse();
        assertThat(hasher.verify("s3cret", "$argon2id$v=19$m=x")).isFalse();
        assertThat(hasher.verify("s3cret", "plain")).isFalse();
    }
}
