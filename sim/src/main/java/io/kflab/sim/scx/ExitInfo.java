package io.kflab.sim.scx;

/**
 * Why a BPF scheduler stopped (kernel: struct scx_exit_info): the kind, the user exit code, the
 * reason text and the message, and the debug dump for error kinds.
 */
public record ExitInfo(Kind kind, long exitCode, String reason, String message, String dump) {
    /** enum scx_exit_kind. */
    public enum Kind {
        NONE(0), DONE(1), UNREG(64), UNREG_BPF(65), UNREG_KERN(66), SYSRQ(67), ERROR(1024), ERROR_BPF(1025), ERROR_STALL(1026);

        public final int value;

        Kind(int value) {
            this.value = value;
        }

        public boolean isError() {
            return value >= 1024;
        }

        /** The reason string the kernel logs (kernel: scx_exit_reason). */
        public String reason() {
            return switch (this) {
                case UNREG -> "unregistered from user space";
                case UNREG_BPF -> "unregistered from BPF";
                case UNREG_KERN -> "unregistered from the main kernel";
                case SYSRQ -> "disabled by sysrq-S";
                case ERROR -> "runtime error";
                case ERROR_BPF -> "scx_bpf_error";
                case ERROR_STALL -> "runnable task stall";
                default -> "<UNKNOWN>";
            };
        }
    }
}
