# Slash-separated paths are RouterOS v7 syntax: with the target version 6.49, line 2 is an error.
/ip/address/print
# Line 4 is an error for every version: the tests wait for it to know the file has been checked.
:probe
