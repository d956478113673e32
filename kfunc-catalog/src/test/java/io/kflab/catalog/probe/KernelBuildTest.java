package io.kflab.catalog.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KernelBuildTest {
    private static byte[] note(String name, int type, byte[] desc) {
        byte[] n = (name + "\0").getBytes(StandardCharsets.US_ASCII);
        int nlen = (n.length + 3) & ~3, dlen = (desc.length + 3) & ~3;
        ByteBuffer b = ByteBuffer.allocate(12 + nlen + dlen).order(ByteOrder.nativeOrder());
        b.putInt(n.length).putInt(desc.length).putInt(type).put(n).position(12 + nlen);
        b.put(desc);
        return b.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void findsTheGnuBuildIdAfterOtherNotes() {
        byte[] blob = concat(note("Linux", 6, new byte[]{1, 2, 3}), note("GNU", 3, new byte[]{(byte) 0xde, (byte) 0xad, 0x01}));
        assertThat(KernelBuild.gnuBuildId(blob)).contains("dead01");
    }

    @Test
    void ignoresOtherTypesAndOwners() {
        assertThat(KernelBuild.gnuBuildId(note("GNU", 1, new byte[]{1}))).isEmpty();
        assertThat(KernelBuild.gnuBuildId(note("Xen", 3, new byte[]{1}))).isEmpty();
    }

    @Test
    void truncatedNotesAreNoBuildId() {
        byte[] blob = note("GNU", 3, new byte[20]);
        assertThat(KernelBuild.gnuBuildId(java.util.Arrays.copyOf(blob, blob.length - 8))).isEmpty();
    }

    @Test
    void currentIsUsableAsAFileName() {
        KernelBuild b = KernelBuild.current();
        assertThat(b.buildId()).matches("[A-Za-z0-9._-]+");
        assertThat(b.release()).isNotBlank();
    }
}
