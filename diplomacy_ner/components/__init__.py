"""The pipeline's own components, one module each, registered as spaCy factories."""
