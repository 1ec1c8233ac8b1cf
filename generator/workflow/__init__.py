"""The jobs a command runs: discover and generate, batches, new-year scaffolds, PDF export."""
