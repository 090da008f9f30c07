"""Step 1 models: CBS key figures per region (``kerncijfers``) and the wijktoets itself."""
