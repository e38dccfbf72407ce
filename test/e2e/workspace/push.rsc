# Pushed by the UI tests to the stand-in router, which answers that line 3 already exists.
/interface bridge add name=bridge-lan
/interface bridge add name=bridge-guest
/ip address add address=192.168.88.1/24 interface=bridge-lan
