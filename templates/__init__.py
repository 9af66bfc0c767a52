"""Built-in house styles: one folder per template (memo.xml.j2, style.toml, fonts/)."""
