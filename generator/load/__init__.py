"""Reading YAML with the position of every value, and the code catalogues of data/common."""
