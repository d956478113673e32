package io.kflab.cli;

import io.kflab.catalog.CatalogSources;

/** Connects design files (.kfl) to the catalog sources their bases come from. */
final class CatalogDesigns {
    private CatalogDesigns() {}

    static CatalogSources wire(CatalogSources sources) {
        return sources;
    }
}
