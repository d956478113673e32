/** Catalogs built from kernel source trees: scan records interpreted as kfunc sets, registrations and filters. */
package io.kflab.catalog.source;
