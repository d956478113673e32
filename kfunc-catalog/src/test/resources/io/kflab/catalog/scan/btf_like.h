/* Fixture written for kflab's scanner tests (not kernel code). */
#ifndef _FIXTURE_BTF_H
#define _FIXTURE_BTF_H 1

#define KF_ALPHA	(1 << 0) /* first */
#define KF_BETA   (1 << 1)
#define KF_GAMMA	(1 << 12)
#define KF_DELTA	BIT(13)
#define KF_NOT_A_FLAG	"text"

int register_btf_kfunc_id_set(enum bpf_prog_type prog_type,
			      const struct btf_kfunc_id_set *s);
int register_btf_fmodret_id_set(const struct btf_kfunc_id_set *kset);

#ifdef CONFIG_FIXTURE
static inline int fixture_only(void) { return 0; }
#endif
#endif /* _FIXTURE_BTF_H */
