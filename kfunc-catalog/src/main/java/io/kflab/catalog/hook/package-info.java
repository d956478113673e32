/** Kfunc hooks, the per-version hook table and set registrations. */
package io.kflab.catalog.hook;
