# Scratch file: the tests type completions and snippets here.
