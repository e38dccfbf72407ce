# Only a command tree loaded from a router knows every parameter of /system identity: then line 2 is an error.
/system identity set nme=router1
# Line 4 is an error for every version: the tests wait for it to know the file has been checked.
:probe
