"""Tools around the documents: template lint and plain-text rendition."""
