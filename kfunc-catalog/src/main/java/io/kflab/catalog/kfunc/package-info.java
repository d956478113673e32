/** kfuncs, prototypes, argument suffixes, KF_* flags and bits, kfunc sets, renames and polymorphic families. */
package io.kflab.catalog.kfunc;
