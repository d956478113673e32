/** struct_ops types, their members, sleepability and per-member context classes. */
package io.kflab.catalog.structops;
