# PPPoE uplink for the end-to-end tests. Line 2 misspells "password" on purpose.
/interface pppoe-client add interface=ether1 name=pppoe-out1 user=a passwrd=b
/interface pppoe-client set pppoe-out1 add-default-route=yes
