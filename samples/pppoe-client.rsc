# A PPPoE client on the ISP's VLAN, with MSS clamping and NAT. `npm run setup` lints this file.
/interface vlan
add interface=ether1 name=vlan-isp vlan-id=35
/interface pppoe-client
add add-default-route=yes disabled=no interface=vlan-isp max-mtu=1500 name=pppoe-out1 \
    user=customer@isp password=change-me use-peer-dns=yes
/ip firewall mangle
add action=change-mss chain=forward new-mss=clamp-to-pmtu out-interface=pppoe-out1 \
    protocol=tcp tcp-flags=syn passthrough=yes comment="clamp MSS to the PPPoE path MTU"
/ip firewall nat
add action=masquerade chain=srcnat out-interface=pppoe-out1
