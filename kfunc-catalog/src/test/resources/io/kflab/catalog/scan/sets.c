// Fixture written for kflab's scanner tests (not kernel code).
#include <linux/btf_ids.h>

__bpf_kfunc_start_defs();

__bpf_kfunc struct widget *
widget_get(struct widget_pool *pool,
	   u32 id__k, void *buf__sz_unused, int (*cb)(void *ctx, int n))
{
	return NULL;
}

__bpf_kfunc __must_check const char *widget_name(const struct widget *w__nullable) { return "w"; }

__bpf_kfunc void widget_put(struct widget *w);

__bpf_kfunc_end_defs();

BTF_KFUNCS_START(widget_ids)
BTF_ID_FLAGS(func, widget_get, KF_ACQUIRE | KF_RET_NULL)
BTF_ID_FLAGS(func, widget_put, KF_RELEASE)
#ifdef CONFIG_WIDGET_NAMES
BTF_ID_FLAGS(func, widget_name)
#else
BTF_ID_FLAGS(func, widget_noname, KF_SLEEPABLE)
#endif /* CONFIG_WIDGET_NAMES */
#if IS_ENABLED(CONFIG_WIDGET_X) || \
    defined(CONFIG_WIDGET_Y)
BTF_ID_FLAGS(func, widget_xy, KF_TRUSTED_ARGS|KF_RCU)
#elif defined(CONFIG_WIDGET_Z) && defined(CONFIG_NET)
BTF_ID_FLAGS(func, widget_z)
#endif
BTF_KFUNCS_END(widget_ids)

BTF_SET8_START(old_ids)
BTF_ID_FLAGS(func, old_one)
BTF_SET8_END(old_ids)

static int widget_filter(const struct bpf_prog *prog, u32 kfunc_id)
{
	return 0;
}

static const struct btf_kfunc_id_set widget_set = {
	.owner = THIS_MODULE,
	.set   = &widget_ids,
	.filter = widget_filter,
};

static const struct btf_kfunc_id_set old_set = { .owner = THIS_MODULE, .set = &old_ids };

static int __init widget_init(void)
{
	int ret;
	enum bpf_prog_type t = BPF_PROG_TYPE_XDP;

	ret = register_btf_kfunc_id_set(BPF_PROG_TYPE_TRACING, &widget_set);
	ret = ret ?: register_btf_kfunc_id_set(t, &widget_set);
	if ((ret = register_btf_kfunc_id_set(WIDGET_PROG_TYPE(1),
					     &widget_set)))
		return ret;
	return register_btf_fmodret_id_set(&old_set);
}
