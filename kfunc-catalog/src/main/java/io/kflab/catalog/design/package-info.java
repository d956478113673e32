/**
 * Turning a loaded catalog design ({@code .kfl}, package {@code io.kflab.catalog.dsl}) into a
 * {@link io.kflab.catalog.Catalog} overlaid on its base: {@link io.kflab.catalog.design.DesignCatalogs}.
 */
package io.kflab.catalog.design;
