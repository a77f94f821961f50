"""zhpress: messy Chinese news text in, clean versioned Parquet datasets out."""
