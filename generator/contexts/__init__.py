"""Per document kind, the variables a template sees: figures picked and named, no arithmetic."""
