"""Read an article from a file or stdin: bytes, decoding, sanitising, one reader per format."""
