package io.kflab.verifier.structops;

import io.kflab.bpf.sys.Errno;

/** What a subsystem's {@code init_member} callback answered for one member (kernel: its int return). */
public sealed interface InitMember {
    /** 0: not handled; the generic code deals with the member (function: program fd; data: must be zero). */
    record NotHandled() implements InitMember {}

    /** &gt; 0: the subsystem copied the member into kdata itself (e.g. tcp's name and flags). */
    record Handled() implements InitMember {}

    /** &lt; 0: the update fails with this errno. */
    record Failed(Errno errno) implements InitMember {}

    /** The shared NotHandled answer. */
    InitMember NOT_HANDLED = new NotHandled();
    /** The shared Handled answer. */
    InitMember HANDLED = new Handled();
}
