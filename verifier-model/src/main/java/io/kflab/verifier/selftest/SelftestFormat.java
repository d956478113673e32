package io.kflab.verifier.selftest;

/** Which harness a selftest belongs to: progs/verifier_*.c run by test_loader.c, or verifier/*.c run by test_verifier.c. */
public enum SelftestFormat {
    /** Annotated C programs (kernel: test_progs -t verifier, test_loader.c). */
    TEST_LOADER,
    /** struct bpf_test initialisers (kernel: test_verifier.c). */
    TEST_VERIFIER
}
