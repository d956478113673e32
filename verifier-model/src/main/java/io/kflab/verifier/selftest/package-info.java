/**
 * The kernel's BPF verifier selftests (tools/testing/selftests/bpf: progs/verifier_*.c, run by
 * test_loader.c, and verifier/*.c, run by test_verifier.c) imported as data: a C-subset parser,
 * the instruction macros, map fixups, and a runner that loads each case on the running kernel.
 */
package io.kflab.verifier.selftest;
