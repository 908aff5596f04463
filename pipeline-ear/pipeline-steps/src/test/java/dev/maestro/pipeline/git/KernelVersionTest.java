package dev.maestro.pipeline.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.FixtureRepo;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KernelVersionTest {

    @Test
    void readsTheFixtureMakefile() {
        KernelVersion v = KernelVersion.fromMakefile(FixtureRepo.MAKEFILE).orElseThrow();
        assertThat(v).isEqualTo(new KernelVersion(6, 1, Optional.of(0), "", "Toy Tree"));
        assertThat(v.toMap()).isEqualTo(Map.of("version", 6, "patchlevel", 1, "sublevel", 0, "extra", "", "name", "Toy Tree"));
    }

    @Test
    void readsARealKernelHeaderWithExtraversion() {
        String makefile = """
                # SPDX-License-Identifier: GPL-2.0
                VERSION = 6
                PATCHLEVEL = 12
                SUBLEVEL = 0
                EXTRAVERSION = -rc3
                NAME = Baby Opossum Posse

                # *DOCUMENTATION*
                # To see a list of typical targets execute "make help"
                VERSION = 99
                """;
        KernelVersion v = KernelVersion.fromMakefile(makefile).orElseThrow();
        assertThat(v.version()).isEqualTo(6);
        assertThat(v.patchlevel()).isEqualTo(12);
        assertThat(v.extra()).isEqualTo("-rc3");
        assertThat(v.name()).isEqualTo("Baby Opossum Posse");
    }

    @Test
    void acceptsOtherAssignmentOperatorsAndABlankSublevel() {
        KernelVersion v = KernelVersion.fromMakefile("VERSION := 5\nPATCHLEVEL ?= 4\nSUBLEVEL =\n").orElseThrow();
        assertThat(v.sublevel()).isEmpty();
        assertThat(v.toMap()).doesNotContainKey("sublevel");
    }

    @Test
    void isEmptyForMakefilesThatAreNotAKernels() {
        assertThat(KernelVersion.fromMakefile("all:\n\tcc -o hello hello.c\n")).isEmpty();
        assertThat(KernelVersion.fromMakefile("VERSION = 6\n")).isEmpty();
        assertThat(KernelVersion.fromMakefile("VERSION = six\nPATCHLEVEL = 1\n")).isEmpty();
        assertThat(KernelVersion.fromMakefile("  VERSION = 6\nPATCHLEVEL = 1\n")).isEmpty();
    }
}
