/* Fixture written for kflab's scanner tests (not kernel code). */
BTF_ID_FLAGS(func, lonely)

BTF_KFUNCS_START(odd_ids)
BTF_ID_FLAGS(func, ok_one)
BTF_ID_FLAGS(func, bad_flags, KF_A + 1)
SOME_LIST_MACRO
BTF_ID_FLAGS(type, not_func)
BTF_KFUNCS_END(other_ids)

BTF_KFUNCS_END(never_started)

#endif
static void f(void) { register_btf_kfunc_id_set(BPF_PROG_TYPE_XDP, make_set()); }

BTF_KFUNCS_START(unclosed_ids)
BTF_ID_FLAGS(func, in_unclosed)
