# SYNTAX TEST "source.routeros" "flag-style parameters (a name without =value)"
/routing table add name=to_wan1 fib
#                  ^^^^ variable.parameter.routeros
#                       ^^^^^^^ string.unquoted.routeros
#                               ^^^ variable.parameter.flag.routeros - string.unquoted.routeros
/ip route add dst-address=9.9.9.9/32 blackhole distance=250
#                                    ^^^^^^^^^ variable.parameter.flag.routeros - string.unquoted.routeros
#                                              ^^^^^^^^ variable.parameter.routeros
/routing table
add name=to_wan2 fib
#                ^^^ variable.parameter.flag.routeros
/interface print detail without-paging where dynamic
#                ^^^^^^ variable.parameter.flag.routeros
#                       ^^^^^^^^^^^^^^ variable.parameter.flag.routeros
#                                      ^^^^^ keyword.other.where.routeros
#                                            ^^^^^^^ - variable.parameter.flag.routeros
/export compact file=backup
#       ^^^^^^^ variable.parameter.flag.routeros
#                    ^^^^^^ string.unquoted.routeros
:put [/interface find disabled]
#                     ^^^^^^^^ variable.parameter.flag.routeros
/ip route add dst-address=1.2.3.4 \
    blackhole
#   ^^^^^^^^^ variable.parameter.flag.routeros
# A value after `name=\` on the next line (exports wrap anywhere) is a value, not a flag.
/interface l2tp-client add connect-to=vpn.example.com name=\
    l2tp-out1 use-ipsec=yes
#   ^^^^^^^^^ string.unquoted.routeros - variable.parameter.flag.routeros
#             ^^^^^^^^^ variable.parameter.routeros
# Negated values stay values; positional values of other commands stay values.
/ip firewall filter add in-interface-list=!LAN tcp-flags=syn,!ack
#                                          ^^^ string.unquoted.routeros - variable.parameter.flag.routeros
#                                                             ^^^ string.unquoted.routeros - variable.parameter.flag.routeros
/interface pppoe-client set pppoe-out1 disabled=no
#                           ^^^^^^^^^^ string.unquoted.routeros - variable.parameter.flag.routeros
:log info starting
#         ^^^^^^^^ string.unquoted.routeros - variable.parameter.flag.routeros
