/** Provenance of catalog facts: every kfunc, set, registration, filter and struct_ops fact names its {@link io.kflab.catalog.provenance.Source sources}. */
package io.kflab.catalog.provenance;
