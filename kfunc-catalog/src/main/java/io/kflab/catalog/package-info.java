/**
 * The kfunc catalog (kernel: kfunc sets, {@code BTF_ID_FLAGS}, {@code register_btf_kfunc_id_set},
 * hooks and filters). Content arrives with the catalog issue.
 */
package io.kflab.catalog;
