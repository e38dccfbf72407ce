# SYNTAX TEST "source.routeros" "literal values"
:put 42; :put 0xFF; :put 1000-2000
#    ^^ constant.numeric.integer.routeros
#             ^^^^ constant.numeric.hex.routeros
#                        ^^^^^^^^^ constant.numeric.range.routeros
/ip address add address=10.0.0.1/24 network=10.1
#                       ^^^^^^^^^^^ constant.numeric.ipv4.routeros
#                                           ^^^^ constant.numeric.ipv4.routeros
/ip route add dst-address=10.0.0.0/8 gateway=pppoe-wan1,8.8.8.8
#                         ^^^^^^^^^^ constant.numeric.ipv4.routeros
#                                            ^^^^^^^^^^ string.unquoted.routeros
#                                                      ^ punctuation.separator.comma.routeros
#                                                       ^^^^^^^ constant.numeric.ipv4.routeros
/ip pool add name=pppoe-pool ranges=192.168.100.2-192.168.100.50
#                                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.numeric.ipv4.routeros
#                 ^^^^^^^^^^ string.unquoted.routeros
/ipv6 address add address=2001:db8::1/64 advertise=no
#                         ^^^^^^^^^^^^^^ constant.numeric.ipv6.routeros
#                                                  ^^ constant.language.boolean.routeros
:put fe80::1; :put ::/0; :put 2001:db8:0:1:2:3:4:5
#    ^^^^^^^ constant.numeric.ipv6.routeros
#                  ^^^^ constant.numeric.ipv6.routeros
#                             ^^^^^^^^^^^^^^^^^^^^ constant.numeric.ipv6.routeros
/interface ethernet set ether1 mac-address=AA:BB:CC:DD:EE:FF
#                                          ^^^^^^^^^^^^^^^^^ constant.numeric.mac.routeros
:delay 1h30m; :delay 100ms; :delay 1w2d03:04:05; :put 00:11:22; :put 1d2h
#      ^^^^^ constant.numeric.time.routeros
#                    ^^^^^ constant.numeric.time.routeros
#                                  ^^^^^^^^^^^^ constant.numeric.time.routeros
#                                                     ^^^^^^^^ constant.numeric.time.routeros
#                                                                    ^^^^ constant.numeric.time.routeros
/ip firewall mangle set *1A disabled=yes
#                       ^^^ constant.numeric.id.routeros
#                                    ^^^ constant.language.boolean.routeros
:put true; :put false; :put no
#    ^^^^ constant.language.boolean.routeros
#               ^^^^^ constant.language.boolean.routeros
#                           ^^ constant.language.boolean.routeros
# Words that merely contain a literal stay one unquoted word.
/ip firewall mangle add new-connection-mark=no-mark in-interface=ether-2 time=8h-16h,mon
#                                           ^^^^^^^ string.unquoted.routeros - constant.language.boolean.routeros
#                                                                ^^^^^^^ string.unquoted.routeros - constant.numeric.integer.routeros
#                                                                             ^^^^^^ string.unquoted.routeros - constant.numeric.time.routeros
/ppp profile set p rate-limit=10M/5M
#                             ^^^^^^ string.unquoted.routeros
/ip firewall mangle add per-connection-classifier=both-addresses:2/0 nth=2,1
#                                                 ^^^^^^^^^^^^^^^^^^ string.unquoted.routeros
#                                                                        ^ constant.numeric.integer.routeros
#                                                                         ^ punctuation.separator.comma.routeros
#                                                                          ^ constant.numeric.integer.routeros
# A single quote is an ordinary character, never a string delimiter.
:put 'a b'
#    ^^ string.unquoted.routeros - string.quoted.routeros
#       ^^ string.unquoted.routeros - string.quoted.routeros
/system identity set name=o'brien comment='x #y'
#                         ^^^^^^^ string.unquoted.routeros
#                                         ^^ string.unquoted.routeros
#                                            ^^^ string.unquoted.routeros - comment.line.number-sign.routeros
:local arr {1;2;3}
#           ^ meta.block.routeros constant.numeric.integer.routeros
#            ^ meta.block.routeros punctuation.terminator.statement.routeros
