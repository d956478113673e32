package io.kflab.verifier.structops;

/** The kernel's object-name copy (kernel: bpf_obj_name_cpy): letters, digits, '_' and '.', NUL within the size. */
final class ObjName {
    private ObjName() {}

    /**
     * Copies the name at {@code off} of {@code src} into {@code dst} (zero-filled first).
     *
     * @return the name's length, or -1 for a bad character or no NUL within {@code size} bytes (EINVAL)
     */
    static int copy(byte[] dst, byte[] src, int off, int size) {
        java.util.Arrays.fill(dst, off, off + size, (byte) 0);
        int i = 0;
        while (i < size && src[off + i] != 0) {
            int c = src[off + i] & 0xff;
            if (!isAlnum(c) && c != '_' && c != '.') return -1;
            dst[off + i] = src[off + i];
            i++;
        }
        return i == size ? -1 : i;
    }

    /** kernel: isalnum of lib/ctype.c, which counts the Latin-1 letters too. */
    static boolean isAlnum(int c) {
        if (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') return true;
        return c >= 0xc0 && c != 0xd7 && c != 0xf7;
    }
}
