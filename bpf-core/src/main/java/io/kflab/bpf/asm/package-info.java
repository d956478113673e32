/**
 * Text forms of BPF programs: the kernel verifier log's instruction syntax (disassembler), and
 * the LLVM BPF assembly of the kernel selftests (ANTLR4 assembler and its printer).
 */
package io.kflab.bpf.asm;
