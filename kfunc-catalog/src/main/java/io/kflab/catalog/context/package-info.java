/** Calling contexts (program type, attach type, struct_ops member, sleepable) and predicates over them. */
package io.kflab.catalog.context;
