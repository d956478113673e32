/** Predicted callability (from catalog facts) against the callability measured by probing the running kernel. */
package io.kflab.catalog.compare;
