/** Kfunc filters as data: rules "kfuncs K allowed only when P" over the calling context, and loading them from resources. */
package io.kflab.catalog.filter;
