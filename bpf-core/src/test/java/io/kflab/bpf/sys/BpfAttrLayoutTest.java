package io.kflab.bpf.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every modelled field's offset and size against offsetof/sizeof from the uapi header of Linux 6.18 (x86-64). */
class BpfAttrLayoutTest {

    static Stream<Arguments> fields() {
        return Stream.of(
                f(BpfAttr.MAP_CREATE, "map_type", 0, 4), f(BpfAttr.MAP_CREATE, "key_size", 4, 4),
                f(BpfAttr.MAP_CREATE, "value_size", 8, 4), f(BpfAttr.MAP_CREATE, "max_entries", 12, 4),
                f(BpfAttr.MAP_CREATE, "map_flags", 16, 4), f(BpfAttr.MAP_CREATE, "inner_map_fd", 20, 4),
                f(BpfAttr.MAP_CREATE, "numa_node", 24, 4), f(BpfAttr.MAP_CREATE, "map_name", 28, 16),
                f(BpfAttr.MAP_CREATE, "map_ifindex", 44, 4), f(BpfAttr.MAP_CREATE, "btf_fd", 48, 4),
                f(BpfAttr.MAP_CREATE, "btf_key_type_id", 52, 4), f(BpfAttr.MAP_CREATE, "btf_value_type_id", 56, 4),
                f(BpfAttr.MAP_CREATE, "btf_vmlinux_value_type_id", 60, 4), f(BpfAttr.MAP_CREATE, "map_extra", 64, 8),
                f(BpfAttr.MAP_CREATE, "value_type_btf_obj_fd", 72, 4), f(BpfAttr.MAP_CREATE, "map_token_fd", 76, 4),
                f(BpfAttr.MAP_ELEM, "map_fd", 0, 4), f(BpfAttr.MAP_ELEM, "key", 8, 8),
                f(BpfAttr.MAP_ELEM, "value", 16, 8), f(BpfAttr.MAP_ELEM, "flags", 24, 8),
                f(BpfAttr.PROG_LOAD, "prog_type", 0, 4), f(BpfAttr.PROG_LOAD, "insn_cnt", 4, 4),
                f(BpfAttr.PROG_LOAD, "insns", 8, 8), f(BpfAttr.PROG_LOAD, "license", 16, 8),
                f(BpfAttr.PROG_LOAD, "log_level", 24, 4), f(BpfAttr.PROG_LOAD, "log_size", 28, 4),
                f(BpfAttr.PROG_LOAD, "log_buf", 32, 8), f(BpfAttr.PROG_LOAD, "kern_version", 40, 4),
                f(BpfAttr.PROG_LOAD, "prog_flags", 44, 4), f(BpfAttr.PROG_LOAD, "prog_name", 48, 16),
                f(BpfAttr.PROG_LOAD, "prog_ifindex", 64, 4), f(BpfAttr.PROG_LOAD, "expected_attach_type", 68, 4),
                f(BpfAttr.PROG_LOAD, "prog_btf_fd", 72, 4), f(BpfAttr.PROG_LOAD, "func_info_rec_size", 76, 4),
                f(BpfAttr.PROG_LOAD, "func_info", 80, 8), f(BpfAttr.PROG_LOAD, "func_info_cnt", 88, 4),
                f(BpfAttr.PROG_LOAD, "line_info_rec_size", 92, 4), f(BpfAttr.PROG_LOAD, "line_info", 96, 8),
                f(BpfAttr.PROG_LOAD, "line_info_cnt", 104, 4), f(BpfAttr.PROG_LOAD, "attach_btf_id", 108, 4),
                f(BpfAttr.PROG_LOAD, "attach_prog_fd", 112, 4), f(BpfAttr.PROG_LOAD, "core_relo_cnt", 116, 4),
                f(BpfAttr.PROG_LOAD, "fd_array", 120, 8), f(BpfAttr.PROG_LOAD, "core_relos", 128, 8),
                f(BpfAttr.PROG_LOAD, "core_relo_rec_size", 136, 4), f(BpfAttr.PROG_LOAD, "log_true_size", 140, 4),
                f(BpfAttr.PROG_LOAD, "prog_token_fd", 144, 4), f(BpfAttr.PROG_LOAD, "fd_array_cnt", 148, 4),
                f(BpfAttr.PROG_TEST_RUN, "prog_fd", 0, 4), f(BpfAttr.PROG_TEST_RUN, "retval", 4, 4),
                f(BpfAttr.PROG_TEST_RUN, "data_size_in", 8, 4), f(BpfAttr.PROG_TEST_RUN, "data_size_out", 12, 4),
                f(BpfAttr.PROG_TEST_RUN, "data_in", 16, 8), f(BpfAttr.PROG_TEST_RUN, "data_out", 24, 8),
                f(BpfAttr.PROG_TEST_RUN, "repeat", 32, 4), f(BpfAttr.PROG_TEST_RUN, "duration", 36, 4),
                f(BpfAttr.PROG_TEST_RUN, "ctx_size_in", 40, 4), f(BpfAttr.PROG_TEST_RUN, "ctx_size_out", 44, 4),
                f(BpfAttr.PROG_TEST_RUN, "ctx_in", 48, 8), f(BpfAttr.PROG_TEST_RUN, "ctx_out", 56, 8),
                f(BpfAttr.PROG_TEST_RUN, "flags", 64, 4), f(BpfAttr.PROG_TEST_RUN, "cpu", 68, 4),
                f(BpfAttr.PROG_TEST_RUN, "batch_size", 72, 4),
                f(BpfAttr.OBJ_GET_INFO, "bpf_fd", 0, 4), f(BpfAttr.OBJ_GET_INFO, "info_len", 4, 4),
                f(BpfAttr.OBJ_GET_INFO, "info", 8, 8),
                f(BpfAttr.BTF_LOAD, "btf", 0, 8), f(BpfAttr.BTF_LOAD, "btf_log_buf", 8, 8),
                f(BpfAttr.BTF_LOAD, "btf_size", 16, 4), f(BpfAttr.BTF_LOAD, "btf_log_size", 20, 4),
                f(BpfAttr.BTF_LOAD, "btf_log_level", 24, 4), f(BpfAttr.BTF_LOAD, "btf_log_true_size", 28, 4),
                f(BpfAttr.LINK_CREATE, "prog_fd", 0, 4), f(BpfAttr.LINK_CREATE, "target_fd", 4, 4),
                f(BpfAttr.LINK_CREATE, "attach_type", 8, 4), f(BpfAttr.LINK_CREATE, "flags", 12, 4),
                f(BpfAttr.LINK_CREATE, "target_btf_id", 16, 4), f(BpfAttr.LINK_CREATE, "cookie", 24, 8),
                f(BpfAttr.LINK_UPDATE, "link_fd", 0, 4), f(BpfAttr.LINK_UPDATE, "new_prog_fd", 4, 4),
                f(BpfAttr.LINK_UPDATE, "flags", 8, 4), f(BpfAttr.LINK_UPDATE, "old_prog_fd", 12, 4),
                f(BpfAttr.LINK_DETACH, "link_fd", 0, 4),
                f(BpfAttr.GET_ID, "start_id", 0, 4), f(BpfAttr.GET_ID, "next_id", 4, 4),
                f(BpfAttr.GET_ID, "open_flags", 8, 4),
                f(BpfInfoLayout.PROG_INFO, "type", 0, 4), f(BpfInfoLayout.PROG_INFO, "id", 4, 4),
                f(BpfInfoLayout.PROG_INFO, "tag", 8, 8), f(BpfInfoLayout.PROG_INFO, "jited_prog_len", 16, 4),
                f(BpfInfoLayout.PROG_INFO, "xlated_prog_len", 20, 4), f(BpfInfoLayout.PROG_INFO, "jited_prog_insns", 24, 8),
                f(BpfInfoLayout.PROG_INFO, "xlated_prog_insns", 32, 8), f(BpfInfoLayout.PROG_INFO, "load_time", 40, 8),
                f(BpfInfoLayout.PROG_INFO, "created_by_uid", 48, 4), f(BpfInfoLayout.PROG_INFO, "nr_map_ids", 52, 4),
                f(BpfInfoLayout.PROG_INFO, "map_ids", 56, 8), f(BpfInfoLayout.PROG_INFO, "name", 64, 16),
                f(BpfInfoLayout.PROG_INFO, "ifindex", 80, 4), f(BpfInfoLayout.PROG_INFO, "netns_dev", 88, 8),
                f(BpfInfoLayout.PROG_INFO, "netns_ino", 96, 8), f(BpfInfoLayout.PROG_INFO, "nr_jited_ksyms", 104, 4),
                f(BpfInfoLayout.PROG_INFO, "nr_jited_func_lens", 108, 4), f(BpfInfoLayout.PROG_INFO, "jited_ksyms", 112, 8),
                f(BpfInfoLayout.PROG_INFO, "jited_func_lens", 120, 8), f(BpfInfoLayout.PROG_INFO, "btf_id", 128, 4),
                f(BpfInfoLayout.PROG_INFO, "func_info_rec_size", 132, 4), f(BpfInfoLayout.PROG_INFO, "func_info", 136, 8),
                f(BpfInfoLayout.PROG_INFO, "nr_func_info", 144, 4), f(BpfInfoLayout.PROG_INFO, "nr_line_info", 148, 4),
                f(BpfInfoLayout.PROG_INFO, "line_info", 152, 8), f(BpfInfoLayout.PROG_INFO, "jited_line_info", 160, 8),
                f(BpfInfoLayout.PROG_INFO, "nr_jited_line_info", 168, 4), f(BpfInfoLayout.PROG_INFO, "line_info_rec_size", 172, 4),
                f(BpfInfoLayout.PROG_INFO, "jited_line_info_rec_size", 176, 4), f(BpfInfoLayout.PROG_INFO, "nr_prog_tags", 180, 4),
                f(BpfInfoLayout.PROG_INFO, "prog_tags", 184, 8), f(BpfInfoLayout.PROG_INFO, "run_time_ns", 192, 8),
                f(BpfInfoLayout.PROG_INFO, "run_cnt", 200, 8), f(BpfInfoLayout.PROG_INFO, "recursion_misses", 208, 8),
                f(BpfInfoLayout.PROG_INFO, "verified_insns", 216, 4), f(BpfInfoLayout.PROG_INFO, "attach_btf_obj_id", 220, 4),
                f(BpfInfoLayout.PROG_INFO, "attach_btf_id", 224, 4),
                f(BpfInfoLayout.MAP_INFO, "type", 0, 4), f(BpfInfoLayout.MAP_INFO, "id", 4, 4),
                f(BpfInfoLayout.MAP_INFO, "key_size", 8, 4), f(BpfInfoLayout.MAP_INFO, "value_size", 12, 4),
                f(BpfInfoLayout.MAP_INFO, "max_entries", 16, 4), f(BpfInfoLayout.MAP_INFO, "map_flags", 20, 4),
                f(BpfInfoLayout.MAP_INFO, "name", 24, 16), f(BpfInfoLayout.MAP_INFO, "ifindex", 40, 4),
                f(BpfInfoLayout.MAP_INFO, "btf_vmlinux_value_type_id", 44, 4), f(BpfInfoLayout.MAP_INFO, "netns_dev", 48, 8),
                f(BpfInfoLayout.MAP_INFO, "netns_ino", 56, 8), f(BpfInfoLayout.MAP_INFO, "btf_id", 64, 4),
                f(BpfInfoLayout.MAP_INFO, "btf_key_type_id", 68, 4), f(BpfInfoLayout.MAP_INFO, "btf_value_type_id", 72, 4),
                f(BpfInfoLayout.MAP_INFO, "btf_vmlinux_id", 76, 4), f(BpfInfoLayout.MAP_INFO, "map_extra", 80, 8),
                f(BpfInfoLayout.MAP_INFO, "hash", 88, 8), f(BpfInfoLayout.MAP_INFO, "hash_size", 96, 4),
                f(BpfInfoLayout.LINK_INFO, "type", 0, 4), f(BpfInfoLayout.LINK_INFO, "id", 4, 4),
                f(BpfInfoLayout.LINK_INFO, "prog_id", 8, 4), f(BpfInfoLayout.LINK_INFO, "detail", 16, 48));
    }

    private static Arguments f(StructLayout layout, String field, long offset, long size) {
        return Arguments.of(layout.name().orElse(""), layout, field, offset, size);
    }

    @ParameterizedTest(name = "{2} at {3}, {4} bytes")
    @MethodSource("fields")
    void fieldMatchesHeader(String ignored, StructLayout layout, String field, long offset, long size) {
        MemoryLayout.PathElement p = MemoryLayout.PathElement.groupElement(field);
        assertEquals(offset, layout.byteOffset(p), field + " offset");
        assertEquals(size, layout.select(p).byteSize(), field + " size");
    }

    @Test
    void attrSizesEndAtTheLastFilledField() {
        assertEquals(80, BpfAttr.MAP_CREATE.byteSize());
        assertEquals(32, BpfAttr.MAP_ELEM.byteSize());
        assertEquals(152, BpfAttr.PROG_LOAD.byteSize());
        assertEquals(76, BpfAttr.PROG_TEST_RUN.byteSize());
        assertEquals(16, BpfAttr.OBJ_GET_INFO.byteSize());
        assertEquals(32, BpfAttr.BTF_LOAD.byteSize());
        assertEquals(32, BpfAttr.LINK_CREATE.byteSize());
        assertEquals(16, BpfAttr.LINK_UPDATE.byteSize());
        assertEquals(4, BpfAttr.LINK_DETACH.byteSize());
    }

    @Test
    void infoStructSizesMatchSizeof() {
        assertEquals(232, BpfInfoLayout.PROG_INFO.byteSize());
        assertEquals(104, BpfInfoLayout.MAP_INFO.byteSize());
        assertEquals(64, BpfInfoLayout.LINK_INFO.byteSize());
    }
}
