/** Predicted callability of kfuncs per calling context (the kernel's lookup order), the matrix and its default columns. */
package io.kflab.catalog.matrix;
