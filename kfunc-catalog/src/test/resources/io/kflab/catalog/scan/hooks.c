/* Fixture written for kflab's scanner tests (not kernel code). */
static bool is_arg_size(const struct btf *btf, const struct btf_param *arg)
{
	return btf_param_match_suffix(btf, arg, "__sz");
}

static bool is_arg_const(const struct btf *btf, const struct btf_param *arg)
{
	return btf_param_match_suffix(btf, arg, "__k");
}

static bool old_style(const char *name)
{
	int n = sizeof("__old") - 1;
	return n > sizeof("not a suffix");
}

static int bpf_prog_type_to_kfunc_hook(enum bpf_prog_type prog_type)
{
	switch (prog_type) {
	case BPF_PROG_TYPE_UNSPEC:
		return BTF_KFUNC_HOOK_COMMON;
	case BPF_PROG_TYPE_TRACING:
	case BPF_PROG_TYPE_LSM:
		return BTF_KFUNC_HOOK_TRACING;
	default:
		return BTF_KFUNC_HOOK_MAX;
	}
}

static int lookup(enum bpf_prog_type t)
{
	return bpf_prog_type_to_kfunc_hook(t);
}
