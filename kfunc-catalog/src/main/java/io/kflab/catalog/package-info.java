/**
 * The kfunc catalog (kernel: kfunc sets, {@code BTF_ID_FLAGS}, {@code register_btf_kfunc_id_set},
 * hooks and filters): {@link io.kflab.catalog.Catalog} with overlay/merge and
 * {@link io.kflab.catalog.CatalogQueries} (list, show, matrix). See docs/catalog-model.md.
 */
package io.kflab.catalog;
