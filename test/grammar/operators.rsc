# SYNTAX TEST "source.routeros" "operators"
:put ($arr->"key")
#         ^^ keyword.operator.accessor.routeros
#           ^^^^^ string.quoted.double.routeros
:put ($arr->key->0)
#         ^^ keyword.operator.accessor.routeros
#           ^^^ variable.other.routeros
#              ^^ keyword.operator.accessor.routeros
:if ($name ~ "^ether" && !$disabled || $x != 3) do={}
#          ^ keyword.operator.match.routeros
#                     ^^ keyword.operator.logical.routeros
#                        ^ keyword.operator.logical.routeros
#                                   ^^ keyword.operator.logical.routeros
#                                         ^^ keyword.operator.comparison.routeros
:put (1.1.1.1/32 in 1.0.0.0/8)
#                ^^ keyword.operator.word.routeros
#                   ^^^^^^^^^ constant.numeric.ipv4.routeros
:put ($a and $b or $c)
#        ^^^ keyword.operator.word.routeros
#               ^^ keyword.operator.word.routeros
:put ("a" . "b" . 1)
#         ^ keyword.operator.concat.routeros
:put (1 << 2); :put (10 / 2); :put ($a <= 3)
#       ^^ keyword.operator.bitwise.shift.routeros
#                       ^ keyword.operator.arithmetic.routeros
#                                      ^^ keyword.operator.comparison.routeros
:put (~192.168.1.1 & 255.255.255.0)
#     ^ keyword.operator.bitwise.invert.routeros - keyword.operator.match.routeros
#                  ^ keyword.operator.bitwise.routeros
/ip firewall filter add in-interface-list=!LAN tcp-flags=syn,!ack
#                                         ^ keyword.operator.logical.negation.routeros
#                                          ^^^ string.unquoted.routeros
#                                                             ^^^ string.unquoted.routeros
# Prefix ~ inverts an address (reference A.8); between two operands ~ is the regex match.
:put ($mask & ~255.255.255.0)
#             ^ keyword.operator.bitwise.invert.routeros - keyword.operator.match.routeros
:put ($a and ~$b)
#            ^ keyword.operator.bitwise.invert.routeros
/interface print where name~"^ether"
#                          ^ keyword.operator.match.routeros - keyword.operator.bitwise.invert.routeros
:put ("ether1" ~ "^ether")
#              ^ keyword.operator.match.routeros
