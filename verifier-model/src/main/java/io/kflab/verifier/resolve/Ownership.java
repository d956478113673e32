package io.kflab.verifier.resolve;

/** Whether a program owns a pointer argument (kernel: reg->ref_obj_id != 0, e.g. a {@code __ref} stub argument) or only borrows it. */
public enum Ownership { REFERENCED, BORROWED }
