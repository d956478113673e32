/** Building a catalog from a kernel's BTF. */
package io.kflab.catalog.btf;
